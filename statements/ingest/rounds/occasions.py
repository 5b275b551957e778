"""Where and when words were said, as far as their round goes: at another gathering, in a
paragraph set at one, or about the dialogue in general rather than one of its rounds."""

import bisect
import re

# Another gathering (a news conference or a conference call is where the talks are
# explained, a video conference may be the talks themselves: none is another event)
OTHER_OCCASION = re.compile(
    r"\b(?:summit|(?<!news )(?<!press )(?<!video )(?<!video-)conference(?!\s+call)|forum|rally|"
    r"G-?20|G-?7|convention)\b",
    re.I,
)
# A legislature ("told lawmakers", "told a Senate committee"): ahead of a round, what an
# official tells it is what the round will hear; after the round it is another occasion
LEGISLATURE = re.compile(
    r"\b(?:parliament|lawmakers|legislators|(?:congressional|parliamentary|senate)\s+"
    r"(?:hearing|committee))\b",
    re.I,
)


def other_occasion(body, lo, hi, covered, occasion=OTHER_OCCASION):
    """Whether the sentence places the words at another gathering than a dialogue round."""
    for m in occasion.finditer(body, lo, hi):
        if any(s <= m.start() < e for s, e in covered):
            continue
        if NOT_A_PLACE.match(body, m.end()) or not PLACED.search(
            body[max(lo, m.start() - 60) : m.start()]
        ):
            continue  # "the summit agreement", "that the Summit Meeting … would": not where
        return True
    return False


# The words were said at the gathering: "at the summit", "on the sidelines of the G20 …"
PLACED = re.compile(
    r"\b(?:at|during|on\s+the\s+(?:sidelines|margins)\s+of|ahead\s+of|after|before|following|"
    r"attend(?:s|ed|ing)?|addressed|addressing|told|in)\s+(?:(?:the|a|an|this|its|their|his|her)\s+)?"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
NOT_A_PLACE = re.compile(r"\s+(?:agreement|declaration|deal|accord|statement|communiqu)", re.I)


def placed_mentions(mentions, main_dialogue):
    """Spans of mentions that stand for a dialogue round, not for a gathering: a summit the
    text names ("the G20 Summit") is another occasion unless it is the article's round."""
    return [
        (m.start, m.end) for m in mentions if m.round is not None or m.dialogue == main_dialogue
    ]


SCENE_REACH = 3


def scene_elsewhere(body, units, unit, mentions_of, main_dialogue):
    """Whether an earlier sentence of the quote's paragraph sets the scene at another
    gathering ("During their meeting at the G20 summit, the leaders discussed … Both sides
    reaffirmed …"), with no round named in between."""
    paragraph = units[unit].paragraph
    # a scene is set a few sentences before (also in a text that is one long paragraph)
    for ui in range(unit - 1, max(-1, unit - 1 - SCENE_REACH), -1):
        u = units[ui]
        if u.paragraph != paragraph:
            return False
        ms = mentions_of.get(ui, [])
        if any(m.round is not None for m in ms):
            return False
        if other_occasion(body, u.start, u.end, placed_mentions(ms, main_dialogue)):
            return True
    return False


# "the utility of bilateral rights dialogues", "These dialogues are not negotiations": the
# dialogues as a practice, not one round ("hold dialogues with other countries" is an act)
GENERAL = re.compile(
    r"(?<!hold )(?<!holding )(?<!held )\b(?:the|these|such|those|bilateral|rights|"
    r"past|previous|many|all|earlier)\s+(?:[\w-]+\s+){0,2}?(?:dialogues|rounds)\b",
    re.I,
)


def in_general(body, lo, hi):
    """Whether the sentence speaks of the dialogues in general."""
    return bool(GENERAL.search(body, lo, hi))


# "keen to see the dialogue happen twice a year", "the frequency of the dialogue": the
# dialogue as an institution, how often it meets, not a round of it
RECURRING = re.compile(
    r"\b(?:(?:once|twice|three\s+times)\s+(?:a|each|every|per)\s+year|annually|every\s+year|"
    r"frequency|how\s+often|regular(?:ly)?\s+(?:held|meetings?))\b",
    re.I,
)


def recurring_at(body):
    """Where the text speaks of how often something meets, in order: read once per
    article, so that each quote only looks its sentence up."""
    return [m.start() for m in RECURRING.finditer(body)]


def about_the_institution(body, lo, hi, mention, recurring):
    """Whether a mention without a day or number of its own ("the dialogue") stands for the
    dialogue as an institution in this sentence (how often it meets); ``recurring`` is
    ``recurring_at(body)``."""
    info = mention.info
    if info.get("dates") or info.get("ordinal"):
        return False
    # "the bilateral rights dialogues had achieved little": the practice, not one round
    if mention.anaphor and GENERAL.fullmatch(body, mention.start, mention.end):
        return True
    i = bisect.bisect_left(recurring, lo)
    return i < len(recurring) and recurring[i] < hi


def after_at_legislature(body, lo, hi, covered, said_on, rnd):
    """Whether words said after the round ended were said to a legislature."""
    end = rnd.end or rnd.start
    if not (said_on and end and said_on > end):
        return False
    return other_occasion(body, lo, hi, covered, LEGISLATURE)
