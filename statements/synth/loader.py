"""Writing the synthetic archive: ``load()`` stores N quotes with their articles in one
transaction by each engine's fastest path, ``clear()`` removes every synthetic record and
nothing else."""

import time
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from archive.pagecache import content_changed
from statements import counts as stored_counts
from statements.synth.articles import SyntheticArchive
from statements.synth.bulk import (
    FtsSuspended,
    IndexesDeferred,
    PostgresWriter,
    SqliteWriter,
    insert_columns,
    table_names,
)
from statements.synth.records import PREFIX, URL_PREFIX
from statements.synth.reference import ensure_reference, ensure_themes, store_cast

BATCH_ARTICLES = 2000  # rows written per executemany/COPY round: big, but bounded memory


@dataclass
class LoadReport:
    quotes: int = 0
    articles: int = 0
    created: dict = field(default_factory=dict)
    seconds: float = 0.0
    phases: dict = field(default_factory=dict)  # name -> seconds


def load(n_quotes, seed=1, progress=None):
    """Generate ``n_quotes`` synthetic quotes (and their articles) and store them in one
    transaction. ``progress(done, total)`` is called after each batch."""
    from statements.models import Article, Quote, QuoteTerm

    report = LoadReport()
    began = time.perf_counter()
    vendor = connection.vendor
    t = table_names()
    with transaction.atomic():
        content_changed()  # raw inserts send no signals; the pages go again on commit
        ensure_reference()
        themes = ensure_themes()
        archive = SyntheticArchive(seed, n_quotes, {s: kw for s, (_, kw) in themes.items()})
        theme_ids = {s: i for s, (i, _) in themes.items()}
        with connection.cursor() as cursor:
            if vendor == "postgresql":
                # Nobody else may add articles or quotes while we hand out their ids.
                cursor.execute(
                    f"LOCK TABLE {t['article']}, {t['quote']} IN SHARE ROW EXCLUSIVE MODE"
                )
                cursor.execute("SET LOCAL synchronous_commit = off")
                cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            outlets, speakers, rounds = store_cast(archive.cast(), report)
            offset = Article.objects.filter(url__startswith=URL_PREFIX).count()
            next_article = (
                Article.objects.order_by("-id").values_list("id", flat=True).first() or 0
            ) + 1
            next_quote = (
                Quote.objects.order_by("-id").values_list("id", flat=True).first() or 0
            ) + 1
            report.phases["cast"] = time.perf_counter() - began

            a_cols, a_extra = insert_columns(
                Article,
                [
                    "id",
                    "title",
                    "slug",
                    "outlet",
                    "published_on",
                    "published_on_inferred",
                    "dateline",
                    "url",
                    "body",
                    "raw_text",
                    "checksum",
                    "created_at",
                ],
            )
            q_cols, q_extra = insert_columns(
                Quote,
                [
                    "id",
                    "article",
                    "speaker",
                    "speaker_role",
                    "text",
                    "kind",
                    "start",
                    "end",
                    "said_on",
                    "round",
                    "is_reviewed",
                ],
            )
            qt = Quote.themes.through._meta
            at = Article.themes.through._meta
            ar = Article.rounds.through._meta
            qt_cols = [qt.get_field("quote").column, qt.get_field("theme").column]
            at_cols = [at.get_field("article").column, at.get_field("theme").column]
            ar_cols = [ar.get_field("article").column, ar.get_field("dialogueround").column]
            created_at = timezone.now()
            if vendor == "sqlite":
                created_at = connection.ops.adapt_datetimefield_value(created_at)
                writer = SqliteWriter(cursor.cursor)
                cursor.execute("PRAGMA cache_size = -262144")  # 256 MB for this connection
                guard = FtsSuspended(cursor, [t["article"], t["quote"]])
            elif vendor == "postgresql":
                writer = PostgresWriter(cursor.cursor)
                # Rebuilding an index costs the whole table; worth it when the load at least
                # doubles the table, cheaper to maintain row by row otherwise.
                existing = Quote.objects.count()
                # The quotes' per-word scores (migration 0012) are filled by a trigger as rows
                # arrive: their indexes are built once at the end too.
                guard = (
                    IndexesDeferred(cursor, [*t.values(), QuoteTerm._meta.db_table])
                    if n_quotes >= existing
                    else nullcontext()
                )
            else:
                raise NotImplementedError(
                    f"synthcorpus supports SQLite and PostgreSQL, not {vendor}"
                )

            done = 0
            with guard:
                batch = {k: [] for k in ("a", "q", "qt", "at", "ar")}
                for article in archive.articles(offset=offset):
                    aid = next_article
                    next_article += 1
                    batch["a"].append(
                        (
                            aid,
                            article.title,
                            article.slug,
                            outlets[article.outlet],
                            article.published_on,
                            article.published_on_inferred,
                            article.dateline,
                            article.url,
                            article.body,
                            article.raw_text,
                            article.checksum,
                            created_at,
                        )
                        + a_extra
                    )
                    for slug in article.themes:
                        batch["at"].append((aid, theme_ids[slug]))
                    for slug in article.rounds:
                        if slug in rounds:
                            batch["ar"].append((aid, rounds[slug]))
                    for q in article.quotes:
                        qid = next_quote
                        next_quote += 1
                        batch["q"].append(
                            (
                                qid,
                                aid,
                                speakers[q.speaker],
                                q.speaker_role,
                                q.text,
                                q.kind,
                                q.start,
                                q.end,
                                q.said_on,
                                rounds.get(q.round),
                                q.is_reviewed,
                            )
                            + q_extra
                        )
                        for slug in q.themes:
                            batch["qt"].append((qid, theme_ids[slug]))
                    if len(batch["a"]) >= BATCH_ARTICLES:
                        done += _flush(writer, t, batch, a_cols, q_cols, qt_cols, at_cols, ar_cols)
                        report.articles += BATCH_ARTICLES
                        if progress:
                            progress(done, n_quotes)
                report.articles += len(batch["a"])
                done += _flush(writer, t, batch, a_cols, q_cols, qt_cols, at_cols, ar_cols)
                if progress:
                    progress(done, n_quotes)
                report.phases["rows"] = time.perf_counter() - began - report.phases["cast"]
                mark = time.perf_counter()
            report.phases["indexes"] = time.perf_counter() - mark
            report.quotes = done
            for sql in connection.ops.sequence_reset_sql(no_style(), [Article, Quote]):
                cursor.execute(sql)
        mark = time.perf_counter()
        stored_counts.recount()  # raw inserts: the stored counts from the rows
        report.phases["counts"] = time.perf_counter() - mark
    mark = time.perf_counter()
    if vendor == "postgresql":
        # Fresh statistics, as autovacuum would leave them, so the planner sees the real sizes
        # (with none, it guesses 2 speakers per country and picks nested loops over GIN scans).
        from django.apps import apps

        tables = {m._meta.db_table for m in apps.get_app_config("statements").get_models()}
        tables |= {
            f.remote_field.through._meta.db_table
            for m in apps.get_app_config("statements").get_models()
            for f in m._meta.local_many_to_many
        }
        with connection.cursor() as cursor:
            for table in sorted(tables):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
    report.phases["analyze"] = time.perf_counter() - mark
    report.seconds = time.perf_counter() - began
    return report


def _flush(writer, t, batch, a_cols, q_cols, qt_cols, at_cols, ar_cols):
    writer.write(t["article"], a_cols, batch["a"])
    writer.write(t["quote"], q_cols, batch["q"])
    writer.write(t["quote_themes"], qt_cols, batch["qt"])
    writer.write(t["article_themes"], at_cols, batch["at"])
    writer.write(t["article_rounds"], ar_cols, batch["ar"])
    n = len(batch["q"])
    for rows in batch.values():
        rows.clear()
    return n


def clear():
    """Delete every synthetic record and nothing else; returns counts by kind."""
    from statements.models import Article, Dialogue, DialogueRound, Outlet, Quote, Speaker

    t = table_names()
    qn = connection.ops.quote_name
    counts = {}
    synthetic_articles = f"SELECT id FROM {qn(t['article'])} WHERE {qn('url')} LIKE %s"
    like = [URL_PREFIX + "%"]
    with transaction.atomic(), connection.cursor() as cursor:
        content_changed()  # raw deletes send no signals; the pages go again on commit
        guard = (
            FtsSuspended(cursor, [t["article"], t["quote"]])
            if connection.vendor == "sqlite"
            else nullcontext()
        )
        with guard:
            # Raw deletes: the ORM would load a million quotes to cascade them one by one.
            quotes = f"SELECT id FROM {qn(t['quote'])} WHERE article_id IN ({synthetic_articles})"
            cursor.execute(
                f"DELETE FROM {qn(t['quote_themes'])} WHERE quote_id IN ({quotes})", like
            )
            cursor.execute(
                f"DELETE FROM {qn(t['quote'])} WHERE article_id IN ({synthetic_articles})", like
            )
            counts["quotes"] = cursor.rowcount
            for m2m in ("article_themes", "article_rounds"):
                cursor.execute(
                    f"DELETE FROM {qn(t[m2m])} WHERE article_id IN ({synthetic_articles})", like
                )
            cursor.execute(
                f"DELETE FROM {qn(t['article'])} WHERE id IN ({synthetic_articles})", like
            )
            counts["articles"] = cursor.rowcount
        rounds = DialogueRound.objects.filter(slug__startswith=PREFIX)
        Quote.objects.filter(round__in=rounds).update(round=None)
        Article.rounds.through.objects.filter(dialogueround__in=rounds).delete()
        DialogueRound.co_chairs.through.objects.filter(dialogueround__in=rounds).delete()
        counts["rounds"] = rounds._raw_delete(rounds.db)
        dialogues = Dialogue.objects.filter(slug__startswith=PREFIX, rounds__isnull=True)
        counts["dialogues"] = dialogues.delete()[0]
        speakers = Speaker.objects.filter(slug__startswith=PREFIX, quotes__isnull=True)
        DialogueRound.co_chairs.through.objects.filter(speaker__in=speakers).delete()
        counts["speakers"] = speakers.delete()[0]
        outlets = Outlet.objects.filter(slug__startswith=PREFIX, articles__isnull=True)
        Speaker.objects.filter(outlet__in=outlets).update(outlet=None)
        counts["outlets"] = outlets.delete()[0]
        stored_counts.recount()  # raw deletes: the stored counts from the rows left
    return counts
