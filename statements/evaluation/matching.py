"""Matching an extraction to its annotation: counts, normalised text, name equivalence, quote
and round matching (the rules are in docs/evaluation.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = ROOT / "fixtures" / "evaluation"
REFERENCE = ROOT / "fixtures" / "reference.json"

KINDS = ("direct", "indirect", "editorial")
MIN_OVERLAP = 0.5  # of the shorter text: lenient on where a quote starts and ends

# Quote marks carry no meaning for overlap, and extractors may drop or straighten them.
_MARKS = str.maketrans("", "", "\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb")
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " "})


# ---------------------------------------------------------------------------- counting


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        # Predicting nothing where nothing is expected is perfect, not undefined.
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float(self.fp == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_json(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    def add(self, other: Ratio) -> None:
        self.right += other.right
        self.total += other.total

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def as_json(self) -> dict:
        value = self.value
        return {
            "right": self.right,
            "total": self.total,
            "accuracy": None if value is None else round(value, 4),
        }


# ---------------------------------------------------------------------------- normalising


def normalise_text(text: str) -> str:
    text = (text or "").translate(_DASHES).translate(_MARKS).casefold()
    return re.sub(r"\s+", " ", text).strip()


def _name_tokens(name: str) -> tuple[str, ...]:
    name = (name or "").translate(_DASHES).casefold().replace("\u2019", "'")
    name = name.replace(".", "")  # U.S. = US
    name = re.sub(r"[-/,()]", " ", name)
    tokens = [t for t in name.split() if t not in {"the", "and", "&"}]
    return tuple(sorted(tokens))  # word order is free: "Chinese and U.S." = "U.S. and Chinese"


# Party spellings that mean the same thing in a dialogue's name.
_PARTY = {
    "sino": "china",
    "chinese": "china",
    "us": "us",
    "usa": "us",
    "american": "us",
    "america": "us",
    "eu": "eu",
    "uk": "uk",
    "british": "uk",
    "japanese": "japan",
    "indian": "india",
    "german": "germany",
    "australian": "australia",
    "russian": "russia",
}
_PHRASES = (
    ("united states", "us"),
    ("european union", "eu"),
    ("united kingdom", "uk"),
    ("people's republic of china", "china"),
)


def _dialogue_tokens(name: str) -> frozenset[str]:
    text = (name or "").translate(_DASHES).casefold().replace("\u2019", "'").replace(".", "")
    for phrase, short in _PHRASES:
        text = text.replace(phrase, short)
    text = re.sub(r"[-/,()'\u2018]", " ", text)
    tokens = {_PARTY.get(t, t) for t in text.split()}
    return frozenset(tokens - {"the", "and", "&", "s", "of"})


class Names:
    """Canonical keys for speakers, outlets and dialogues, through the gazetteer's aliases."""

    def __init__(self, gazetteer=None):
        self.speakers: dict[tuple, str] = {}
        self.dialogues: dict[frozenset, str] = {}
        if gazetteer is None:
            return
        for speaker in gazetteer.speakers:
            for name in [speaker.name, speaker.native_name, *speaker.aliases]:
                if name:
                    self.speakers.setdefault(_name_tokens(name), speaker.name)
        for outlet in gazetteer.outlets:
            for name in [outlet.name, *outlet.aliases]:
                if name:
                    self.speakers.setdefault(_name_tokens(name), outlet.name)
        for dialogue in gazetteer.dialogues:
            for name in [dialogue.name, *dialogue.aliases]:
                self.dialogues.setdefault(_dialogue_tokens(name), dialogue.name)

    def speaker(self, name: str) -> tuple:
        tokens = _name_tokens(name)
        known = self.speakers.get(tokens)
        return _name_tokens(known) if known else tokens

    def outlet(self, name: str) -> tuple:
        return self.speaker(name)

    def dialogue(self, name: str) -> frozenset:
        tokens = _dialogue_tokens(name)
        known = self.dialogues.get(tokens)
        return _dialogue_tokens(known) if known else tokens

    def same_dialogue(self, a: str, b: str) -> bool:
        ka, kb = self.dialogue(a), self.dialogue(b)
        if ka == kb:
            return True
        # Unknown dialogues get named freely; with equal dates, most shared words suffice.
        return bool(ka and kb) and len(ka & kb) / len(ka | kb) >= 0.5

    def same_round(self, a: dict | None, b: dict | None) -> bool:
        if not a or not b:
            return not a and not b
        return (
            bool(a.get("start"))
            and a.get("start") == b.get("start")
            and (self.same_dialogue(a.get("dialogue", ""), b.get("dialogue", "")))
        )


# ---------------------------------------------------------------------------- overlap


def _spans(needle: str, haystack: str) -> list[tuple[int, int]]:
    found, start = [], haystack.find(needle) if needle else -1
    while start >= 0:
        found.append((start, start + len(needle)))
        start = haystack.find(needle, start + 1)
    return found


def overlap(a: str, b: str, article: str = "") -> tuple[float, float]:
    """(overlap / shorter, overlap / union) of two quote texts.

    Both located in the article: character spans. Otherwise (an extractor that rewrote the
    text, or no article): tokens in order, through difflib.
    """
    na, nb = normalise_text(a), normalise_text(b)
    if not na or not nb:
        return 0.0, 0.0
    body = normalise_text(article)
    spans_a, spans_b = _spans(na, body), _spans(nb, body)
    if spans_a and spans_b:
        best = (0.0, 0.0)
        for sa, ea in spans_a:
            for sb, eb in spans_b:
                inter = max(0, min(ea, eb) - max(sa, sb))
                if inter:
                    union = max(ea, eb) - min(sa, sb)
                    best = max(best, (inter / min(ea - sa, eb - sb), inter / union))
        return best
    ta, tb = re.findall(r"\w+", na), re.findall(r"\w+", nb)
    if not ta or not tb:
        return 0.0, 0.0
    blocks = SequenceMatcher(None, ta, tb, autojunk=False).get_matching_blocks()
    inter = sum(block.size for block in blocks)
    return inter / min(len(ta), len(tb)), inter / (len(ta) + len(tb) - inter)


def match_quotes(expected, predicted, article, names, *, by_speaker=True):
    """One-to-one greedy matching, best overlap first. Returns (pairs, missed, extra) as
    index lists into ``expected`` and ``predicted``."""
    candidates = []
    for i, e in enumerate(expected):
        for j, p in enumerate(predicted):
            if by_speaker and names.speaker(e["speaker"]) != names.speaker(p["speaker"]):
                continue
            shorter, union = overlap(e["text"], p["text"], article)
            if shorter >= MIN_OVERLAP:
                candidates.append((shorter, union, -i, -j))
    candidates.sort(reverse=True)
    used_e, used_p, pairs = set(), set(), []
    for _, _, ni, nj in candidates:
        i, j = -ni, -nj
        if i in used_e or j in used_p:
            continue
        used_e.add(i)
        used_p.add(j)
        pairs.append((i, j))
    pairs.sort()
    missed = [i for i in range(len(expected)) if i not in used_e]
    extra = [j for j in range(len(predicted)) if j not in used_p]
    return pairs, missed, extra


def match_rounds(expected, predicted, names):
    # A round the extractor could not date is neither credited nor held against it: the
    # annotation lists only rounds whose first day the article (or the gazetteer) fixes.
    predicted = [p for p in predicted if p.get("start")]
    used, tp = set(), 0
    missed = []
    for e in expected:
        hit = next(
            (j for j, p in enumerate(predicted) if j not in used and names.same_round(e, p)), None
        )
        if hit is None:
            missed.append(e)
        else:
            used.add(hit)
            tp += 1
    extra = [p for j, p in enumerate(predicted) if j not in used]
    return Counts(tp=tp, fp=len(extra), fn=len(missed)), missed, extra
