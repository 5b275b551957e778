"""Statement-like prose for the synthetic quotes: noun phrases, adjuncts and sentences over the
vocabulary, each word picked by its rank, and verbs agreeing with their subjects."""

from statements.synth.sampling import Zipf
from statements.synth.vocabulary import (
    ADJECTIVES,
    EVALUATIONS,
    EVALUATIVES,
    MODALS,
    NOUNS,
    PHRASES,
    PLACES,
    STANCES,
    TAIL_KINDS,
    TAIL_WORDS,
    TIME_REFS,
    VERBS,
    spaced,
)


class Prose:
    """The pickers over each word list and the grammar that strings them into sentences; the
    random stream is always the caller's."""

    def __init__(self):
        self.phrase = Zipf([p for p, _ in PHRASES], s=0, boost=[w for _, w in PHRASES])
        self.noun = Zipf(NOUNS, s=1.0)
        self.adj = Zipf(ADJECTIVES, s=1.0)
        self.verb = Zipf(VERBS, s=0.9)
        self.modal = Zipf(spaced(MODALS), s=1.0)
        self.stance = Zipf(spaced(STANCES), s=0.9)
        self.evaluation = Zipf(spaced(EVALUATIONS), s=0.8)
        self.evaluative = Zipf(EVALUATIVES, s=0.8)
        self.time = Zipf(spaced(TIME_REFS), s=0.7)
        self.place = Zipf(spaced(PLACES), s=1.0)
        self.tail = Zipf(TAIL_WORDS, s=1.0)
        self.tail_kind = Zipf(TAIL_KINDS, s=0.8)

    def noun_phrase(self, rng):
        """A set phrase, or a noun with its article and modifiers ("our frank dialogue")."""
        r = rng.random()
        if r < 0.42:
            np = self.phrase(rng)
        else:
            noun = self.noun(rng)
            np = f"{self.adj(rng)} {noun}" if r < 0.75 else noun
            if rng.random() < 0.5:
                np = ("the " if rng.random() < 0.6 else "our ") + np
            if rng.random() < 0.15:
                np += f" on {self.phrase(rng)}"
        t = rng.random()
        if t < 0.05:
            np += f" in {self.place(rng)}"
        elif t < 0.10:
            np += f" concerning the {self.tail(rng)} {self.tail_kind(rng)}"
        return np

    def adjunct(self, rng):
        """What may follow a clause: "" or " in the spirit of mutual respect" and the like."""
        r = rng.random()
        if r < 0.45:
            return ""
        if r < 0.55:
            return f" on the basis of {self.phrase(rng)}"
        if r < 0.63:
            return f" in the spirit of {self.phrase(rng)}"
        if r < 0.70:
            return f" in accordance with {self.noun_phrase(rng)}"
        if r < 0.77:
            return f" through {self.noun_phrase(rng)}"
        if r < 0.83:
            return f" {self.time(rng)}"
        if r < 0.90:
            return f" for the sake of {self.noun_phrase(rng)}"
        if r < 0.95:
            return f" in {self.place(rng)}"
        return f" without {self.noun_phrase(rng)}"

    def sentence(self, rng, me, other, person=1):
        """One statement-like sentence; ``me`` and ``other`` are Countries."""
        np, pp = self.noun_phrase, self.adjunct
        base, past, _ = self.verb(rng)
        if person == 1:
            subj = rng.choice(("We", "We", "We", me.name, f"The {me.adj} side"))
        else:
            subj = rng.choice((me.name, f"the {me.adj} side", "the two sides", "both countries"))
        singular = subj not in {"We", "the two sides", "both countries"}
        t = rng.random()
        if t < 0.22:
            s = f"{subj} {agree(self.modal(rng), singular)} {base} {np(rng)}{pp(rng)}"
        elif t < 0.38:
            s = f"{subj} {agree(self.stance(rng), singular)} {np(rng)}{pp(rng)}"
        elif t < 0.50:
            _, past2, _ = self.verb(rng)
            s = f"the two sides {past} {np(rng)} and {past2} {np(rng)}{pp(rng)}"
        elif t < 0.60:
            s = f"it is {self.evaluative(rng)} for both sides to {base} {np(rng)}"
        elif t < 0.70:
            _, _, gerund = self.verb(rng)
            who = rng.choice((other.name, f"the {other.adj} side", "no country"))
            s = f"{who} should {base} {np(rng)} rather than {gerund} {np(rng)}"
        elif t < 0.80:
            hope = "hopes" if singular else "hope"
            s = f"{subj} {hope} the {other.adj} side will {base} {np(rng)}{pp(rng)}"
        elif t < 0.90:
            s = f"respect for {np(rng)} is {self.evaluation(rng)}"
        else:
            s = f"{subj} {past} {np(rng)} with the {other.adj} side {self.time(rng)}"
        return s[0].upper() + s[1:] + "."

    def statement(self, rng, me, other, person=1, min_sentences=1, max_sentences=3):
        n = rng.randint(min_sentences, max_sentences)
        return " ".join(self.sentence(rng, me, other, person) for _ in range(n))


THIRD_PERSON = {
    "are": "is",
    "have": "has",
    "stand": "stands",
    "need": "needs",
    "hope": "hopes",
    "intend": "intends",
    "remain": "remains",
    "oppose": "opposes",
    "reject": "rejects",
    "support": "supports",
    "welcome": "welcomes",
    "value": "values",
    "attach": "attaches",
    "appreciate": "appreciates",
    "condemn": "condemns",
    "deplore": "deplores",
}
PLURAL = {v: k for k, v in THIRD_PERSON.items()}


def agree(phrase, singular):
    """Make the first verb of ``phrase`` agree with its subject ("we oppose", "China opposes";
    "firmly opposes" agrees on its second word)."""
    table = THIRD_PERSON if singular else PLURAL
    ws = phrase.split(" ")
    i = 1 if ws[0] == "firmly" and len(ws) > 1 else 0
    ws[i] = table.get(ws[i], ws[i])
    return " ".join(ws)
