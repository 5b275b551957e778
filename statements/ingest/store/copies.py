"""Syndicated copies: a text that is a near-copy of a held article is stored as another
``Carrier`` of that article, adding no quotes, speakers or rounds; an archivist can split a
wrong merge back into its own article.

The writer calls ``carried`` and ``index`` under the ingest lock, so "is this a copy?" is
decided one text at a time: of two copies stored at once, the second finds the first. Each
article's LSH band keys (``text/shingles.py``) are rows of ``CopyKey``; the lookup reads the
articles sharing most keys with the new text from that index (never every article) and
confirms them by the exact Jaccard index of the two stories' shingles.
"""

from __future__ import annotations

from django.db import IntegrityError, connection, transaction

from statements.ingest.store.records import insert_links, outlet_for
from statements.ingest.store.stories import story
from statements.ingest.text import shingles
from statements.models import Article, Carrier, CopyKey

CANDIDATES = 10  # the articles sharing most band keys with a text, checked exactly
READ = {"id", "slug", "title", "body"}  # what is read of a candidate (its page's address too)


def held_copy(body: str):
    """``(article, similarity)`` of the held article ``body`` is a near-copy of (the most
    similar at or above ``shingles.THRESHOLD``), else None. One query: the candidates read
    with their texts."""
    hashed, keys = story(body)
    if not keys:
        return None
    best = None
    for article in candidates(keys):
        similarity = shingles.jaccard(hashed, story(article.body)[0])
        if similarity >= shingles.THRESHOLD and (
            best is None or (similarity, -article.pk) > (best[1], -best[0].pk)
        ):
            best = (article, similarity)
    return best


def candidates(keys):
    """The articles sharing most of ``keys`` (at most ``CANDIDATES``: most first, then by
    key, counted from the index alone, ``COUNT(*)`` and not of a column), with their key,
    slug, title and body, in one statement; in no particular order."""
    quote = connection.ops.quote_name
    table = quote(CopyKey._meta.db_table)
    article = quote(CopyKey._meta.get_field("article").column)
    articles = quote(Article._meta.db_table)
    pk = quote(Article._meta.pk.column)
    # In the model's order of fields, as ``from_db`` takes them
    read = [f.attname for f in Article._meta.concrete_fields if f.name in READ]
    columns = ", ".join(quote(Article._meta.get_field(f).column) for f in read)
    # The keys are integers written into the statement (int() refuses anything else): the
    # driver would convert each of a text's hundred keys one by one, the ORM build it too.
    listed = ", ".join(str(int(key)) for key in keys)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM {articles} WHERE {pk} IN ("
            f"SELECT {article} FROM {table} WHERE {quote('key')} IN ({listed}) "
            f"GROUP BY {article} ORDER BY COUNT(*) DESC, {article} LIMIT {CANDIDATES})"
        )
        rows = cursor.fetchall()
    # As ``.only()`` would give them: the other fields read if asked for
    return [Article.from_db(connection.alias, read, row) for row in rows]


def index(article: Article, body: str, send=None):
    """Store an article's band keys, so later copies of it are found (one statement, no
    model instance per key; ``send``: as ``records.insert_links``)."""
    keys = [(article.pk, key) for key in story(body)[1]]
    insert_links(CopyKey, ("article", "key"), keys, send=send)


def stored_carrier(checksum: str):
    return Carrier.objects.filter(checksum=checksum).select_related("article", "outlet").first()


def carried(extraction, report, names=None) -> bool:
    """If ``extraction`` is a near-copy of a held article, store it as a carrier of that
    article (``report.carrier``, ``report.article``) and return True."""
    found = held_copy(extraction.body)
    if found is None:
        return False
    article, similarity = found
    outlet = outlet_for(extraction, report, names)
    try:
        with transaction.atomic():
            carrier = Carrier.objects.create(
                article=article,
                outlet=outlet,
                title=(extraction.title or "")[:500],
                url=extraction.url,
                published_on=extraction.published,
                checksum=extraction.checksum,
                raw_text=extraction.raw_text,
                similarity=round(similarity, 4),
            )
    except IntegrityError:
        # The same copy stored by a writer that does not take the lock: nothing to add.
        carrier = stored_carrier(extraction.checksum)
        if carrier is None:
            raise
    else:
        report.created["carrier"] += 1
    report.carrier, report.article = carrier, article
    report.notes.append(describe(carrier))
    return True


def describe(carrier) -> str:
    """ "carried by China Daily, 26 Jul 2012: a copy of /articles/<slug>/ (similarity 0.93)"."""
    by = carrier.outlet.name if carrier.outlet else "an unknown outlet"
    day = carrier.published_on
    day = f", {day.day} {day:%b %Y}" if day else ""
    return (
        f"carried by {by}{day}: a copy of /articles/{carrier.article.slug}/ "
        f"(similarity {carrier.similarity:.2f})"
    )


def split(carrier: Carrier):
    """Store a carrier's text as its own article (extracted afresh, the copy check skipped)
    and delete the carrier, in one transaction; returns the writer's report."""
    from statements.ingest.pipeline import extract
    from statements.ingest.store.known import gazetteer_from_db
    from statements.ingest.store.writer import IngestError, save

    extraction = extract(
        carrier.raw_text,
        gazetteer_from_db(),
        title=carrier.title,
        outlet=carrier.outlet.name if carrier.outlet else "",
        published=carrier.published_on,
        url=carrier.url,
    )
    with transaction.atomic():
        # First, so that the writer does not find the text stored as this carrier.
        Carrier.objects.filter(pk=carrier.pk).delete()
        report = save(extraction, copies=False)
        if report.skipped:
            raise IngestError(f"not split: the text is {report.skipped}")
    return report
