"""Sources of reported words: documents read as their issuers (a joint statement, "the
statement" named before, an article in a paper), and the speaker whose position a source
relays ("According to X, the U.S. side …", "…, said the statement")."""

import re

from statements.ingest.metadata import DATELINE_PREFIX
from statements.ingest.names.collective import BOTH, FROM_DOCUMENT, OWNED_DOCUMENT, THE_DOCUMENT
from statements.ingest.names.resolution import clean_phrase
from statements.ingest.quotes.cues import CUE, JOINT_VERBS, LEAD_ADVERBIAL, PASSIVE
from statements.ingest.quotes.units import unit_bounds

# "a joint statement on the outcomes of the talks", "their joint communique": both parties issue it
JOINT_DOCUMENT = re.compile(
    r"^(?:a|an|the|their|this|that)\s+(?:new\s+|final\s+|brief\s+)?joint\s+(?:press\s+)?"
    r"(?:statement|declaration|communiqu[eé]|readout|fact\s+sheet|press\s+release)\b",
    re.I,
)
# "an article in the Harbour Times", "a commentary published by the Daily Star"
PRINTED_IN = re.compile(
    r"^(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:article|commentary|editorial|op-ed|opinion\s+piece|"
    r"piece|column|report)\s+(?:(?:published|printed|carried|run)\s+)?(?:in|by|on)\s+(.+)$",
    re.I,
)
# "the statement posted on the ministry's website": where it was read, not who issued it
WHERE_POSTED = re.compile(
    r"\s+(?:posted|published|carried|placed|put|uploaded)\s+(?:on|to|at)\s+[^,]*?"
    r"\b(?:website|web\s+site|site|page|portal|account|channel)\b.*$",
    re.I,
)


def resolve(book, phrase, *, remember=True):
    """``book.resolve`` for an attribution's subject, with documents read as their issuers: a
    joint statement speaks for both governments, and a later "the statement" refers back to
    the document named before it."""
    phrase = WHERE_POSTED.sub("", phrase)
    m = PRINTED_IN.match(phrase)
    if m:
        # "said an article in the Harbour Times": the paper that printed it speaks
        return book.resolve(m.group(1), remember=remember)
    if JOINT_DOCUMENT.match(phrase):
        joint = book.joint("the two governments")
        if joint is not None:
            if remember:
                book.last_document_source = joint.name
            return joint
    return book.resolve(phrase, remember=remember)


CONTENT_SUBJECT = re.compile(
    rf"^(.{{2,90}}?)\s+(?:had\s+|has\s+|have\s+)?(?:also\s+|further\s+)?((?:is|are|was|were)\s+"
    rf"(?:also\s+)?(?:willing|ready|prepared|determined|committed|eager|keen|open)|{CUE}|pledged|"
    rf"vowed|signed|pressed|presses|urged)\b",
    re.I | re.S,
)


def content_speaker(content, book, *, joint_ok):
    """The subject of a relayed clause when it is a speaker taking a position: the U.S. side in
    "the U.S. side is willing to ..., said the statement"."""
    content = LEAD_ADVERBIAL.sub("", DATELINE_PREFIX.sub("", content.strip()))
    # "in a statement that the two ministers …": the relayed clause starts after "that"
    content = re.sub(
        r"^(?:(?:in|on|at|through|via)\s[^,\"“]{0,50}?\s)?that\s+", "", content, flags=re.I
    )
    content = re.sub(r"(?:^|\s)[\"“‘](?=\w)", " ", content).strip()  # `the ministers "agreed to …"`
    m = CONTENT_SUBJECT.match(content)
    if not m or PASSIVE.search(m.group(1) + " ") or re.search(r"[\"“”‘]", m.group(1)):
        return None
    phrase = clean_phrase(m.group(1))
    # "the two sides exchanged views on … and agreed …": the subject of the first verb
    coord = re.match(r"^(.{2,60}?)\s+[a-z]+ed\b.*\band$", m.group(1).strip(), re.S)
    if coord and resolve(book, clean_phrase(coord.group(1)), remember=False) is not None:
        phrase = clean_phrase(coord.group(1))
    joint = BOTH.match(phrase) or re.search(r"\band\b", phrase) or re.match(r"both\b", phrase, re.I)
    if joint and not (joint_ok and JOINT_VERBS.search(m.group(2))):
        return None
    return resolve(book, phrase, remember=False)


def is_document(phrase):
    return bool(
        FROM_DOCUMENT.match(phrase)
        or THE_DOCUMENT.match(phrase)
        or OWNED_DOCUMENT.match(phrase)
        or JOINT_DOCUMENT.match(phrase)
        or PRINTED_IN.match(phrase)
    )


def relayed_speaker(body, u, att, book):
    """Who takes the position a source relays: `According to Chen, the U.S. side acknowledged`,
    `Wang told Kono ..., according to a statement`, `The readout said the two sides agreed`."""
    start, end = unit_bounds(body, u)
    document = is_document(att.phrase)
    source = resolve(book, att.phrase, remember=False)
    if att.according and att.where == "lead":
        return content_speaker(body[att.span_end : end], book, joint_ok=True)
    if att.where == "trail" and (document or (source is not None and source.kind != "person")):
        # A ministry, a delegation or a paper reporting what "both sides agreed" relays the
        # joint position; one reporting what a named person said relays that person.
        return content_speaker(body[start : att.span_start], book, joint_ok=True)
    if att.where == "lead" and (document or (source is not None and source.kind != "person")):
        speaker = content_speaker(body[att.verb_end : end], book, joint_ok=True)
        # "CCTV reported that Premier Li said …": a paper relays whoever its clause names
        relays = document or (source is not None and source.kind == "outlet")
        if speaker is not None and (relays or " and " in speaker.name):
            return speaker
    return None
