"""python -m bench.syndication: how similar syndicated copies are, and how similar distinct
articles are, under ``statements.ingest.text.shingles``.

Copies are made from the archive's own test articles (``fixtures/evaluation``,
``fixtures/heldout``, ``fixtures/documents``) by the changes a second carrier makes: a new
headline, another byline and dateline, page furniture, a paragraph cut or added, other line
wrapping, typos, and all of these at once. Negatives are every pair of distinct articles
among those and the real development set (``../shared/realdev``, read here at run time and
never copied). It prints both distributions, the LSH candidate rate of each, and the margin
around ``shingles.THRESHOLD``. ``tests/test_syndication.py`` makes its copies here too.
``bench.copy_lookup`` times the lookup at scale.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import textwrap
import time
from pathlib import Path

from statements.ingest.text import shingles
from statements.ingest.text.clean import clean

ROOT = Path(__file__).resolve().parent.parent
OWN_SETS = ("fixtures/evaluation", "fixtures/heldout", "fixtures/documents")
REALDEV = ROOT.parent / "shared" / "realdev"
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def read_set(folder):
    """``(name, raw text)`` of each *.txt file of a folder, in name order."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(Path(folder).glob("*.txt"))]


def own_articles():
    return [item for folder in OWN_SETS for item in read_set(ROOT / folder)]


def paragraphs(raw):
    """A raw text's paragraphs: split at blank lines, or at line ends in a text without any."""
    text = FRONT_MATTER.sub("", raw)
    parts = [p for p in text.split("\n\n") if p.strip()]
    return parts if len(parts) > 1 else [p for p in text.split("\n") if p.strip()]


def story(paragraphs_):
    """Indexes of the paragraphs that carry the story (a dozen words or more)."""
    return [i for i, p in enumerate(paragraphs_) if len(p.split()) >= 12]


# The changes a second carrier makes. Each takes a raw text and a seeded Random.


def reheadlined(raw, rng):
    paras = paragraphs(raw)
    first = story(paras)[0]
    head = rng.choice(
        [
            "Talks end with pledge to keep channels open",
            "Officials trade views as envoys meet again",
            "WORLD | Diplomats report progress after meeting",
        ]
    )
    return "\n\n".join([head, *paras[first:]])


def rebylined(raw, rng):
    """Another carrier's byline and dateline over the same story."""
    paras = paragraphs(raw)
    first = story(paras)[0]
    lead = re.sub(r"^[^\n.!?]{2,80}?(?:\s+-{1,2}|\s*[—–]|:)\s+", "", paras[first], count=1)
    lead = f"{rng.choice(['NEW YORK', 'HONG KONG', 'Geneva'])}, {rng.randint(1, 28)} July " + (
        f"(Harbour Daily) – {lead}"
    )
    return "\n\n".join(
        [*paras[:first], "By Staff Reporter | Harbour Daily", lead, *paras[first + 1 :]]
    )


def furnished(raw, rng):
    """Page furniture around and inside the story: a menu, share prompts, a source line, a
    copyright line and a related-stories block."""
    paras = paragraphs(raw)
    middle = len(paras) // 2
    return "\n\n".join(
        [
            "Home | World | Asia | Opinion",
            "Share this article",
            *paras[:middle],
            "Print | Email | Share on social media",
            *paras[middle:],
            "Source: Harbour Daily",
            "© 2024 Harbour Daily. All rights reserved.",
            "Related stories\nAnother headline\nA third headline",
        ]
    )


def paragraph_cut(raw, rng):
    paras = paragraphs(raw)
    body = story(paras)
    if len(body) > 3:
        del paras[rng.choice(body[1:])]
    return "\n\n".join(paras)


def paragraph_added(raw, rng):
    paras = paragraphs(raw)
    extra = (
        "The meeting was the latest in a series of contacts between the two governments, "
        "which have agreed to keep talking despite differences over trade and security."
    )
    paras.insert(rng.randint(len(paras) // 2, len(paras)), extra)
    return "\n\n".join(paras)


def rewrapped(raw, rng):
    width = rng.choice([60, 72])
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs(raw))


def typos(raw, rng):
    """One word in forty with two letters swapped."""

    def swap(word):
        if len(word) < 5 or not word.isalpha() or rng.random() > 1 / 40:
            return word
        i = rng.randrange(1, len(word) - 2)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]

    return "\n\n".join(" ".join(swap(w) for w in p.split(" ")) for p in paragraphs(raw))


def everything(raw, rng):
    for change in (paragraph_cut, paragraph_added, typos, rebylined, reheadlined, furnished):
        raw = change(raw, rng)
    return rewrapped(raw, rng)


COPIES = {
    f.__name__: f
    for f in (
        reheadlined,
        rebylined,
        furnished,
        paragraph_cut,
        paragraph_added,
        rewrapped,
        typos,
        everything,
    )
}


# Near misses: texts that share something with a held one but are another story.


def same_lead_other_story(raw, other):
    """A story that opens like the held one, then goes its own way."""
    mine, theirs = paragraphs(raw), paragraphs(other)
    first = story(mine)[0]
    return "\n\n".join([*mine[: first + 1], *(theirs[i] for i in story(theirs)[1:])])


def quoted_in_part(raw, other):
    """Another story that quotes two paragraphs of the held one."""
    mine, theirs = paragraphs(raw), paragraphs(other)
    kept = story(mine)[1:3]
    body = [theirs[i] for i in story(theirs)]
    return "\n\n".join([*body[:2], *(mine[i] for i in kept), *body[2:]])


NEAR_MISSES = {f.__name__: f for f in (same_lead_other_story, quoted_in_part)}


def copy_of(raw, kind, seed=0):
    return COPIES[kind](raw, random.Random(f"{kind}-{seed}"))


def body_of(raw):
    return clean(raw).body


def similarity(raw_a, raw_b):
    return shingles.jaccard(shingles.shingles(body_of(raw_a)), shingles.shingles(body_of(raw_b)))


def candidates(keys, a, b):
    """Whether two shingle sets share an LSH band key (the lookup would find the pair);
    ``keys`` caches each set's keys by its id."""

    def of(s):
        if id(s) not in keys:
            keys[id(s)] = set(shingles.band_keys(s))
        return keys[id(s)]

    return bool(of(a) & of(b))


def describe(values):
    values = sorted(values)
    if not values:
        return "none"
    n = len(values)

    def at(q):
        return values[min(n - 1, int(q * n))]

    return (
        f"n={n} min={values[0]:.3f} p1={at(0.01):.3f} p5={at(0.05):.3f} "
        f"median={at(0.5):.3f} p95={at(0.95):.3f} max={values[-1]:.3f}"
    )


def histogram(values, bins=10):
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, int(v * bins))] += 1
    return "  ".join(f"{i / bins:.1f}-{(i + 1) / bins:.1f}:{c}" for i, c in enumerate(counts))


def measure(realdev=REALDEV):
    own = own_articles()
    real = read_set(realdev) if Path(realdev).is_dir() else []
    started = time.perf_counter()
    sets = {name: shingles.shingles(body_of(raw)) for name, raw in own + real}
    by_kind, copy_pairs = {}, []
    for name, raw in own:
        for kind in COPIES:
            copy = shingles.shingles(body_of(copy_of(raw, kind)))
            by_kind.setdefault(kind, []).append(shingles.jaccard(sets[name], copy))
            copy_pairs.append((sets[name], copy))
    misses = {}
    for (name, raw), (_other, other_raw) in zip(own, own[1:] + own[:1], strict=True):
        for kind, make in NEAR_MISSES.items():
            miss = shingles.shingles(body_of(make(raw, other_raw)))
            misses.setdefault(kind, []).append(shingles.jaccard(sets[name], miss))
    distinct = {
        "own pairs": list(itertools.combinations([sets[n] for n, _ in own], 2)),
        "realdev pairs": list(itertools.combinations([sets[n] for n, _ in real], 2)),
        "own x realdev": [(sets[a], sets[b]) for (a, _), (b, _) in itertools.product(own, real)],
    }
    negatives = {k: [shingles.jaccard(a, b) for a, b in v] for k, v in distinct.items()}
    top_real = sorted(
        (
            (shingles.jaccard(sets[a], sets[b]), a, b)
            for (a, _), (b, _) in itertools.combinations(real, 2)
        ),
        reverse=True,
    )[:3]
    keys = {}
    return {
        "own": len(own),
        "realdev": len(real),
        "copies": by_kind,
        "near misses": misses,
        "negatives": negatives,
        "top realdev pairs": top_real,
        "copy candidate rate": sum(candidates(keys, a, b) for a, b in copy_pairs) / len(copy_pairs),
        "negative candidates": sum(
            candidates(keys, a, b) for pairs in distinct.values() for a, b in pairs
        ),
        "negative pairs": sum(len(v) for v in distinct.values()),
        "seconds": time.perf_counter() - started,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realdev", default=str(REALDEV))
    args = parser.parse_args(argv)
    m = measure(args.realdev)
    print(
        f"shingles of {shingles.SHINGLE} words; MinHash {shingles.PERMUTATIONS} values in "
        f"{shingles.BANDS} bands of {shingles.ROWS}; threshold {shingles.THRESHOLD}"
    )
    print(f"{m['own']} own articles, {m['realdev']} realdev articles")
    print("Copies (Jaccard with the held text):")
    all_copies = [v for values in m["copies"].values() for v in values]
    for kind, values in m["copies"].items():
        print(f"  {kind:<16} {describe(values)}")
    print(f"  {'all':<16} {describe(all_copies)}")
    print(f"    {histogram(all_copies)}")
    print("Near misses:")
    for kind, values in m["near misses"].items():
        print(f"  {kind:<22} {describe(values)}")
    print("Distinct articles:")
    all_negatives = [v for values in m["negatives"].values() for v in values]
    for kind, values in m["negatives"].items():
        print(f"  {kind:<16} {describe(values)}")
    print(f"    {histogram(all_negatives)}")
    for value, a, b in m["top realdev pairs"]:
        print(f"  most alike realdev pair: {value:.3f} {a} / {b}")
    misses = [v for values in m["near misses"].values() for v in values]
    print(
        f"Margin: lowest copy {min(all_copies):.3f}, highest non-copy "
        f"{max(all_negatives + misses):.3f}, threshold {shingles.THRESHOLD}"
    )
    print(
        f"LSH: copies found as candidates {m['copy candidate rate']:.1%}; distinct pairs "
        f"sharing a band {m['negative candidates']} of {m['negative pairs']}"
    )
    print(f"{m['seconds']:.1f} s")


if __name__ == "__main__":
    main()
