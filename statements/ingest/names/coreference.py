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
        text = self.body
        if re.search(rf"\b(?:Ms|Mrs|Miss|Madam|Madame)\.?\s+{re.escape(surname)}\b", text):
            return "f"
        if re.search(rf"\b(?:Mr|Monsieur|Herr)\.?\s+{re.escape(surname)}\b", text):
            return "m"
        role = self.role(name) + " " + " ".join(r for n, r, _ in self.mentioned if n == name)
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
