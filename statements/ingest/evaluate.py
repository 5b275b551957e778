"""Score the article extractor against the hand-annotated set in ``fixtures/evaluation/``.

Plain Python, no Django: each ``NN_name.txt`` is run through ``pipeline.extract()`` with the
fixture gazetteer and nothing but its own text, and compared with ``NN_name.expected.json``.
The annotation rules and the matching rules are documented in ``docs/evaluation.md``.

Run it with ``python manage.py evaluate [--set DIR] [--verbose] [--json]``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
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


# ---------------------------------------------------------------------------- one article


@dataclass
class ArticleScore:
    file: str
    quotes: Counts = field(default_factory=Counts)  # (speaker, quote) pairs
    spans: Counts = field(default_factory=Counts)  # quote spans, whoever the speaker
    kinds: Ratio = field(default_factory=Ratio)
    per_kind: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    said_on: Ratio = field(default_factory=Ratio)
    quote_round: Ratio = field(default_factory=Ratio)
    rounds: Counts = field(default_factory=Counts)
    speakers: Counts = field(default_factory=Counts)
    published: Ratio = field(default_factory=Ratio)
    outlet: Ratio = field(default_factory=Ratio)
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # matched, but a detail differs


def _short(text: str, width: int = 90) -> str:
    text = re.sub(r"\s+", " ", text or "").strip()
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _predicted_round(prediction: dict, quote: dict) -> dict | None:
    index = quote.get("round")
    rounds = prediction.get("rounds") or []
    if isinstance(index, int) and 0 <= index < len(rounds):
        return rounds[index]
    return None


def score_article(expected: dict, prediction: dict, article: str, names: Names, file: str = ""):
    """Compare one expected annotation with one prediction (``Extraction.as_json()`` shape)."""
    score = ArticleScore(file=file)
    exp_q = expected.get("quotes") or []
    pred_q = prediction.get("quotes") or []

    pairs, missed, extra = match_quotes(exp_q, pred_q, article, names, by_speaker=True)
    score.quotes = Counts(tp=len(pairs), fp=len(extra), fn=len(missed))
    for i in missed:
        e = exp_q[i]
        score.misses.append(f"{e['speaker']} [{e['kind']}]: {_short(e['text'])}")
    for j in extra:
        p = pred_q[j]
        score.false_positives.append(f"{p.get('speaker')} [{p.get('kind')}]: {_short(p['text'])}")

    # Kinds, dates and rounds are judged on span matches, so a wrong speaker does not hide them.
    pairs, missed, extra = match_quotes(exp_q, pred_q, article, names, by_speaker=False)
    score.spans = Counts(tp=len(pairs), fp=len(extra), fn=len(missed))
    for kind in KINDS:
        counts = score.per_kind[kind]
        counts.fn += sum(1 for i in missed if exp_q[i]["kind"] == kind)
        counts.fp += sum(1 for j in extra if pred_q[j].get("kind") == kind)
    for i, j in pairs:
        e, p = exp_q[i], pred_q[j]
        where = _short(e["text"], 60)
        score.kinds.total += 1
        if e["kind"] == p.get("kind"):
            score.kinds.right += 1
            score.per_kind[e["kind"]].tp += 1
        else:
            if e["kind"] in score.per_kind:
                score.per_kind[e["kind"]].fn += 1
            if p.get("kind") in score.per_kind:
                score.per_kind[p["kind"]].fp += 1
            score.wrong.append(f"kind {p.get('kind')} for {e['kind']}: {where}")
        score.said_on.total += 1
        if (e.get("said_on") or None) == (p.get("said_on") or None):
            score.said_on.right += 1
        else:
            score.wrong.append(f"said_on {p.get('said_on')} for {e.get('said_on')}: {where}")
        score.quote_round.total += 1
        predicted_round = _predicted_round(prediction, p)
        if names.same_round(e.get("round"), predicted_round):
            score.quote_round.right += 1
        else:
            got = (
                predicted_round
                and f"{predicted_round.get('dialogue')} {predicted_round.get('start')}"
            )
            want = e.get("round") and f"{e['round']['dialogue']} {e['round']['start']}"
            score.wrong.append(f"round {got} for {want}: {where}")

    score.rounds, r_missed, r_extra = match_rounds(
        expected.get("rounds") or [], prediction.get("rounds") or [], names
    )
    score.misses += [f"round {r['dialogue']} {r['start']}" for r in r_missed]
    score.false_positives += [f"round {r.get('dialogue')} {r.get('start')}" for r in r_extra]

    exp_s = {names.speaker(s["name"]): s["name"] for s in expected.get("speakers") or []}
    pred_s = {names.speaker(s["name"]): s["name"] for s in prediction.get("speakers") or []}
    score.speakers = Counts(
        tp=len(exp_s.keys() & pred_s.keys()),
        fp=len(pred_s.keys() - exp_s.keys()),
        fn=len(exp_s.keys() - pred_s.keys()),
    )
    score.misses += [f"speaker {exp_s[k]}" for k in exp_s.keys() - pred_s.keys()]
    score.false_positives += [f"speaker {pred_s[k]}" for k in pred_s.keys() - exp_s.keys()]

    score.published = Ratio(
        right=int((expected.get("published") or None) == (prediction.get("published") or None)),
        total=1,
    )
    if not score.published.right:
        score.wrong.append(
            f"published {prediction.get('published')} for {expected.get('published')}"
        )
    score.outlet = Ratio(
        right=int(
            names.outlet(expected.get("outlet") or "")
            == names.outlet(prediction.get("outlet") or "")
        ),
        total=1,
    )
    if not score.outlet.right:
        score.wrong.append(f"outlet {prediction.get('outlet')!r} for {expected.get('outlet')!r}")
    return score


# ---------------------------------------------------------------------------- the set


@dataclass
class Report:
    articles: list[ArticleScore]
    totals: ArticleScore

    def as_json(self) -> dict:
        def one(s: ArticleScore) -> dict:
            return {
                "file": s.file,
                "quotes": s.quotes.as_json(),
                "spans": s.spans.as_json(),
                "kinds": s.kinds.as_json(),
                "per_kind": {k: c.as_json() for k, c in s.per_kind.items()},
                "said_on": s.said_on.as_json(),
                "quote_round": s.quote_round.as_json(),
                "rounds": s.rounds.as_json(),
                "speakers": s.speakers.as_json(),
                "published": s.published.as_json(),
                "outlet": s.outlet.as_json(),
                "misses": s.misses,
                "false_positives": s.false_positives,
                "wrong": s.wrong,
            }

        return {"totals": one(self.totals), "articles": [one(a) for a in self.articles]}


def article_files(directory: Path = EVAL_DIR) -> list[Path]:
    return sorted(p for p in Path(directory).glob("*.txt"))


def expected_path(article: Path) -> Path:
    return article.with_name(article.stem + ".expected.json")


def load_gazetteer(reference: Path = REFERENCE):
    from statements.ingest.gazetteer import from_fixture

    return from_fixture(reference)


def total(scores: list[ArticleScore]) -> ArticleScore:
    totals = ArticleScore(file="TOTAL")
    for s in scores:
        for name in (
            "quotes",
            "spans",
            "kinds",
            "said_on",
            "quote_round",
            "rounds",
            "speakers",
            "published",
            "outlet",
        ):
            getattr(totals, name).add(getattr(s, name))
        for kind in KINDS:
            totals.per_kind[kind].add(s.per_kind[kind])
    return totals


def run(directory: Path = EVAL_DIR, reference: Path = REFERENCE, extract=None) -> Report:
    """Run the extractor over every article and score it; ``extract`` defaults to the
    pipeline's, with the same signature."""
    if extract is None:
        from statements.ingest.pipeline import extract
    gazetteer = load_gazetteer(reference)
    names = Names(gazetteer)
    scores = []
    for path in article_files(directory):
        text = path.read_text(encoding="utf-8")
        expected = json.loads(expected_path(path).read_text(encoding="utf-8"))
        # Metadata comes from the text alone: front matter, where there is any, is part of it.
        try:
            prediction = extract(text, gazetteer, file=path.name).as_json()
            error = None
        except Exception as exc:  # one broken article must not hide the figures for the rest
            prediction, error = {}, f"extractor raised {type(exc).__name__}: {exc}"
        score = score_article(expected, prediction, text, names, file=path.name)
        if error:
            score.wrong.insert(0, error)
        scores.append(score)
    return Report(articles=scores, totals=total(scores))


# ---------------------------------------------------------------------------- printing


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def format_report(report: Report, verbose: bool = False) -> str:
    t = report.totals
    out = [f"Evaluation set: {len(report.articles)} articles", ""]
    out.append(f"{'measure':<30} {'P':>7} {'R':>7} {'F1':>7}   tp / fp / fn")
    for label, counts in (
        ("(speaker, quote) pairs", t.quotes),
        ("quote spans (any speaker)", t.spans),
        *((f"  kind {kind}", t.per_kind[kind]) for kind in KINDS),
        ("rounds (dialogue + start)", t.rounds),
        ("speakers", t.speakers),
    ):
        out.append(
            f"{label:<30} {_pct(counts.precision):>7} {_pct(counts.recall):>7} "
            f"{_pct(counts.f1):>7}   {counts.tp} / {counts.fp} / {counts.fn}"
        )
    out.append("")
    out.append(f"{'accuracy':<30} {'':>7} {'':>7} {'value':>7}   right / total")
    for label, ratio in (
        ("kind (span-matched quotes)", t.kinds),
        ("said_on (span-matched)", t.said_on),
        ("quote round (span-matched)", t.quote_round),
        ("published (articles)", t.published),
        ("outlet (articles)", t.outlet),
    ):
        out.append(
            f"{label:<30} {'':>7} {'':>7} {_pct(ratio.value):>7}   {ratio.right} / {ratio.total}"
        )
    out.append("")
    out.append(
        f"{'article':<40} {'exp':>4} {'pred':>4} {'tp':>4} {'P':>7} {'R':>7} {'F1':>7} "
        f"{'rounds':>7} {'pub':>4}"
    )
    for s in report.articles:
        expected_n = s.quotes.tp + s.quotes.fn
        predicted_n = s.quotes.tp + s.quotes.fp
        rounds = f"{s.rounds.tp}/{s.rounds.tp + s.rounds.fn}"
        out.append(
            f"{s.file[:40]:<40} {expected_n:>4} {predicted_n:>4} {s.quotes.tp:>4} "
            f"{_pct(s.quotes.precision):>7} {_pct(s.quotes.recall):>7} {_pct(s.quotes.f1):>7} "
            f"{rounds:>7} {'ok' if s.published.right else 'no':>4}"
        )
    if verbose:
        for s in report.articles:
            if not (s.misses or s.false_positives or s.wrong):
                continue
            out.append("")
            out.append(f"== {s.file}")
            out += [f"  miss  {line}" for line in s.misses]
            out += [f"  extra {line}" for line in s.false_positives]
            out += [f"  wrong {line}" for line in s.wrong]
    return "\n".join(out)
