"""The stored counts of speakers and themes (and, in ``tallies``, the unfiltered lists'
facet totals), kept current by every writer in its own
transaction: ``Speaker.quote_count`` (every quote attributed to the speaker, reviewed or not,
in any article: what the pages counted before), ``Theme.quote_count`` and ``article_count``
(the quotes and articles tagged with it) and ``SpeakerTheme`` (per speaker and theme, how many
of the speaker's quotes carry it; no row for none).

Two ways to keep them, both a few set-based statements:

- ``added`` / ``removed``: adjust by what some quotes and articles contribute, read from the
  database: after storing them, before deleting or changing them (call ``removed`` before a
  change and ``added`` after it); ``added_new``: the same for rows a writer has just inserted
  and so knows already (the ingest writer), without reading them back. The work is in
  proportion to the change, not to the speaker's or theme's size (a common theme holds a
  quarter of a million quotes), and ``count = count + n`` is safe beside another writer's
  transaction.
- ``recount``: count given speakers and themes afresh (all of them by default): for merges,
  bulk loads that write rows directly, and ``manage.py recount``, which also says whether any
  stored count differs from a fresh one (``recount(apply=False)``). A change it applies
  changes the content version (``archive.pagecache.content_changed``), as its writes send no
  signals. ``added``/``removed``/``added_new`` leave that to their callers, whose own writes
  change it (the models' signals, or the ingest writer's one call).
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, F, Q

from archive.pagecache import content_changed
from statements.counts import tallies
from statements.models import Article, Quote, Speaker, SpeakerTheme, Theme, count_of

QuoteTheme = Quote.themes.through
ArticleTheme = Article.themes.through


def added(quotes=None, articles=None):
    """Add what ``quotes`` and ``articles`` (querysets or primary keys, already stored, with
    their themes) contribute to the counts; the articles' quotes are not implied."""
    _adjust(quotes, articles, +1)


def removed(quotes=None, articles=None):
    """Take away what ``quotes`` and ``articles`` contribute, before they are deleted or
    changed; deleting an article deletes its quotes: pass both."""
    _adjust(quotes, articles, -1)


def added_new(article, quotes=(), article_themes=(), dialogues=(), send=None):
    """Add what an article just inserted and its quotes contribute, given as the writer knows
    them: ``article`` the Article, ``quotes`` as (Quote, theme keys) pairs, one per quote;
    ``article_themes`` the theme key of each new article-theme link, ``dialogues`` the keys
    of the dialogues of its rounds. The counts ``added`` would read back, in three
    statements, and the article's tallies in one (``tallies.added_new``). ``send(sql,
    params)`` takes the statements, which read none of each other's rows, to send later
    (the writer sends them with its others at once); by default they are executed now."""
    send = send or _execute
    tallies.added_new(article, [quote for quote, _ in quotes], dialogues, send=send)
    speakers, quoted, pairs = Counter(), Counter(), Counter()
    for quote, quote_themes in quotes:
        speaker = quote.speaker_id
        speakers[speaker] += 1
        for theme in quote_themes:
            quoted[theme] += 1
            pairs[speaker, theme] += 1
    in_articles = Counter(article_themes)
    if speakers:
        _add_values(Speaker, ["id", "quote_count"], speakers.items(), send)
    if quoted or in_articles:
        rows = ((t, quoted[t], in_articles[t]) for t in quoted.keys() | in_articles.keys())
        _add_values(Theme, ["id", "quote_count", "article_count"], rows, send)
    if pairs:
        table = connection.ops.quote_name(SpeakerTheme._meta.db_table)
        values = _values((s, t, n) for (s, t), n in pairs.items())
        send(
            f"INSERT INTO {table} (speaker_id, theme_id, quote_count) VALUES {values} "
            "ON CONFLICT (speaker_id, theme_id) "
            f"DO UPDATE SET quote_count = {table}.quote_count + excluded.quote_count",
        )


def _values(rows):
    # Keys and counts are integers (int() refuses anything else), written into the SQL: no
    # parameter limit to mind, and no per-value conversion by the driver.
    return ", ".join("(" + ", ".join(str(int(v)) for v in row) + ")" for row in sorted(rows))


def _add_values(model, columns, rows, send=None):
    """``UPDATE model SET count = count + n`` for each of ``rows``: the key (``columns[0]``)
    then the amount for each count column named after it."""
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    names = ", ".join(f"c{i}" for i in range(len(columns)))
    sets = ", ".join(f"{qn(c)} = {table}.{qn(c)} + d.c{i}" for i, c in enumerate(columns) if i > 0)
    (send or _execute)(
        f"WITH d ({names}) AS (VALUES {_values(rows)}) "
        f"UPDATE {table} SET {sets} FROM d WHERE {table}.{qn(columns[0])} = d.c0"
    )


def _rows(model, given):
    if given is None:
        return None
    if isinstance(given, list | tuple | set | frozenset):
        return model.objects.filter(pk__in=list(given))
    # By key: a queryset filtered through a join (an admin list by theme) may repeat a row,
    # and its annotations would be grouped with the counts.
    return model.objects.filter(pk__in=given.order_by().values("pk"))


def _adjust(quotes, articles, sign):
    quotes, articles = _rows(Quote, quotes), _rows(Article, articles)
    tallies.adjust(quotes, articles, sign)
    if quotes is not None:
        _apply(Speaker, "quote_count", quotes, {"id": "speaker"}, sign)
        tags = QuoteTheme.objects.filter(quote__in=quotes.values("pk"))
        _apply(Theme, "quote_count", tags, {"id": "theme"}, sign)
        pairs = {"speaker_id": "quote__speaker", "theme_id": "theme"}
        if sign > 0:
            _upsert_speaker_themes(tags, pairs)
        else:
            _apply(SpeakerTheme, "quote_count", tags, pairs, sign)
            empty = SpeakerTheme.objects.filter(quote_count=0)
            _delete(empty.filter(speaker__in=quotes.values("speaker")))
    if articles is not None:
        tags = ArticleTheme.objects.filter(article__in=articles.values("pk"))
        _apply(Theme, "article_count", tags, {"id": "theme"}, sign)


def _grouped(rows, keys):
    """SQL of ``rows`` counted per ``keys`` (column of the counted table → field of rows),
    its columns named k0, k1 … and n."""
    named = {f"k{i}": F(field) for i, field in enumerate(keys.values())}
    return rows.order_by().values(**named).annotate(n=Count("*")).query.sql_with_params()


def _apply(model, column, rows, keys, sign):
    """Add (sign +1) or take away (-1) how many of ``rows`` fall on each row of ``model``,
    in one UPDATE … FROM over those rows alone (both engines have it): a correlated count
    per row would have PostgreSQL read the whole speaker's index for each."""
    qn = connection.ops.quote_name
    table, col = qn(model._meta.db_table), qn(column)
    current = f"{table}.{col}"
    if sign > 0:
        change = f"{current} + d.n"
    else:
        # A count gone wrong by some path outside the writers stops at zero (the column
        # refuses less); ``recount --check`` finds it.
        change = f"CASE WHEN {current} > d.n THEN {current} - d.n ELSE 0 END"
    select, params = _grouped(rows, keys)
    match = " AND ".join(f"{table}.{qn(c)} = d.k{i}" for i, c in enumerate(keys))
    _execute(f"UPDATE {table} SET {col} = {change} FROM ({select}) d WHERE {match}", params)


def _upsert_speaker_themes(tags, pairs):
    # One statement on both engines: a new pair gets its row, a known one its count raised.
    select, params = _grouped(tags, pairs)
    table = connection.ops.quote_name(SpeakerTheme._meta.db_table)
    _execute(
        f"INSERT INTO {table} (speaker_id, theme_id, quote_count) "
        f"SELECT k0, k1, n FROM ({select}) d WHERE true "
        "ON CONFLICT (speaker_id, theme_id) "
        f"DO UPDATE SET quote_count = {table}.quote_count + excluded.quote_count",
        params,
    )


def _delete(rows):
    # One DELETE: the ORM's delete() would read the rows first (the page cache listens to
    # every model's post_delete), and nothing refers to these rows.
    select, params = rows.values("pk").query.sql_with_params()
    table = connection.ops.quote_name(SpeakerTheme._meta.db_table)
    _execute(f"DELETE FROM {table} WHERE id IN (SELECT * FROM ({select}) gone)", params)


def _execute(sql, params=None):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@dataclass
class Recount:
    """What ``recount`` found different: (slug, stored, fresh) per speaker, (slug, field,
    stored, fresh) per theme count, (speaker slug, theme slug, stored, fresh) per
    speaker-theme pair (0 where there is no row), and (scope, facet, key, stored, fresh)
    per tally (tallies.recount)."""

    speakers: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    speaker_themes: list = field(default_factory=list)
    tallies: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.speakers or self.themes or self.speaker_themes or self.tallies)


def recount(speakers=None, themes=None, apply=True):
    """Count the given speakers and themes (primary keys; None: every one) afresh and store
    what differs, unless ``apply`` is False; a speaker's SpeakerTheme rows and tallies are
    counted with it (the archive's tallies only when every speaker is). Returns a Recount
    of the differences found."""
    found = Recount()
    speaker_rows = (
        Speaker.objects.all() if speakers is None else Speaker.objects.filter(pk__in=list(speakers))
    )
    theme_rows = (
        Theme.objects.all() if themes is None else Theme.objects.filter(pk__in=list(themes))
    )
    speaker_fresh = count_of(Quote.objects.all(), "speaker")
    wrong = speaker_rows.exclude(quote_count=speaker_fresh)
    found.speakers = list(
        wrong.annotate(fresh=speaker_fresh).values_list("slug", "quote_count", "fresh")
    )
    quote_fresh = count_of(QuoteTheme.objects.all(), "theme")
    article_fresh = count_of(ArticleTheme.objects.all(), "theme")
    wrong_themes = theme_rows.exclude(Q(quote_count=quote_fresh) & Q(article_count=article_fresh))
    for slug, quotes, quotes_fresh, articles, articles_fresh in wrong_themes.annotate(
        q=quote_fresh, a=article_fresh
    ).values_list("slug", "quote_count", "q", "article_count", "a"):
        if quotes != quotes_fresh:
            found.themes.append((slug, "quote_count", quotes, quotes_fresh))
        if articles != articles_fresh:
            found.themes.append((slug, "article_count", articles, articles_fresh))
    wrong_speakers = _speaker_themes_differing(speakers, found)
    found.tallies = tallies.recount(speakers, apply=apply)
    if apply:
        wrong.update(quote_count=speaker_fresh)
        wrong_themes.update(quote_count=quote_fresh, article_count=article_fresh)
        _rebuild_speaker_themes(wrong_speakers)
        if found:
            # update(), bulk_create() and raw SQL send no signals: the pages, the cached
            # choices and stored totals (filters/cached.py) go now and again on commit.
            content_changed()
    return found


def _speaker_themes_differing(speakers, found):
    """The speakers whose SpeakerTheme rows differ from a fresh count (each pair noted in
    ``found``): stored rows and fresh counts compared in Python, one tuple per pair."""
    stored, tags = SpeakerTheme.objects.all(), QuoteTheme.objects.all()
    if speakers is not None:
        speakers = list(speakers)
        stored = stored.filter(speaker__in=speakers)
        tags = tags.filter(quote__speaker__in=speakers)
    have = {(s, t): n for s, t, n in stored.values_list("speaker", "theme", "quote_count")}
    fresh = tags.order_by().values_list("quote__speaker", "theme").annotate(n=Count("*"))
    fresh = {(s, t): n for s, t, n in fresh}
    differing = sorted(p for p in have.keys() | fresh.keys() if have.get(p) != fresh.get(p))
    if differing:
        slugs = dict(Speaker.objects.values_list("pk", "slug"))
        themes = dict(Theme.objects.values_list("pk", "slug"))
        found.speaker_themes = [
            (slugs[s], themes[t], have.get((s, t), 0), fresh.get((s, t), 0)) for s, t in differing
        ]
    return sorted({s for s, _ in differing})


# Speakers rebuilt per statement: well under either engine's limit of query parameters.
CHUNK = 500


def _rebuild_speaker_themes(speakers):
    """Delete these speakers' SpeakerTheme rows and insert them counted afresh."""
    table = connection.ops.quote_name(SpeakerTheme._meta.db_table)
    for i in range(0, len(speakers), CHUNK):
        chunk = speakers[i : i + CHUNK]
        _delete(SpeakerTheme.objects.filter(speaker__in=chunk))
        pairs = QuoteTheme.objects.filter(quote__speaker__in=chunk).order_by()
        counted = pairs.values("quote__speaker", "theme").annotate(n=Count("*"))
        select, params = counted.query.sql_with_params()
        _execute(f"INSERT INTO {table} (speaker_id, theme_id, quote_count) {select}", params)
