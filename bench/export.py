"""Export the archive's corpus to a SQLite file for Datasette, the way a Datasette user
would publish it (sqlite-utils style): one table per model, foreign keys declared (so
Datasette shows labels), an FTS5 index on quote text with the archive's own tokenizer,
indexes on the columns people sort and facet by, and the facet columns Datasette cannot
reach through joins (country, dialogue, year, themes as a JSON array) copied onto quotes.
A quote's search matches its speaker's names, title and role as well as its text, as the
archive's does (migration 0006), so that both sides count the same rows."""

import json
import sqlite3
import sys
import time

from statements.models import Article, Dialogue, DialogueRound, Outlet, Quote, Speaker

SCHEMA = """
CREATE TABLE outlets (id INTEGER PRIMARY KEY, name TEXT, slug TEXT, country TEXT);
CREATE TABLE speakers (id INTEGER PRIMARY KEY, name TEXT, slug TEXT, kind TEXT, country TEXT,
    title TEXT, native_name TEXT, aliases TEXT);
CREATE TABLE dialogues (id INTEGER PRIMARY KEY, name TEXT, slug TEXT, parties TEXT);
CREATE TABLE rounds (id INTEGER PRIMARY KEY, slug TEXT,
    dialogue_id INTEGER REFERENCES dialogues(id), ordinal INTEGER, location TEXT,
    start_date TEXT, end_date TEXT);
CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, slug TEXT,
    outlet_id INTEGER REFERENCES outlets(id), published_on TEXT, dateline TEXT, url TEXT,
    body TEXT);
CREATE TABLE quotes (id INTEGER PRIMARY KEY, text TEXT,
    speaker_id INTEGER REFERENCES speakers(id), speaker_role TEXT, kind TEXT,
    said_on TEXT, year INTEGER, article_id INTEGER REFERENCES articles(id),
    round_id INTEGER REFERENCES rounds(id), dialogue TEXT, country TEXT, themes TEXT,
    is_reviewed INTEGER, start INTEGER, "end" INTEGER, speaker_words TEXT);
"""
# Datasette finds a table's full-text index by matching the CREATE statement's text against
# content="<table>" or content=[<table>] (datasette.utils.detect_fts_sql); written
# content='quotes' it finds none and ignores _search, answering every row for any word.
INDEXES = """
CREATE INDEX quotes_speaker_id ON quotes(speaker_id);
CREATE INDEX quotes_article_id ON quotes(article_id);
CREATE INDEX quotes_round_id ON quotes(round_id);
CREATE INDEX quotes_said_on ON quotes(said_on);
CREATE INDEX quotes_country ON quotes(country);
CREATE INDEX quotes_dialogue ON quotes(dialogue);
CREATE INDEX quotes_kind ON quotes(kind);
CREATE INDEX quotes_year ON quotes(year);
CREATE INDEX articles_published_on ON articles(published_on);
CREATE INDEX articles_outlet_id ON articles(outlet_id);
CREATE INDEX rounds_start_date ON rounds(start_date);
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_words, content="quotes",
    content_rowid="id", tokenize="porter unicode61");
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
"""
CHUNK = 20000


def _day(value):
    return value.isoformat() if value else None


def export(path, log=sys.stderr):
    """Write the corpus to a new SQLite file at ``path``; returns seconds taken."""
    began = time.perf_counter()
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)

    def put(table, rows):
        rows = list(rows)
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)

    put("outlets", Outlet.objects.values_list("id", "name", "slug", "country"))
    speakers = list(
        Speaker.objects.values_list(
            "id", "name", "slug", "kind", "country", "title", "native_name", "aliases"
        )
    )
    put("speakers", speakers)
    # The words of a speaker a quote's search matches (migration 0006's SPEAKER_DOC).
    names = {s[0]: " ".join((s[1], s[7], s[6], s[5])) for s in speakers}
    put("dialogues", Dialogue.objects.values_list("id", "name", "slug", "parties"))
    put(
        "rounds",
        (
            (r[0], r[1], r[2], r[3], r[4], _day(r[5]), _day(r[6]))
            for r in DialogueRound.objects.values_list(
                "id", "slug", "dialogue_id", "ordinal", "location", "start_date", "end_date"
            )
        ),
    )
    articles = Article.objects.order_by("id").values_list(
        "id", "title", "slug", "outlet_id", "published_on", "dateline", "url", "body"
    )
    batch = []
    for row in articles.iterator(chunk_size=CHUNK):
        batch.append((*row[:4], _day(row[4]), *row[5:]))
        if len(batch) >= CHUNK:
            put("articles", batch)
            batch.clear()
    put("articles", batch)
    log.write(f"export: articles done in {time.perf_counter() - began:.0f}s\n")

    themes = {}
    for quote_id, slug in Quote.themes.through.objects.values_list(
        "quote_id", "theme__slug"
    ).iterator(chunk_size=CHUNK * 5):
        themes.setdefault(quote_id, []).append(slug)
    quotes = Quote.objects.order_by("id").values_list(
        "id",
        "text",
        "speaker_id",
        "speaker_role",
        "kind",
        "said_on",
        "article_id",
        "round_id",
        "round__dialogue__name",
        "speaker__country",
        "is_reviewed",
        "start",
        "end",
    )
    batch = []
    for n, q in enumerate(quotes.iterator(chunk_size=CHUNK), 1):
        qid, text, speaker, role, kind, said_on, article, round_, dialogue, country = q[:10]
        batch.append(
            (
                qid,
                text,
                speaker,
                role,
                kind,
                _day(said_on),
                said_on.year if said_on else None,
                article,
                round_,
                dialogue,
                country or None,
                json.dumps(sorted(themes.get(qid, []))),
                int(q[10]),
                q[11],
                q[12],
                f"{names.get(speaker, '')} {role}",
            )
        )
        if len(batch) >= CHUNK:
            put("quotes", batch)
            batch.clear()
            log.write(f"\rexport: {n:,} quotes")
    put("quotes", batch)
    log.write(f"\rexport: quotes done in {time.perf_counter() - began:.0f}s; indexing\n")
    db.executescript(INDEXES)
    db.commit()
    db.execute("ANALYZE")
    db.commit()
    db.close()
    return time.perf_counter() - began
