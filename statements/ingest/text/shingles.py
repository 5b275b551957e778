"""Near-copies of a text: word shingles, their MinHash signature and its LSH band keys.

No Django here. A syndicated copy of a story (the same agency text carried by a second
outlet) differs from the stored one in its page: headline, byline, dateline, furniture, a
paragraph cut or added, line wrapping, a typo fixed. The pipeline's cleaning already drops
bylines, source lines and furniture; what is compared here is the rest of the cleaned body
(``story_words``): without its headline-like paragraphs (short, no closing stop) and without
the dateline that opens the lead, as case-folded words, so wrapping and punctuation do not
count. Two texts' similarity is the Jaccard index of their sets of ``SHINGLE``-word shingles.

To find a held text among many without reading them all, each text's MinHash signature
(``PERMUTATIONS`` values; two signatures agree at a position with a probability close to
the texts' Jaccard index; shingle hashes are BLAKE2b, fixed, so keys stored years apart
still compare) is cut into ``BANDS`` bands of ``ROWS`` values, each band hashed
to one 63-bit key. The writer stores the keys in an indexed table; texts sharing any key are
candidates, confirmed by their exact Jaccard index against ``THRESHOLD`` (docs/ingest.md,
"Syndicated copies", has the measured distributions behind it).
"""

from __future__ import annotations

import hashlib
import re

SHINGLE = 5  # words per shingle
BANDS, ROWS = 50, 2  # a pair at Jaccard 0.3 shares a band with probability 0.991
PERMUTATIONS = BANDS * ROWS
THRESHOLD = 0.3  # exact Jaccard from which a text is a copy of a held one (measured)
MIN_SHINGLES = 20  # a text shorter than this (about 25 words) is never called a copy


WORD = re.compile(r"\w+")
# A lead's dateline: a short run of words before a dash or a colon ("BEIJING, July 25
# (Xinhua) --", "Jakarta (ANTARA) -", "GENEVA:"), which another carrier writes its own way.
DATELINE = re.compile(r"^[^\n.!?]{2,80}?(?:\s+-{1,2}|\s*[—–]|:)\s+")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def story_words(body: str) -> list[str]:
    """The words of a cleaned body that make up the story, case-folded: paragraphs that read
    like a headline, a subhead or a caption (under twelve words with no closing stop) are left
    out, and so is the dateline opening the first paragraph that is kept."""
    words: list[str] = []
    for paragraph in body.split("\n\n"):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if len(paragraph.split()) < 12 and not SENTENCE_END.search(paragraph):
            continue
        if not words:
            dateline = DATELINE.match(paragraph)
            if dateline and len(dateline.group().split()) <= 10:
                paragraph = paragraph[dateline.end() :]
        words.extend(WORD.findall(paragraph.casefold()))
    return words


def shingles(body: str) -> set[int]:
    """The story's word shingles, each hashed to 64 bits (stable across processes)."""
    words = story_words(body)
    return {
        int.from_bytes(
            hashlib.blake2b(" ".join(words[i : i + SHINGLE]).encode(), digest_size=8).digest()
        )
        for i in range(max(len(words) - SHINGLE + 1, 0))
    }


def jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def signature(hashed: set[int]) -> list[int]:
    """The MinHash signature of a set of hashed shingles, by one-permutation hashing: each
    shingle's hash falls in one of ``PERMUTATIONS`` bins (its remainder) and a bin keeps the
    smallest quotient; an empty bin takes the next filled bin's value and its distance
    (rotation), so two sets agree in a bin with a probability close to their Jaccard index.
    One pass over the shingles instead of one per value."""
    bins: list[int | None] = [None] * PERMUTATIONS
    for h in hashed:
        b, v = h % PERMUTATIONS, h // PERMUTATIONS
        if bins[b] is None or v < bins[b]:
            bins[b] = v
    if all(v is None for v in bins):
        return []
    out = []
    for i in range(PERMUTATIONS):
        step = 0
        while bins[(i + step) % PERMUTATIONS] is None:
            step += 1
        # Values are under 2**58; the distance goes above them, so a borrowed value never
        # equals a bin's own one.
        out.append(bins[(i + step) % PERMUTATIONS] + (step << 58))
    return out


def band_keys(hashed: set[int]) -> list[int]:
    """The LSH keys of a text: one signed 63-bit number per band (the band's number and its
    values hashed together), so one indexed integer column holds them all. A text with too
    few shingles to be compared has none."""
    if len(hashed) < MIN_SHINGLES:
        return []
    sig = signature(hashed)
    keys = []
    for band in range(BANDS):
        values = sig[band * ROWS : (band + 1) * ROWS]
        packed = b"%d:" % band + b",".join(b"%d" % v for v in values)
        digest = hashlib.blake2b(packed, digest_size=8).digest()
        keys.append(int.from_bytes(digest, signed=True) >> 1)  # fits a signed BIGINT
    return keys
