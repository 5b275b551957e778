"""Transcripts: labelled questions and answers ("Q:", "Mao Ning:") of briefings and
interviews, and interviews set out without labels."""

import re

from statements.ingest.names.countries import DEMONYM_ADJ, most_named_country
from statements.ingest.names.roles import PERSON_MENTION, is_role
from statements.ingest.quotes.cues import FIRST_PERSON
from statements.ingest.quotes.said_on import interview_day, lead_date
from statements.ingest.quotes.units import Found

# --- transcripts -----------------------------------------------------------------------------

LABELLED = ("transcript-label",)  # the cue of every labelled answer

# "Q:", "A.", "QUESTION:", "Mao Ning:", "China Daily:" opening a transcript's paragraph
LABEL = re.compile(r"^(?:([A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})\s*:|(Q|A)\.)\s+(?=\S)")
QUESTION_LABELS = {
    "q",
    "question",
    "questions",
    "reporter",
    "journalist",
    "interviewer",
    "presenter",
    "host",
    "moderator",
    "anchor",
    "audience",
}
ANSWER_LABELS = {"a", "answer"}


# What closes an interview rather than answers in it: "This interview has been edited for
# length", "Jan Holm is a correspondent at …", "(Translated by …)", "© 2019 …"
FOOTER = re.compile(
    r"\b(?:this|the) interview\b|\bedited for\b|\bcondensed\b|"
    r"\b(?:interview(?:ed)?|conducted|edited|translated|compiled|reported|produced) by\b|"
    r"\b(?:correspondent|reporter|columnist|contributor|staff writer)\b|\bfirst (?:published|"
    r"appeared)\b|©|\bcopyright\b|^\(.*\)$|^\[.*\]$|^[^A-Za-z]*$",
    re.I,
)
# Interviewers' labels often carry their paper's name: "THE HERALD:", "Europa Review:"
MEDIA_WORDS = re.compile(
    r"\b(?:News|Times|Daily|Post|Herald|Journal|Agency|Press|Online|Tribune|Guardian|Telegraph|"
    r"Review|Weekly|Wire|Radio|TV|Television|Network|Gazette|Observer|Chronicle|Monitor|"
    r"Bulletin|Courier|Ledger|Sentinel|Express|Mail|Star|Magazine|Reporter|Interviewer)$",
    re.I,
)


def is_interviewer(label, outlet, bylines=""):
    """A question's label: the paper's name, a media word, or the byline's writer."""
    low = re.sub(r"^the\s+", "", label.lower()).strip()
    paper = re.sub(r"^the\s+", "", (outlet or "").lower()).strip()
    writer = bool(bylines) and re.search(rf"\b{re.escape(label.split()[-1])}\b", bylines, re.I)
    return bool(MEDIA_WORDS.search(label) or writer) or bool(
        paper and (low in paper or paper in low)
    )


def transcript_quotes(body, paragraphs, book, title, ref, *, skip=(), outlet="", bylines=""):
    """A briefing or interview set out as `Q:`/`A:` or `Name:` paragraphs: each answer
    paragraph (and each unlabelled one after it) is a direct quote of the one answering.
    Returns (quotes, paragraph indexes handled) or ([], set()) if this is no transcript."""
    labelled = [(i, LABEL.match(body[ps:pe])) for i, (ps, pe) in enumerate(paragraphs)]
    # A headline "Name: what they said" is no answer.
    labelled = [(i, m) for i, m in labelled if m and i not in skip]
    if not labelled:
        return [], set()
    first = labelled[0][0]
    intro_ix = [
        i for i, p in enumerate(paragraphs) if i < first and not LABEL.match(body[p[0] : p[1]])
    ]
    intro = [paragraphs[i] for i in intro_ix]
    heads = [title or ""] + [body[ps:pe] for ps, pe in intro]
    # Two labels are a transcript when the page says it is one ("The following is the
    # transcript:", "… Regular Press Conference on …"); a lone pair of labels is not.
    announced = any(ANNOUNCES.search(h) or BRIEFING.search(h) for h in heads)
    if len(labelled) < 3 and not (len(labelled) == 2 and announced):
        return [], set()
    interviewee = named_in_header(heads, book)
    if interviewee is None and book.mentioned:
        interviewee = book.resolve(book.mentioned[0][0], remember=False)
    found, handled, speaker = [], set(), None
    briefing = next(
        (i for i, h in zip([-1, *intro_ix], heads, strict=True) if BRIEFING.search(h)), None
    )
    occasion = interview_day(body, intro, ref) or (
        lead_date(body, intro, set(), ref) if intro and briefing is None else None
    )
    ref = occasion or ref
    if briefing is not None and interviewee is not None:
        # A briefing opens with the spokesperson's announcements, before the first question.
        for i in intro_ix:
            ps, pe = paragraphs[i]
            if i > briefing and i not in skip and is_announcement(body[ps:pe]):
                handled.add(i)
                book.touch(interviewee.name)
                role = book.role(interviewee.name)
                found.append(Found(interviewee.name, "direct", ps, pe, role, ref, -1, *LABELLED))
    for i in range(first, len(paragraphs)):
        ps, pe = paragraphs[i]
        m = LABEL.match(body[ps:pe])
        if m:
            label = m.group(1) or m.group(2)
            low = label.lower()
            if low in QUESTION_LABELS:
                speaker = None
            elif low in ANSWER_LABELS:
                speaker = interviewee
            elif is_interviewer(label, outlet, bylines):
                speaker = None
            else:
                phrase = label.title() if label.isupper() and len(label) > 4 else label
                person = book.resolve(phrase, remember=False)
                speaker = person if person is not None and person.kind == "person" else None
                if speaker is None and interviewee is not None and is_role(phrase):
                    speaker = interviewee  # "FOREIGN SECRETARY:" for the one the title names
            start = ps + m.end()
        else:
            start = ps
            text = body[ps:pe]
            surname = speaker.name.split()[-1] if speaker is not None else ""
            if speaker is not None and (
                FOOTER.search(text)
                or speaker.kind == "person"
                and re.search(rf"\b{re.escape(surname)}\b", text)
            ):
                # A footer, or narration naming the interviewee: nobody answers any more.
                speaker = None
        handled.add(i)
        if speaker is None:
            continue
        end = pe
        while end > start and body[end - 1].isspace():
            end -= 1
        book.touch(speaker.name)
        role = book.role(speaker.name)
        found.append(Found(speaker.name, "direct", start, end, role, ref, -1, *LABELLED))
    return found, handled


# A page announcing that what follows is a transcript, or a briefing's header
ANNOUNCES = re.compile(
    r"\b(?:the )?following is (?:the|a) (?:full )?(?:transcript|text)\b|\btranscript\b|"
    r"\b(?:press|news) (?:conference|briefing)\b|\bregular briefing\b|\bQ\s*&\s*A\b|"
    r"\binterview\b",
    re.I,
)
# "Foreign Ministry Spokesperson X's Regular Press Conference on …", "Spokesperson X's
# Remarks on …", "Press Briefing by …": a spokesperson's page, answers and announcements alike
BRIEFING = re.compile(
    r"\bspokes(?:person|man|woman)\b.{0,60}?['’]s?\s+(?:regular\s+|daily\s+)?"
    r"(?:press\s+conference|press\s+briefing|briefing|remarks|answers?)\b|"
    r"^(?:regular\s+|daily\s+)?press\s+(?:conference|briefing)\s+by\b",
    re.I,
)


def is_announcement(text):
    """A paragraph of the spokesperson's own: sentences, not a header or a date line."""
    text = text.strip()
    return len(text.split()) >= 8 and text[-1:] in ".!" and not text.endswith("?")


def named_in_header(heads, book):
    """The person a transcript's title, or a header line before its first label, names."""
    for head in heads:
        if head.rstrip()[-1:] in ".!?" and len(head.split()) > 20:
            continue  # narration, not a header
        for m in PERSON_MENTION.finditer(head):
            person = book.resolve(m.group(1), remember=False)
            if person is not None and person.kind == "person":
                return person
    return None


def is_question(text):
    return (
        text.rstrip().endswith("?") and len(text.split()) <= 45 and not re.search(r"[\"“”]", text)
    )


def unlabelled_interview(body, paragraphs, book, title, ref, *, skip=()):
    """An interview whose questions lost their bold type: an article that says it is an
    interview, with two or more short question paragraphs, each followed by answers. The
    answers are direct quotes of the person the title (or the article first) names."""
    texts = [body[ps:pe] for ps, pe in paragraphs]
    questions = [i for i, t in enumerate(texts) if i not in skip and is_question(t)]
    if len(questions) < 2 or not re.search(
        r"\binterview", " ".join([title or ""] + texts[:3]), re.I
    ):
        return [], set()
    if any(q + 1 in questions for q in questions) or questions[-1] + 1 >= len(texts):
        return [], set()  # questions follow each other: a list, not an interview
    interviewee = None
    for m in PERSON_MENTION.finditer(title or ""):
        interviewee = book.resolve(m.group(1), remember=False)
        if interviewee is not None and interviewee.kind == "person":
            break
        interviewee = None
    if interviewee is None and book.mentioned:
        interviewee = book.resolve(book.mentioned[0][0], remember=False)
    if interviewee is None or interviewee.kind != "person":
        return [], set()
    intro = [p for i, p in enumerate(paragraphs) if i < questions[0] and i not in skip]
    day = interview_day(body, intro, ref) or lead_date(body, intro, set(), ref) or ref
    surname = re.escape(interviewee.name.split()[-1])
    found, handled, answering = [], set(), False
    for i in range(questions[0], len(paragraphs)):
        ps, pe = paragraphs[i]
        handled.add(i)
        if i in questions:
            answering = True
            continue
        if not answering or FOOTER.search(texts[i]) or re.search(rf"\b{surname}\b", texts[i]):
            answering = False  # a footer or narration: the answers are over
            handled.discard(i)
            continue
        role = book.role(interviewee.name)
        found.append(Found(interviewee.name, "direct", ps, pe, role, day, -1, "interview"))
    # Answers speak in the first person; explainer subheads ("What happens next?") do not.
    personal = sum(1 for f in found if FIRST_PERSON.search(body[f.start : f.end]))
    if personal * 2 < len(found):
        return [], set()
    return found, handled


MINISTRY_TITLE = re.compile(
    r"\b(?:Foreign|External Affairs) Ministry\b|\bMinistry of (?:Foreign|External) Affairs\b|"
    r"\bForeign Office\b|\bDepartment of State\b|\bState Department\b"
)


def ministry_publisher(title, country, gazetteer):
    """A ministry's own briefing transcript ("Foreign Ministry Spokesperson Mao Ning's Regular
    Press Conference") is published by that ministry: the one of the spokesperson's country
    (or, when the article does not say, of the country the answers speak of most)."""
    if not MINISTRY_TITLE.search(title or "") or not country:
        return "", ""
    for o in gazetteer.outlets:
        if o.country == country and re.search(r"\b(?:Ministry|Department)\b", o.name):
            return o.name, o.country
    return f"{DEMONYM_ADJ.get(country, country)} Foreign Ministry", country


def read_transcript(doc):
    """Step: ``doc.transcript`` (answers of a labelled transcript, else of an interview set
    out without labels) and ``doc.handled``, the paragraphs that reading used."""
    bylines = " ".join(line for kind, line in doc.cleaned.dropped if kind == "byline")
    book = doc.speakers
    found, handled = transcript_quotes(
        doc.body,
        doc.paragraphs,
        book,
        doc.title,
        doc.ref,
        skip=doc.headline,
        outlet=doc.meta.outlet,
        bylines=bylines,
    )
    if not found:
        found, handled = unlabelled_interview(
            doc.body, doc.paragraphs, book, doc.title, doc.ref, skip=doc.headline
        )
    doc.transcript, doc.handled = found, handled


def find_publisher(doc):
    """Step: ``doc.outlet`` and ``doc.outlet_country``: the metadata's, else, for a ministry's
    own transcript, that ministry."""
    doc.outlet, doc.outlet_country = doc.meta.outlet, doc.meta.outlet_country
    if not doc.outlet and doc.transcript:
        speaker = doc.speakers.get(doc.transcript[0].speaker)
        country = speaker.country if speaker else ""
        doc.outlet, doc.outlet_country = ministry_publisher(
            doc.title, country or most_named_country(doc.body), doc.gazetteer
        )
