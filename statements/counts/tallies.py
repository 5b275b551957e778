"""The unfiltered lists' stored totals (``Tally``): quotes per round, outlet, month said and
kind, for the whole archive (scope 0) and for each speaker (scope: the speaker's key), a
speaker's quotes per role as worded (its page lists them), and articles per outlet, month
published and dialogue reported (scope 0). The lists' other facets are stored already
(speakers' and themes' counts; a country's is its speakers').

Kept like the other stored counts (statements/counts/__init__.py): ``adjust`` adds or takes
away what some quotes and articles contribute, one statement for both (an upsert adding,
an UPDATE … FROM and a DELETE of the rows left at zero taking away); ``recount`` counts
afresh and stores what differs. An article's outlet and a quote's round, date, kind and
speaker are what a tally counts: a writer changing one takes the rows away before and
adds them after. A round deleted or moved to another dialogue changes its quotes' and
articles' rows too: ``connect_signals`` does that for every path (the admin, its inlines).
"""

from collections import Counter

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from statements.models import Article, DialogueRound, Quote, Speaker, Tally

TABLE = Tally._meta.db_table

MONTH = {
    "postgresql": "to_char({}, 'YYYY-MM')",
    "sqlite": "strftime('%%Y-%%m', {})",
}

# One row per (scope, facet, key) a quote counts in: the archive's (0) and its speaker's,
# from one read of the quotes (a statement half the size to plan: planning is most of its
# cost for one article's quotes).
QUOTE_ROWS = """
SELECT CASE WHEN s.speaker = 1 THEN q.speaker_id ELSE 0 END AS scope, f.facet AS facet,
    CASE f.facet
        WHEN 'round' THEN CAST(q.round_id AS TEXT)
        WHEN 'outlet' THEN CAST(a.outlet_id AS TEXT)
        WHEN 'month' THEN COALESCE({month}, '')
        WHEN 'role' THEN q.speaker_role
        ELSE q.kind END AS k
FROM statements_quote q
JOIN statements_article a ON a.id = q.article_id
CROSS JOIN (SELECT 'round' AS facet UNION ALL SELECT 'outlet' UNION ALL SELECT 'month'
            UNION ALL SELECT 'kind' UNION ALL SELECT 'role') f
CROSS JOIN ({scopes}) s
WHERE (f.facet <> 'role' OR s.speaker = 1) {where}
"""

ARTICLE_ROWS = """
SELECT 0 AS scope, f.facet AS facet, CASE f.facet
        WHEN 'article-outlet' THEN CAST(a.outlet_id AS TEXT)
        ELSE COALESCE({month}, '') END AS k
FROM statements_article a
CROSS JOIN (SELECT 'article-outlet' AS facet UNION ALL SELECT 'article-month') f
{where}
UNION ALL
SELECT 0, 'article-dialogue', k FROM (
    SELECT DISTINCT ar.article_id, CAST(r.dialogue_id AS TEXT) AS k
    FROM statements_article_rounds ar
    JOIN statements_dialogueround r ON r.id = ar.dialogueround_id
    {linked}
) reported
"""


def _keys(rows):
    """(SQL of the rows' keys, params), or (None, []) for every row of the table."""
    if not rows.query.where:
        return None, []
    return rows.order_by().values("pk").query.sql_with_params()


def _where(column, keys, joined="WHERE"):
    return f"{joined} {column} IN ({keys})" if keys else ""


def _month(column):
    return MONTH.get(connection.vendor, MONTH["sqlite"]).format(column)


ARCHIVE_AND_SPEAKER = "SELECT 0 AS speaker UNION ALL SELECT 1"
SPEAKER_ONLY = "SELECT 1 AS speaker"


def _quote_rows(quotes, scopes):
    keys, params = _keys(quotes)
    where = _where("q.id", keys, "AND")
    sql = QUOTE_ROWS.format(scopes=scopes, month=_month("q.said_on"), where=where)
    return sql, list(params)


def _article_rows(articles):
    keys, params = _keys(articles)
    sql = ARTICLE_ROWS.format(
        month=_month("a.published_on"),
        where=_where("a.id", keys),
        linked=_where("ar.article_id", keys),
    )
    return sql, list(params) * 2


def _grouped(quotes, articles, scopes=ARCHIVE_AND_SPEAKER):
    """(SQL of the (scope, facet, k, n) rows that ``quotes`` and ``articles`` count in, its
    params), or None for nothing: empty keys (no round, no outlet) are not counted."""
    parts, params = [], []
    if quotes is not None:
        sql, more = _quote_rows(quotes, scopes)
        parts.append(sql)
        params += more
    if articles is not None:
        sql, more = _article_rows(articles)
        parts.append(sql)
        params += more
    if not parts:
        return None
    union = " UNION ALL ".join(parts)
    sql = (
        f"SELECT scope, facet, k, COUNT(*) AS n FROM ({union}) t "
        "WHERE k IS NOT NULL AND (k <> '' OR facet IN ('month', 'article-month', 'kind')) "
        "GROUP BY scope, facet, k"
    )
    return sql, params


def adjust(quotes, articles, sign):
    """Add (sign +1) or take away (−1) what ``quotes`` and ``articles`` (querysets of
    their keys) count in: one statement adding, two taking away."""
    try:
        grouped = _grouped(quotes, articles)
    except EmptyResultSet:  # no keys given
        grouped = None
    if grouped is None:
        return
    select, params = grouped
    if sign > 0:
        # One statement on both engines: a new value gets its row, a known one its total raised.
        _execute(
            f'INSERT INTO {TABLE} (scope, facet, "key", total) '
            f"SELECT scope, facet, k, n FROM ({select}) d WHERE true "
            'ON CONFLICT (scope, facet, "key") '
            f"DO UPDATE SET total = {TABLE}.total + excluded.total",
            params,
        )
        return
    # A total gone wrong by a path outside the writers stops at zero; recount finds it.
    _execute(
        f"UPDATE {TABLE} SET total = CASE WHEN {TABLE}.total > d.n "
        f"THEN {TABLE}.total - d.n ELSE 0 END "
        f"FROM ({select}) d "
        f'WHERE {TABLE}.scope = d.scope AND {TABLE}.facet = d.facet AND {TABLE}."key" = d.k',
        params,
    )
    speakers, speaker_params = ("", [])
    if quotes is not None:
        keys, speaker_params = _keys(quotes)
        where = _where("id", keys)
        speakers = f" OR scope IN (SELECT speaker_id FROM statements_quote {where})"
    _execute(f"DELETE FROM {TABLE} WHERE total = 0 AND (scope = 0{speakers})", list(speaker_params))


def _execute(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def month_key(day):
    """The month key of a date as both engines' SQL writes it ("2011-04"), "" for none."""
    return "" if day is None else f"{day.year:04d}-{day.month:02d}"


def new_rows(article, quotes, dialogues):
    """{(scope, facet, key): n} that a just-inserted ``article`` (its ``outlet_id`` and
    ``published_on``) and its ``quotes`` (``speaker_id``, ``round_id``, ``said_on``, ``kind``,
    ``speaker_role``) count in, with ``dialogues`` the keys of its rounds' dialogues: what
    ``_grouped`` would read back from their rows, keys written as its SQL casts them."""
    rows = Counter()
    outlet = None if article.outlet_id is None else str(article.outlet_id)
    for quote in quotes:
        for scope in (0, quote.speaker_id):
            if quote.round_id is not None:
                rows[scope, "round", str(quote.round_id)] += 1
            if outlet is not None:
                rows[scope, "outlet", outlet] += 1
            rows[scope, "month", month_key(quote.said_on)] += 1
            if quote.kind is not None:
                rows[scope, "kind", quote.kind] += 1
        if quote.speaker_role:
            rows[quote.speaker_id, "role", quote.speaker_role] += 1
    if outlet is not None:
        rows[0, "article-outlet", outlet] += 1
    rows[0, "article-month", month_key(article.published_on)] += 1
    for dialogue in set(dialogues):
        rows[0, "article-dialogue", str(dialogue)] += 1
    return rows


def added_new(article, quotes=(), dialogues=(), send=None):
    """Add what an article just inserted and its quotes count in (``new_rows``), from the
    values the writer holds rather than read back: one upsert of VALUES (planning the
    read-back statement was most of its cost). ``send``: as ``counts.added_new``."""
    rows = sorted(new_rows(article, quotes, dialogues).items())
    for i in range(0, len(rows), CHUNK):
        chunk = rows[i : i + CHUNK]
        values = ", ".join(["(%s, %s, %s, %s)"] * len(chunk))
        (send or _execute)(
            f'INSERT INTO {TABLE} (scope, facet, "key", total) VALUES {values} '
            'ON CONFLICT (scope, facet, "key") '
            f"DO UPDATE SET total = {TABLE}.total + excluded.total",
            [value for (scope, facet, key), n in chunk for value in (scope, facet, key, n)],
        )


def _fresh(speakers):
    """{(scope, facet, key): total} counted afresh: every scope (speakers None) or those
    speakers' alone."""
    if speakers is None:
        grouped = _grouped(Quote.objects.all(), Article.objects.all())
    else:
        grouped = _grouped(Quote.objects.filter(speaker__in=speakers), None, SPEAKER_ONLY)
    select, params = grouped
    with connection.cursor() as cursor:
        cursor.execute(select, params)
        return {(int(scope), facet, key): n for scope, facet, key, n in cursor.fetchall()}


# Rows deleted or written per statement: under either engine's limit of query parameters.
CHUNK = 500
# Past this share of rows differing (an empty table after a bulk load, a migration), the
# tallies are rebuilt in SQL: 700,000 rows at 1M quotes, not a model instance each.
REBUILD_SHARE = 0.5


def _rebuild(speakers):
    """Delete the tallies of every scope (speakers None) or those speakers', and insert
    them counted afresh, in two statements."""
    if speakers is None:
        select, params = _grouped(Quote.objects.all(), Article.objects.all())
        _execute(f"DELETE FROM {TABLE}", [])
    else:
        quotes = Quote.objects.filter(speaker__in=speakers)
        select, params = _grouped(quotes, None, SPEAKER_ONLY)
        for i in range(0, len(speakers), CHUNK):
            Tally.objects.filter(scope__in=speakers[i : i + CHUNK])._raw_delete(connection.alias)
    insert = f'INSERT INTO {TABLE} (scope, facet, "key", total) SELECT scope, facet, k, n'
    # In the order pages read them: a speaker's rows on a few pages, not one page each.
    _execute(f"{insert} FROM ({select}) d ORDER BY scope, facet, k", params)


def recount(speakers=None, apply=True):
    """Count the tallies afresh, every one (speakers None) or those of the given speakers'
    keys, and store what differs unless ``apply`` is False. Returns the differences as
    (scope label, facet, key, stored, fresh): the scope a speaker's slug or "archive"."""
    stored = Tally.objects.all()
    if speakers is not None:
        speakers = list(speakers)
        stored = stored.filter(scope__in=speakers)
    have = {
        (s, f, k): (pk, n)
        for pk, s, f, k, n in stored.values_list("pk", "scope", "facet", "key", "total")
    }
    fresh = _fresh(speakers)
    differing = sorted(
        key
        for key in have.keys() | fresh.keys()
        if have.get(key, (None, 0))[1] != fresh.get(key, 0)
    )
    if apply and len(differing) > REBUILD_SHARE * max(len(fresh), 1):
        _rebuild(speakers)
    elif apply and differing:
        gone = [have[key][0] for key in differing if key in have]
        for i in range(0, len(gone), CHUNK):
            Tally.objects.filter(pk__in=gone[i : i + CHUNK])._raw_delete(connection.alias)
        Tally.objects.bulk_create(
            [
                Tally(scope=s, facet=f, key=k, total=fresh[(s, f, k)])
                for s, f, k in differing
                if fresh.get((s, f, k))
            ],
            batch_size=CHUNK,
        )
    slugs = _slugs({s for s, _, _ in differing if s})
    return [
        (
            slugs.get(s, f"speaker {s}") if s else "archive",
            f,
            k,
            have.get((s, f, k), (None, 0))[1],
            fresh.get((s, f, k), 0),
        )
        for s, f, k in differing
    ]


def _slugs(speakers):
    """{key: slug} of the speakers whose tallies differ, to name them."""
    slugs = {}
    speakers = sorted(speakers)
    for i in range(0, len(speakers), CHUNK):
        chunk = Speaker.objects.filter(pk__in=speakers[i : i + CHUNK])
        slugs.update(chunk.values_list("pk", "slug"))
    return slugs


def _round_before(sender, instance, **kwargs):
    """A round about to be deleted, or moved to another dialogue: its quotes and articles
    leave the tallies (a deleted round's quotes lose it, its articles' links go)."""
    if instance.pk is None or kwargs.get("raw"):
        return  # a new round, or a fixture's: no quotes or articles point to it yet
    if kwargs.get("signal") is pre_save:
        old = DialogueRound.objects.filter(pk=instance.pk).values_list("dialogue", flat=True)
        if list(old) == [instance.dialogue_id]:
            return
        quotes = None  # a quote's round is the same round: only articles count dialogues
    else:
        quotes = list(Quote.objects.filter(round=instance).values_list("pk", flat=True))
    articles = list(Article.objects.filter(rounds=instance).values_list("pk", flat=True))
    if not quotes and not articles:
        return
    instance._tallied = (quotes, articles)
    adjust(_of(Quote, quotes), _of(Article, articles), -1)


def _round_after(sender, instance, **kwargs):
    quotes, articles = instance.__dict__.pop("_tallied", (None, None))
    if articles is None:
        return
    adjust(_of(Quote, quotes), _of(Article, articles), +1)


def _of(model, keys):
    return model.objects.filter(pk__in=keys) if keys else None


def connect_signals():
    for signal in (pre_save, pre_delete):
        signal.connect(_round_before, sender=DialogueRound, dispatch_uid=f"tally-{signal}")
    for signal in (post_save, post_delete):
        signal.connect(_round_after, sender=DialogueRound, dispatch_uid=f"tally-{signal}")
