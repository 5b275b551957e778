"""Picking by rank: every word list and cast of the synthetic archive is drawn from a Zipf law,
so a few items are common and the rest form a long tail, as in the real articles."""

import bisect
import itertools


class Zipf:
    """Pick from ``items`` with probability proportional to 1/rank**s (times ``boost``)."""

    def __init__(self, items, s=1.0, boost=None):
        self.items = list(items)
        weights = [1.0 / (r**s) for r in range(1, len(self.items) + 1)]
        if boost:
            weights = [w * b for w, b in zip(weights, boost, strict=True)]
        self.cum = list(itertools.accumulate(weights))
        self.total = self.cum[-1]

    def __call__(self, rng):
        return self.items[bisect.bisect(self.cum, rng.random() * self.total)]
