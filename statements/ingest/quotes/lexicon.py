"""The reporting-verb lexicon: verbs that report speech or a stated position, by class, with
the forms news writing uses (past, present, perfect participle, progressive).

``cues.CUE`` is built from it. A verb's bare base form ("note", "state", "press") is left out
where it is mostly a noun; the progressive ("is calling for", "are urging") is generated for
every verb, so "X is calling for …" reads like "X called for …".
"""

import re

# class: verbs as "base past third [ing]" (regular forms are generated when only the base is
# given). A trailing particle ("call for", "point out") is kept on every form.
CLASSES = {
    "say": [
        "say said says saying",
        "tell told tells telling",
        "add",
        "state",
        "remark",
        "comment",
        "explain",
        "expound",
        "elaborate",
        "write wrote writes writing",
        "reply replied replies replying",
        "respond",
        "mention",
        "brief",
        "inform",
    ],
    "announce": [
        "announce",
        "declare",
        "disclose",
        "reveal",
        "proclaim",
    ],
    "urge": [
        "urge",
        "call for called_for calls_for calling_for",
        "call on called_on calls_on calling_on",
        "appeal",
        "ask",
        "demand",
        "request",
        "implore",
        "exhort",
    ],
    "agree": [
        "agree",
        "decide",
        "pledge",
        "direct",
        "instruct",
        "vow",
        "promise",
    ],
    "characterise": [
        "characterise",
        "characterize",
        "describe",
        "term",
        "dub dubbed dubs dubbing",
        "hail",
        "herald",
        "cite",
    ],
    "express": [
        "express",
        "voice",
        "convey",
        "spell out spelled_out spells_out spelling_out",
    ],
    "hope": [
        "hope",
        "expect",
        "believe",
        "predict",
    ],
    "stress": [
        "stress",
        "emphasise",
        "emphasize",
        "underline",
        "underscore",
        "highlight",
        "insist",
        "reiterate",
        "reaffirm",
        "restate",
        "repeat",
    ],
    "note": [
        "note",
        "point out pointed_out points_out pointing_out",
        "observe",
        "recall",
        "remind",
        "acknowledge",
        "admit admitted admits admitting",
        "recognise",
        "recognize",
        "indicate",
        "suggest",
        "propose",
    ],
    "claim": [
        "claim",
        "argue",
        "assert",
        "contend",
        "maintain",
        "allege",
        "accuse",
        "counter",
        "warn",
        "caution",
    ],
    "confirm": ["confirm", "affirm", "assure", "deny denied denies denying"],
    "raise": [
        "raise",
        "bring up brought_up brings_up bringing_up",
        "outline",
        "set out set_out sets_out setting_out",
        "make clear made_clear makes_clear making_clear",
        "put forward put_forward puts_forward putting_forward",
    ],
    "regret": [
        "regret regretted regrets regretting",
        "lament",
        "deplore",
        "condemn",
        "criticise",
        "criticize",
        "denounce",
        "protest",
        "object",
        "complain",
        "reject",
        "dismiss",
        "oppose",
    ],
    "welcome": [
        "welcome",
        "praise",
        "applaud",
        "commend",
        "laud",
    ],
}

# The bare base form cues only for these (present tense with a plural subject: "the two
# sides agree"); for most verbs it is as often a noun ("a note", "the state", "the press").
BASE_OK = {"say", "tell", "agree", "urge", "call for", "call on", "hope", "stress", "warn",
           "insist", "argue", "believe", "expect", "oppose", "reject", "deny"}  # fmt: skip
# Verbs whose third person is as often a plural noun ("made the remarks", "his comments");
# the hand-picked ``cues.CUE`` keeps the few that news uses as verbs ("notes", "states").
NOUN_PLURAL = {"remark", "comment", "answer", "term", "voice", "protest", "object", "counter",
               "demand", "request", "appeal", "reply", "highlight", "caution", "brief",
               "outline", "herald", "hail", "laud", "label"}  # fmt: skip


def _regular(base):
    """Past, third person and -ing of a regular verb ("urge" → urged, urges, urging)."""
    if base.endswith("e"):
        return base + "d", base + "s", base[:-1] + "ing"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ied", base[:-1] + "ies", base + "ing"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return base + "ed", base + "es", base + "ing"
    return base + "ed", base + "s", base + "ing"


def forms(entry):
    """Every form of one lexicon entry: (finite forms, -ing form). An entry is a base form
    alone (regular verb) or the base followed by past, third person and -ing forms, with
    "_" joining a verb and its particle ("call for called_for calls_for calling_for")."""
    words = entry.split()
    if len(words) >= 4:
        base = " ".join(words[:-3])
        past, third, ing = (w.replace("_", " ") for w in words[-3:])
    else:
        base = entry
        past, third, ing = _regular(base)
    finite = [past] + ([] if base in NOUN_PLURAL else [third]) + ([base] if base in BASE_OK else [])
    return finite, ing


def _alternation(words):
    # longest first, so that "called for" wins over "called"
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
    )


FINITE, PARTICIPLES, BY_VERB = [], [], {}
for _class, _entries in CLASSES.items():
    for _entry in _entries:
        _finite, _ing = forms(_entry)
        FINITE.extend(_finite)
        PARTICIPLES.append(_ing)
        for _w in (*_finite, _ing):
            BY_VERB[_w] = _class

# "is calling for", "are urging", "has been pressing": the progressive reports speech too
PROGRESSIVE = (
    r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:also\s+|still\s+)?"
    rf"(?:{_alternation(p for p in PARTICIPLES if p != 'saying')})"
)
VERBS = _alternation(FINITE)
# A participle after a clause: "…, stressing that …", "…, calling for …"
PARTICIPLE = _alternation(PARTICIPLES)


def verb_class(verb):
    """The lexicon class of a cue as written ("urged" → "urge"), or ""."""
    low = re.sub(r"\s+", " ", verb.strip().lower())
    low = re.sub(r"^(?:is|are|was|were|has been|have been|had been) (?:also |still )?", "", low)
    return BY_VERB.get(low, "")
