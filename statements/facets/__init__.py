"""Facet counts of a list of quotes: how its quotes divide by speaker, country, theme,
dialogue, round, outlet, year and kind, and by year (or month) for the timeline.

One statement counts the quotes' facet values in SQL (``counting.grouped``: the top values
of each facet, every year and month), and one more names the rounds that made the top. It
still reads every quote it is given, so ``count_facets`` gives it a bounded number of
rows: a list of up to ``FACET_SAMPLE`` quotes is counted exactly; a longer one from a sample of
about ``SAMPLE_SIZE`` quotes, those whose hashed number (0–999) is below a bound (migration
0008_facet_sample indexes it, so PostgreSQL reads only the sampled rows, not every match),
its counts scaled and labelled as estimates. The error of such a sample is in
docs/search.md.
"""

import math
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Func, IntegerField
from django.db.models.functions import Mod

from statements.facets.counting import grouped
from statements.models import Article, DialogueRound, Quote
from statements.search import postgres

FACET_SIZE = 10
# Counted exactly up to FACET_SAMPLE quotes; past it from a sample of about SAMPLE_SIZE.
# Each counted quote is a few random page reads (its row, its article, its themes): at 1M
# on PostgreSQL 6,300 of them cost 170 ms, so the sample is as small as its margin allows:
# each estimate within ±2.5% of the list (95%) at worst with the list's size known, ±5.1%
# with it estimated too (docs/search.md, "Facet estimates").
FACET_SAMPLE = 2_000
SAMPLE_SIZE = 1_500
MODULUS = 1000
HASH_FACTOR = 2654435761
# Buckets of the pilot sample that sizes a list of unknown length (1%).
PILOT = 10
# A pilot holding this many quotes is the facets' whole sample (its margin stated from its
# size), instead of reading a few more buckets: a list of 150,000 or more.
PILOT_SAMPLE = 1_500
FACET_NAMES = ("speaker", "country", "theme", "dialogue", "round", "outlet", "year", "kind")
UNDATED = "undated"


@dataclass
class FacetCounts:
    """Counts of one list: ``groups`` as ``facets()`` gives them, ``years`` and ``months``
    every year ("2011") and month ("2011-04") with its count (dated quotes only), and
    ``undated``. ``sample`` is the number of quotes counted when they are a sample of
    ``total`` (then every count is an estimate), None when every quote was counted; they
    are the quotes whose SampleBucket is below ``bound``. ``total_estimated``: the
    list's size is itself the sample's, scaled (MODULUS / bound)."""

    groups: dict
    total: int
    sample: int | None = None
    step: int = 1
    bound: int = MODULUS
    total_estimated: bool = False
    years: dict = field(default_factory=dict)
    months: dict = field(default_factory=dict)
    undated: int = 0

    @property
    def estimated(self):
        return self.sample is not None

    @property
    def margin(self):
        """Half the 95% interval of an estimated count, at its worst, in quotes. With the
        list's exact size: a share scaled to it, 1.96 × √(p(1−p)/n) × total with p = ½.
        With the size estimated too, a count c is the sampled c over the fraction f
        sampled: 1.96 × √(c(1−f)/f), at worst c = total."""
        if not self.estimated or not self.sample:
            return 0
        if self.total_estimated:
            fraction = self.bound / MODULUS
            return round(1.96 * math.sqrt(self.total * (1 - fraction) / fraction))
        return round(1.96 * math.sqrt(0.25 / self.sample) * self.total)


def _top(counter, labels, tiebreak=None):
    """The FACET_SIZE biggest counts as (key, label, count), ties by label."""
    tiebreak = tiebreak or (lambda key: str(labels[key]))
    ranked = sorted(counter.items(), key=lambda item: (-item[1], tiebreak(item[0])))
    return [(key, labels[key], n) for key, n in ranked[:FACET_SIZE]]


def _count(quotes, more=None):
    """(counters, labels, number of quotes read, months) for the quotes given (a list of
    keys or a queryset): counted in SQL in one statement (``counting.grouped``), each
    facet's counter holding its top FACET_SIZE values and any tied with the last."""
    using = "default" if isinstance(quotes, list | tuple) else quotes.db
    rows, read = grouped(quotes, FACET_SIZE, using, more)
    counters = {name: Counter() for name in FACET_NAMES}
    labels = {name: {} for name in FACET_NAMES}
    months = Counter()
    kinds = dict(Quote.Kind.choices)
    for facet, key, label, n in rows:
        if facet == "month":
            if key:
                months[key] = n
            continue
        if facet == "year":
            label = key if key else "Undated"
            key = key or UNDATED
        elif facet == "round":
            # Labelled later (``_groups``); ties by key meanwhile, as stored totals' are.
            key = int(key)
            label = str(key)
        elif facet == "kind":
            label = str(kinds.get(key, key))
        counters[facet][key] = n
        labels[facet][key] = label
    return counters, labels, read, months


def facets(quotes, names=FACET_NAMES):
    """``{"speaker": [(slug, label, count), …], "country": …}`` for the quotes given: every
    quote they hold is read, so give it a bounded set (``count_facets`` does).

    ``quotes`` is a Quote queryset (filtered, searched, ordered: all ignored but the rows)
    or a list of primary keys. Keys are slugs, except country (its name), year (a string,
    or "undated"), kind (its value, labelled with its display name) and round (a slug,
    labelled with the round's dialogue and label). Empty values are not counted.
    """
    return _groups(*_count(quotes)[:2], names)


def _groups(counters, labels, names):
    result = {name: _top(counters[name], labels[name]) for name in names if name != "year"}
    if "year" in names:
        # Among years with equal counts, the most recent first; undated last.
        result["year"] = _top(
            counters["year"], labels["year"], lambda y: 1 if y == UNDATED else -int(y)
        )
    if "round" in names and result["round"]:
        rounds = DialogueRound.objects.select_related("dialogue").in_bulk(
            [key for key, _, _ in result["round"]]
        )
        result["round"] = [
            (rounds[key].slug, f"{rounds[key].dialogue.name}, {rounds[key].label}", n)
            for key, _, n in result["round"]
            if key in rounds
        ]
    return result


class SampleBucket(Func):
    """A quote's number scattered into 0 … MODULUS − 1 (Fibonacci hashing: the top of
    ``id × 2654435761 mod 2³²``), written as migration 0008_facet_sample indexes it.
    Neighbouring quotes (one article's) fall into far-apart buckets, so the quotes below a
    bound are spread over the whole list rather than clustered in runs of numbers."""

    template = f"(((%(expressions)s * {HASH_FACTOR}) %%%% {2**32}) / {2**32 // MODULUS + 1})"
    output_field = IntegerField()


def sample_bucket(key):
    """A quote's SampleBucket computed in Python, for keys already read."""
    return key * HASH_FACTOR % 2**32 // (2**32 // MODULUS + 1)


def in_buckets(keys, bound):
    """The keys whose SampleBucket is below ``bound``, in their order: the bucket's bound
    as one on the hash (no call per key: 30,000 keys' buckets cost 30 ms of CPU)."""
    below = bound * (2**32 // MODULUS + 1)
    return [key for key in keys if key * HASH_FACTOR % 2**32 < below]


def _sampled(quotes, bound, low=0):
    """The quotes whose SampleBucket is in ``low`` … ``bound`` − 1, the range also stated to
    the search's stored-rows condition, if any (one word, a tracked phrase on PostgreSQL:
    ``postgres.StoredMatch``), which then reads only those buckets' rows, an index range
    (migration 0017), instead of PostgreSQL ANDing the full-text index's bitmap of every
    match with the sample's. The same quotes either way."""
    sampled = quotes.alias(facet_bucket=SampleBucket("pk")).filter(facet_bucket__lt=bound)
    if low:
        sampled = sampled.filter(facet_bucket__gte=low)
    return postgres.in_sample(sampled, low, bound)


def estimate_size(quotes):
    """A list's size from a pilot sample (PILOT of MODULUS buckets), to choose the
    sample's bound: the planner misjudges a phrase's exact-match regex tenfold."""
    return _sampled(quotes, PILOT).order_by().count() * MODULUS // PILOT


@dataclass(frozen=True)
class Pilot:
    """The 1% pilot sample of a quote list (the quotes whose SampleBucket is below PILOT):
    its keys, and the list's size they suggest. ``count_facets`` takes its keys into its
    own sample rather than reading those rows again. ``every``: all the list's keys, when
    ``capped_count`` counted it (then the facets count or sample those, and the search is
    not run again)."""

    keys: tuple
    every: tuple | None = None

    @property
    def size(self):
        return len(self.keys) * (MODULUS // PILOT)


def capped_count(quotes, limit):
    """PostgreSQL: (the list's size, or ``limit`` + 1 for "longer"; the 1% ``Pilot``) in one
    statement. When the pilot shows more than twice ``limit``, the list is not counted (an
    InitPlan in the untaken CASE branch is never run): counting 10,000 rows to learn "more
    than 10,000" cost a tenth of the page. Otherwise its keys are read in full (about
    twice ``limit`` at most), so that the facets need not run the search again: with a
    word and a speaker at 1M, each pass was a bitmap heap scan of 7,000 pages. SQLite:
    ``every_key``."""
    connection = connections[quotes.db]
    if connection.vendor == "sqlite":
        return every_key(quotes, limit)

    def sql(queryset):
        return queryset.query.get_compiler(connection=connection).as_sql()

    try:
        pilot, pilot_params = sql(_sampled(quotes, PILOT).order_by().values("pk"))
        capped, capped_params = sql(quotes.order_by().values("pk"))
    except EmptyResultSet:  # .none(): a query of nothing but stop words
        return 0, Pilot(())
    scale = MODULUS // PILOT
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT p.keys, CASE WHEN cardinality(p.keys) * {scale} > {2 * limit} THEN NULL "
            f"ELSE (SELECT COALESCE(array_agg(c.pk), '{{}}') FROM ({capped}) c) END "
            f"FROM (SELECT array_agg(s.pk) AS keys FROM ({pilot}) s) p",
            (*capped_params, *pilot_params),  # in the order they appear
        )
        keys, every = cursor.fetchone()
    if every is None:
        return limit + 1, Pilot(tuple(keys or ()))
    return len(every), Pilot(tuple(keys or ()), tuple(every))


# SQLite: a list of up to this many quotes has its keys read in full by the pager's count.
EVERY_KEY = 50_000


def every_key(quotes, limit):
    """SQLite: (the list's size, a ``Pilot`` holding every key) from one read of its keys, so
    that neither the facets' count nor their sample runs the search again (a broad word's
    page at 100,000 quotes ran its match, or an exact phrase's regex on every candidate,
    for the pager's count, the facets' count and their sample). A list longer than
    EVERY_KEY: (``limit`` + 1, None), counted by the facets as before."""
    query = quotes.order_by().values_list("pk")[: EVERY_KEY + 1].query
    try:
        sql, params = query.get_compiler(using=quotes.db).as_sql()
    except EmptyResultSet:  # .none(): a query of nothing but stop words
        return 0, Pilot(())
    with connections[quotes.db].cursor() as cursor:
        # One text, not a row per key: 31,000 rows through the cursor cost 20 ms of CPU
        # (through the queryset's iterator 35), the text split 7.
        cursor.execute(f"SELECT group_concat(u.pk) FROM ({sql}) u", params)
        (joined,) = cursor.fetchone()
    keys = tuple(map(int, joined.split(","))) if joined else ()
    if len(keys) > EVERY_KEY:
        return limit + 1, None
    return len(keys), Pilot(tuple(in_buckets(keys, PILOT)), keys)


def count_facets(quotes, total, names=FACET_NAMES, guess=None):
    """FacetCounts of the queryset ``quotes``: every quote when ``total`` (its exact size)
    is at most FACET_SAMPLE; otherwise about SAMPLE_SIZE of them, those whose number
    hashed into 0 … MODULUS − 1 is below a bound, their counts scaled to ``total``.
    ``total=None``: the size is unknown. On PostgreSQL a list that the 1% pilot sample
    (or ``guess``, the ``Pilot`` already run by ``capped_count``) puts past twice
    FACET_SAMPLE is sized from the facets' own sample (MODULUS / bound times the quotes
    sampled); any other list is counted (SQLite's count is cheap next to its ranking).
    The pilot's quotes are part of the sample: only the buckets above it are read, none
    when the pilot alone holds PILOT_SAMPLE quotes or more (a list of 150,000 or more).
    A ``Pilot`` holding every key of the list (``capped_count`` counted it) is counted or
    sampled from those keys, the same quotes, without running the search again."""
    pilot = guess if isinstance(guess, Pilot) else None
    if pilot is not None and pilot.every is not None:
        return _count_keys(list(pilot.every), names)
    if pilot is not None:
        guess = pilot.size
    if total is None and connections[quotes.db].vendor == "postgresql":
        guess = estimate_size(quotes) if guess is None else guess
    if total is None and (guess is None or guess <= 2 * FACET_SAMPLE):
        # Not clearly past FACET_SAMPLE (or not PostgreSQL): count it, a bounded cost.
        total = quotes.order_by().count()
    if total is not None and total <= FACET_SAMPLE:
        counters, labels, read, months = _count(quotes)
        return quote_counts(counters, labels, months, names, total)
    if total is not None:
        guess = total
    target = min(SAMPLE_SIZE, FACET_SAMPLE)
    bound = min(MODULUS, max(1, math.ceil(MODULUS * target / max(guess, 1))))
    # The sample's keys are read in the counting statement itself, as its own CTE (the
    # facet tables joined to its keys, not to the search: that cost 2-5 times more).
    if pilot is not None and len(pilot.keys) >= min(PILOT_SAMPLE, target):
        # The pilot's first buckets only, as many as hold about ``target`` quotes: each
        # quote counted is a few random page reads, and a pilot of a list of 300,000 holds
        # twice the sample that the stated margin needs.
        bound = min(PILOT, max(1, math.ceil(PILOT * target / len(pilot.keys))))
        keys = in_buckets(pilot.keys, bound)
        counters, labels, read, months = _count(keys)
    elif pilot is not None and bound > PILOT:
        above = _sampled(quotes, bound, low=PILOT).order_by()
        counters, labels, read, months = _count(list(pilot.keys), more=above)
    else:
        sample = _sampled(quotes, bound).order_by()
        counters, labels, read, months = _count(sample)
    estimated = total is None
    if estimated:
        # The pilot put it past twice FACET_SAMPLE, whatever a small sample says.
        total = max(round(read * MODULUS / bound), FACET_SAMPLE + 1)
    return _scaled(counters, labels, months, names, total, read, bound, estimated)


def _count_keys(keys, names):
    """FacetCounts of a list whose every key is known: counted exactly up to FACET_SAMPLE,
    past it on the keys below the sample's bound (the same quotes as ``_sampled``)."""
    total = len(keys)
    if total <= FACET_SAMPLE:
        counters, labels, read, months = _count(keys)
        return quote_counts(counters, labels, months, names, total)
    target = min(SAMPLE_SIZE, FACET_SAMPLE)
    bound = min(MODULUS, math.ceil(MODULUS * target / total))
    sample = in_buckets(keys, bound)
    counters, labels, read, months = _count(sample)
    return _scaled(counters, labels, months, names, total, read, bound, estimated=False)


def _scaled(counters, labels, months, names, total, read, bound, estimated):
    """The FacetCounts of a sample of ``read`` quotes below ``bound``, scaled to ``total``."""
    scale = total / read if read else 1
    for counter in (*counters.values(), months):
        for key in counter:
            counter[key] = round(counter[key] * scale)
    counts = quote_counts(counters, labels, months, names, total)
    counts.sample, counts.bound, counts.total_estimated = read, bound, estimated
    counts.step = max(1, round(MODULUS / bound))
    return counts


def quote_counts(counters, labels, months, names, total):
    """The FacetCounts of quote facets counted (or read) into ``counters``."""
    return FacetCounts(
        groups=_groups(counters, labels, names),
        total=total,
        years={key: n for key, n in counters["year"].items() if key != UNDATED},
        months=dict(months),
        undated=counters["year"].get(UNDATED, 0),
    )


ARTICLE_FACETS = ("outlet", "dialogue", "theme", "year")


def count_article_facets(articles, total):
    """FacetCounts of a list of articles (outlet, dialogue reported, theme, year published),
    with the same rule as ``count_facets``: exact to FACET_SAMPLE, a stated sample past it."""
    step = math.ceil(total / FACET_SAMPLE) if total > FACET_SAMPLE else 1
    sample = articles
    if step > 1:
        sample = articles.alias(facet_step_=Mod("pk", step)).filter(facet_step_=0)
    rows = Article.objects.filter(pk__in=sample.order_by().values("pk"))
    counters = {name: Counter() for name in ARTICLE_FACETS}
    labels = {name: {} for name in ARTICLE_FACETS}
    months = Counter()
    read = 0
    for outlet, outlet_name, published in rows.order_by().values_list(
        "outlet__slug", "outlet__name", "published_on"
    ):
        read += 1
        year = str(published.year) if published else UNDATED
        counters["year"][year] += 1
        labels["year"][year] = year if published else "Undated"
        if published:
            months[f"{published:%Y-%m}"] += 1
        if outlet:
            counters["outlet"][outlet] += 1
            labels["outlet"][outlet] = outlet_name
    themes = Article.themes.through.objects.filter(article__in=rows.values("pk"))
    for slug, name in themes.values_list("theme__slug", "theme__name"):
        counters["theme"][slug] += 1
        labels["theme"][slug] = name
    reported = Article.rounds.through.objects.filter(article__in=rows.values("pk"))
    pairs = reported.values_list(
        "article_id", "dialogueround__dialogue__slug", "dialogueround__dialogue__name"
    ).distinct()
    for _, slug, name in pairs:
        counters["dialogue"][slug] += 1
        labels["dialogue"][slug] = name
    scale = total / read if step > 1 and read else 1
    if scale != 1:
        for counter in (*counters.values(), months):
            for key in counter:
                counter[key] = round(counter[key] * scale)
    counts = article_counts(counters, labels, months, total)
    counts.sample, counts.step = (read if step > 1 else None), step
    return counts


def article_counts(counters, labels, months, total):
    """The FacetCounts of article facets counted (or read) into ``counters``: the newest
    year first, undated last."""
    names = [n for n in ARTICLE_FACETS if n != "year"]
    groups = {name: _top(counters[name], labels[name]) for name in names}
    groups["year"] = _top(
        counters["year"], labels["year"], lambda y: 1 if y == UNDATED else -int(y)
    )
    return FacetCounts(
        groups=groups,
        total=total,
        years={k: n for k, n in counters["year"].items() if k != UNDATED},
        months=dict(months),
        undated=counters["year"].get(UNDATED, 0),
    )
