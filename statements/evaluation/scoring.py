"""Scoring one article and a whole set: run the extractor over each ``NN_name.txt`` with the
fixture gazetteer and nothing but its own text, and compare it with ``NN_name.expected.json``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from statements.evaluation.matching import (
    EVAL_DIR,
    KINDS,
    REFERENCE,
    Counts,
    Names,
    Ratio,
    match_quotes,
    match_rounds,
)


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
    from statements.ingest.store.gazetteer import from_fixture

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
