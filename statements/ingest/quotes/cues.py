"""Reporting cues: the verbs and phrases that report speech ("said", "told", "according to"),
and the sentence openers an attribution may follow."""

import re

from statements.ingest.names.countries import CAPITAL_TO_COUNTRY, NOUN_TO_COUNTRY
from statements.ingest.quotes.lexicon import PROGRESSIVE, VERBS

# Verbs and phrases that report speech. Inverted order ("said Cui") is only natural for a few.
CUE = (
    r"said|says|say|told|tells|added|adds|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|noted|"
    r"notes|urged|urges|warned|warns|pointed out|points out|reiterated|reiterates|insisted|"
    r"insists|argued|argues|stated|states|announced|announces|declared|declares|underlined|"
    r"underscored|maintained|maintains|claimed|claims|acknowledged|admitted|affirmed|"
    r"reaffirmed|confirmed|confirms|explained|explains|asserted|asserts|indicated|suggested|"
    r"proposed|hoped|hopes|believes|believed|welcomed|welcomes|praised|critici[sz]ed|condemned|"
    r"denied|denies|rejected|rejects|accused|demanded|asked|vowed|vows|pledged|pledges|"
    r"promised|elaborated on|elaborated|introduced|briefed|described|commented|remarked|"
    r"replied|responded|answered(?!\s+(?:[\w'’]+\s+)?questions)|wrote|writes|complained|predicted|"
    r"recalled|highlighted|"
    r"expressed|expresses|voiced|cautioned|contended|observed|mentioned|assured|called for|"
    r"called on|calls for|calls on|spoke(?:\s+\w+ly)?\s+(?:of|about|on|highly of)|"
    r"appealed|requested|disclosed|revealed|countered|dismissed|defended|hailed|lauded|"
    r"objected|protested|regretted|lamented|outlined|informed|reminded|opposes|opposed|"
    r"wants|wanted|expects|is willing|are willing|was willing|were willing|is ready|are ready|"
    r"agreed|agree|agrees|decided|raised|raises|presented|briefed|repeated|repeats|"
    # readout verbs: "set out", "made clear", "pressed Tokyo on …" (not "pressed ahead")
    r"set out|sets out|made clear|makes clear|conveyed|conveys|recogni[sz]ed|recogni[sz]es|"
    # "reported" reports speech before a "that" clause or at the end of one: not "reported
    # record profits", not "reported on the talks"
    r"(?:reported|reports)(?=\s+(?:[\w,]+\s+){0,4}?that\b|\s*[.,;]|\s*$)|"
    r"underlines|underscores|pressed(?!\s+(?:ahead|on\b|forward))|presses(?!\s+ahead)|"
    # "called the move "regrettable"": naming something in quoted words is speech
    r"called(?=\s+(?:the|it|this|that|them|their|his|her|its|these|those)\b[^.\"“]{0,60}[\"“‘])|"
    # the lexicon's classes: every tense and the progressive ("is calling for")
    rf"{PROGRESSIVE}|{VERBS}"
)
# Cues that are speech when a side or a person does them, and deeds when a country does
ACTS = re.compile(
    r"raised|raises|introduced|presented|briefed|elaborated(?: on)?|opposes|opposed|wants|wanted|"
    r"expects|decided|repeated|repeats|outlined|pressed|presses|set out|sets out",
    re.I,
)


def is_country(phrase):
    low = re.sub(r"^the\s+", "", phrase.strip().lower())
    return low in NOUN_TO_COUNTRY or low in CAPITAL_TO_COUNTRY


# Verbs by which two parties act together ("the two sides agreed")
JOINT_VERBS = re.compile(
    r"\b(?:agreed|agree|agrees|decided|pledged|vowed|reaffirmed|signed)\b", re.I
)
SAY_INVERTED = (
    r"said|says|added|adds|noted|notes|stressed|stresses|explained|explains|continued|asked|"
    r"wrote|writes|according to|observed|insisted|insists|argued|argues|warned|warns|told|"
    r"stated|states|claimed|claims|declared|remarked|reads"
)
# A report of words said, strong enough to stand out in an opinion piece; "X has said" (the
# perfect: a stance on record, not a statement reported) is not
STRONG = re.compile(
    r"(?<!has )(?<!have )\b(?:said|says|told|tells|added|stated|announced|according to|declared)\b"
)
CUE_RX = re.compile(rf"\b(?:also\s+|further\s+|again\s+|then\s+|later\s+|once again\s+)?({CUE})\b")
PASSIVE = re.compile(r"\b(?:is|was|were|are|be|been|being)\s+$", re.I)
LEAD_ADVERBIAL = re.compile(
    r"^(?:(?:on|in|at|during|after|before|speaking|meanwhile|however|earlier|later|separately|"
    r"also|asked|responding|when|in response|addressing|at a|while|following|last|this|"
    r"yesterday|today|on the other hand|for (?:his|her|its|their) part|moreover|furthermore|"
    r"besides|but|and|still|likewise|similarly|"
    # a subordinate clause before the subject: "Rather than ease tensions, X claims …"
    r"rather than|instead of|despite|in spite of|although|though|even as|even though|unlike|"
    r"amid|ahead of|as|because|since|with|without|given|upon|once|now that|if|whereas|"
    # participle openers of readouts: "Noting that ties have grown, Wang called on …"
    r"noting|stressing|pointing out|recalling|citing|expressing|highlighting|welcoming|"
    r"underlining|emphasi[sz]ing|describing|referring|turning)\b[^,]{0,90},\s*)+",
    re.I,
)


# How sure each shape of attribution is, by the cue it was found by: a quotation with its
# speaker named beside it is surer than a sentence read as reported speech, and either is
# surer than words that only follow someone else's.
CONFIDENCE = {
    "said-after": 0.95,  # "…," X said / "…," said X
    "said-before": 0.9,  # X said: "…" / X told reporters, "…"
    "colon": 0.85,  # X said: (then the words in the next paragraph)
    "transcript-label": 0.9,  # Q:/A:, "Name:" answers, a briefing's announcements
    "interview": 0.75,  # an interview whose question labels were lost
    "reported": 0.8,  # X said that … / …, X said.
    "reported-weak": 0.65,  # a verb that reports speech less surely (hoped, regretted, raised)
    "according-to": 0.75,  # according to X, …
    "document": 0.75,  # a statement, a readout, an article as the source
    "relayed": 0.7,  # <agency> reported that <official> said …
    "joint": 0.7,  # both sides agreed …, relayed by a document or an institution
    "continued": 0.6,  # an unattributed quotation or paragraph going on with the last speaker
    "editorial": 0.8,  # an editorial's paragraph in the outlet's voice
    "genre": 0.8,  # a joint statement's or a speech's paragraph
}
# Verbs that report a stance more than words: a sentence they head is a less sure quote
WEAK_CUE = re.compile(
    r"(?:hoped|hopes|believes|believed|wants|wanted|expects|welcomed|welcomes|praised|"
    r"regretted|regrets|raised|raises|presented|introduced|described|recogni[sz]ed|"
    r"is willing|are willing|was willing|were willing|is ready|are ready|decided|pledged|vowed|"
    r"will|would|shall)"
)
# Quotes whose subject is only a pronoun or a bare role are less sure of who spoke.
PRONOUN_PENALTY = 0.1


FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My)\b")


def is_strong(body, q):
    return q.kind == "direct" or bool(STRONG.search(body[q.start : q.end]))
