"""Coreference: who "he", "she" or "they" is, from the people an article names and how it
refers to them; ``Coreference`` is the part of ``SpeakerBook`` that tracks it."""

import bisect
import re

from statements.ingest.names.countries import CAPITAL_TO_COUNTRY
from statements.ingest.names.roles import (
    CAPITALISED_RUN,
    NOT_NAME_WORDS,
    NOT_NAMES,
    SURNAME_WORDS,
    is_role,
    role_suffix,
    split_role_name,
)

# Just before a capitalised run, the start of a body's or an office's name ("Group on",
# "Committee for the")
OF_A_NAME = re.compile(r"[A-Z][\w'’-]*\s+(?:of|for|on|against)\s+(?:the\s+)?$")
# Capitalised words that open a sentence or a page's menu, never a person's name
_RUN_OPENERS = """
    In On At From For With By After Before During Under Over Since Despite Following Amid
    Among Through Unlike Via Send Share Read Join Sign Click Follow Subscribe Home
"""
RUN_OPENERS = set(_RUN_OPENERS.split())
PRONOUNS = {"he": "person", "she": "person", "it": "body", "they": "group"}


def _mention_index(book):
    """The article's mentions by name and by each word of the name, in order: built once per
    list of mentions, so that a lookup does not read every mention of a long article."""
    index = book.__dict__.get("_mention_index")
    if index is None or index[0] is not book.mentioned or index[1] != len(book.mentioned):
        by_name, by_token = {}, {}
        for mention in book.mentioned:
            by_name.setdefault(mention[0], []).append(mention)
            for word in dict.fromkeys(mention[0].split()):
                by_token.setdefault(word, []).append(mention)
        index = (book.mentioned, len(book.mentioned), by_name, by_token)
        book.__dict__["_mention_index"] = index
    return index


def mentioned_named(book, name):
    """The mentions (name, role, offset) of exactly ``name``, in order."""
    return _mention_index(book)[2].get(name, ())


def mentioned_with(book, token):
    """The mentions whose name has ``token`` as a word, in order."""
    return _mention_index(book)[3].get(token, ())


FEMALE_TITLE = re.compile(r"\b(?:Ms|Mrs|Miss|Madam|Madame)\.?\s+")
MALE_TITLE = re.compile(r"\b(?:Mr|Monsieur|Herr)\.?\s+")
WORD = re.compile(r"\w+")


def honorific_gender(book, surname):
    """ "f" when the body has "Ms SURNAME" (Mrs, Miss, Madam), "m" for "Mr SURNAME", else "".
    The words after each title are read once per body, so asking for every person costs
    no more than reading the body once."""
    if not surname:
        return ""
    titled = book.__dict__.get("_titled")
    if titled is None or titled[0] is not book.body:
        after = {
            kind: {WORD.match(book.body, m.end()) for m in rx.finditer(book.body)}
            for kind, rx in (("f", FEMALE_TITLE), ("m", MALE_TITLE))
        }
        words = {k: {w.group() for w in found if w} for k, found in after.items()}
        titled = book.__dict__["_titled"] = (book.body, words, {})
    words = titled[1]
    if WORD.fullmatch(surname):
        # "Ms Wong" with a one-word surname: the word run after the title is the surname
        return "f" if surname in words["f"] else "m" if surname in words["m"] else ""
    other = titled[2]  # surnames of other shapes ("Hyun-jae"), searched once each
    if surname not in other:
        escaped = re.escape(surname)
        other[surname] = next(
            (
                kind
                for kind, rx in (("f", FEMALE_TITLE), ("m", MALE_TITLE))
                if re.search(rf"{rx.pattern}{escaped}\b", book.body)
            ),
            "",
        )
    return other[surname]


class Coreference:
    """The people an article mentions, their gender, and what a pronoun refers to."""

    def note_mentions(self, body, units=()):
        """People the article names (with their role), for a later bare surname or role;
        ``units`` are the article's sentences (start, end, quotation spans)."""
        self.body = body
        self.units = [(start, end) for start, end, _spans in units]
        self.quoted = [span for _s, _e, spans in units for span in spans]
        for m in CAPITALISED_RUN.finditer(body):
            run, start = m.group(1), m.start(1)
            if "\n" in run:  # a run never goes on past the end of a line (a headline's)
                start += run.rindex("\n") + 1
                run = run[run.rindex("\n") + 1 :]
            role, name = split_role_name(run)
            name = re.sub(r"['’]s$", "", name)  # "Jo Price's interview"
            if any(t.isupper() and len(t) > 2 for t in name.split()) and not name.isupper():
                # "HAYASHI Yoshio": a surname set in capitals (Japanese and Chinese style)
                name = " ".join(
                    t.title() if t.isupper() and len(t) > 2 else t for t in name.split()
                )
            tokens = name.split()
            if not 2 <= len(tokens) <= 4 or any(t in NOT_NAMES for t in tokens[1:]):
                continue
            if tokens[0] in RUN_OPENERS:
                continue  # "In Monday's talks", "Send to": a capital that opens a sentence
            if tokens[0] in NOT_NAMES and not (tokens[0] in SURNAME_WORDS and role):
                continue  # "He Lifeng" only where a title shows it is a name
            if (
                any(t.lower() in NOT_NAME_WORDS for t in tokens)
                or name.lower() in CAPITAL_TO_COUNTRY
            ):
                continue
            # "Chancellor of the Exchequer Philip Hammond", "his Japanese counterpart, Yoshimasa
            # Hayashi": the role may sit before the run, across "of the" or a comma
            tail = body[max(0, start - 80) : start]
            if not role and OF_A_NAME.search(tail):
                continue  # "the Working Group on Arbitrary Detention": a body's name, no person
            comma = re.search(r",\s*$", tail)
            if comma:
                tail = tail[: comma.start()]
            before = re.split(r"(?<![A-Z])\.|[;:!?\n(\"“”]|,\s", tail)[-1]
            role = role_suffix(before + " " + role if role else before)
            if not role:
                after = re.match(r",\s+((?:the\s+|an?\s+)?[^,.;]{3,90})", body[m.end() :])
                if after and is_role(after.group(1)):
                    role = after.group(1)
            self.mentioned.append((name, role.strip(" ,"), start))

    def sentence_end(self, at):
        """Where the sentence holding offset ``at`` ends (``at`` itself if none does)."""
        if at < 0:
            return at
        i = bisect.bisect_right(self.units, (at, float("inf"))) - 1
        return max(at, self.units[i][1]) if i >= 0 else at

    def sentence_at(self, at):
        """(start, end) of the sentence holding offset ``at``, or (at, at)."""
        i = bisect.bisect_right(self.units, (at, float("inf"))) - 1
        if i >= 0 and self.units[i][0] <= at < self.units[i][1]:
            return self.units[i]
        return at, at

    def capitalised_inside(self, word):
        """Whether the sentence being read has ``word`` capitalised after a lower-case word or
        a comma, where a pronoun would be written in lower case."""
        start, end = self.sentence_at(self.position)
        text = self.body[start:end]
        return any(
            not self.in_quotation(start + m.start(1))
            for m in re.finditer(rf"[a-z,;]\s+({re.escape(word)})\b", text)
        )

    def sentence_before(self, at):
        """(start, end) of the sentence before the one holding offset ``at``, or (at, at)."""
        i = bisect.bisect_right(self.units, (at, float("inf"))) - 1
        if i >= 0 and self.units[i][0] <= at < self.units[i][1]:
            i -= 1
        return self.units[i] if i >= 0 else (at, at)

    def in_quotation(self, at):
        return any(start <= at < end for start, end in self.quoted)

    def gender(self, name):
        """ "m", "f" or "" from how the article refers to ``name``: "Mr Wang", "Ms Wong",
        "spokeswoman", "congressman"."""
        surname = name.split()[-1] if name.split() else ""
        found = honorific_gender(self, surname)
        if found:
            return found
        role = self.role(name) + " " + " ".join(r for _n, r, _ in mentioned_named(self, name))
        if re.search(r"woman\b", role):
            return "f"
        if re.search(r"(?:spokes|chair|congress)man\b", role):
            return "m"
        return ""

    def pronoun(self, kind, gender=""):
        if kind == "person":
            # he/she: the latest person quoted or named before the sentence being read, of the
            # pronoun's gender when the article tells it ("Ms Ward", "spokeswoman")
            def fits(n):
                return not gender or self.gender(n) in {"", gender}

            seen = [
                (self.seen.get(n, -1), n)
                for n in self.recent
                if self.get(n).kind == "person" and fits(n)
            ]
            # A person named after the latest one quoted is the nearer antecedent, unless the
            # name sits in that speaker's own sentence ("X, the spokeswoman for Y, said") or
            # inside quotation marks (whom a speaker talks about).
            floor = self.sentence_end(max(seen or [(-1, "")])[0])
            named = [
                (at, n)
                for n, _r, at in self.mentioned
                if floor < at < self.position and fits(n) and not self.in_quotation(at)
            ]
            if named:
                at, name = max(named)
                role = next(r for n, r, a in self.mentioned if n == name and a == at)
                return self.resolve_name(name, role)
        for name in reversed(self.recent):
            s = self.get(name)
            if kind == "person" and s.kind == "person" and (not gender or fits(name)):
                return s
            if kind == "body" and s.kind in {"delegation", "government", "outlet"}:
                return s
            if kind == "group" and s.kind in {"delegation", "government"}:
                return s
        return None
