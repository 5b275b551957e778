"""Write an Extraction to the database in one transaction, linking to what the archive knows.

This is the only ingest module that touches Django. Speakers, outlets, dialogues, rounds and
themes are matched by name, alias or native name before anything new is created; an article
whose checksum is already stored is skipped, so re-ingesting changes nothing.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Q
from django.utils.text import slugify

from statements.ingest.result import (
    Extraction,
    Gazetteer,
    KnownDialogue,
    KnownOutlet,
    KnownRound,
    KnownSpeaker,
    KnownTheme,
)
from statements.models import (
    Article,
    Dialogue,
    DialogueRound,
    Outlet,
    Quote,
    Speaker,
    Theme,
    split_lines,
)


class IngestError(ValueError):
    """An extraction that cannot be stored as it is; nothing of it was written."""


@dataclass
class SaveReport:
    """What one save did: counts of records created and linked, or why it skipped."""

    article: Article | None = None
    skipped: str = ""
    created: Counter = field(default_factory=Counter)
    linked: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    # The speakers, outlets, dialogues and rounds this save created, for the batch's gazetteer
    new_records: list = field(default_factory=list)


def known_speaker(s: Speaker) -> KnownSpeaker:
    return KnownSpeaker(
        name=s.name,
        kind=s.kind,
        country=s.country,
        title=s.title,
        native_name=s.native_name,
        aliases=s.alias_list,
    )


def known_dialogue(d: Dialogue) -> KnownDialogue:
    return KnownDialogue(name=d.name, parties=d.party_list, aliases=d.alias_list)


def known_round(r: DialogueRound) -> KnownRound:
    return KnownRound(
        dialogue=r.dialogue.name,
        start=r.start_date,
        end=r.end_date,
        ordinal=r.ordinal,
        location=r.location,
    )


def known_outlet(o: Outlet) -> KnownOutlet:
    return KnownOutlet(name=o.name, country=o.country, aliases=o.alias_list)


def gazetteer_from_db() -> Gazetteer:
    """Everything the extractor may link to, as plain data (a handful of queries)."""
    return Gazetteer(
        speakers=[known_speaker(s) for s in Speaker.objects.all()],
        dialogues=[known_dialogue(d) for d in Dialogue.objects.all()],
        rounds=[known_round(r) for r in DialogueRound.objects.select_related("dialogue")],
        themes=[
            KnownTheme(slug=t.slug, name=t.name, keywords=t.keyword_list)
            for t in Theme.objects.all()
        ],
        outlets=[known_outlet(o) for o in Outlet.objects.all()],
    )


def add_to_gazetteer(gazetteer: Gazetteer, records, *, code_point_order=None):
    """Put records a save created into ``gazetteer`` where ``gazetteer_from_db`` would list
    them (its lists follow the models' orderings), instead of reading everything again.

    ``code_point_order``: whether the database sorts text as Python does (SQLite always; see
    ``ArchiveNames.plain_ascii`` for PostgreSQL); else it is asked to count.
    """
    index = gazetteer.index()
    lists = {Speaker: gazetteer.speakers, Outlet: gazetteer.outlets, Dialogue: gazetteer.dialogues}
    new = [r for r in records if type(r) in lists]
    places = []
    if code_point_order is None:
        code_point_order = connection.vendor == "sqlite"
    if code_point_order:
        # The database sorts text by code point (SQLite's bytes, the C locale), as Python
        # sorts str: its place is the number of names listed or new that sort before it.
        for r in new:
            places.append(
                bisect.bisect_left([k.name for k in lists[type(r)]], r.name)
                + sum(1 for n in new if type(n) is type(r) and n.name < r.name)
            )
    elif new:
        # Elsewhere: the number of names before it in the database's own collation, all
        # counted in one query.
        quote = connection.ops.quote_name
        sql = ", ".join(
            f"(SELECT COUNT(*) FROM {quote(type(r)._meta.db_table)} "
            f"WHERE {quote(type(r)._meta.get_field('name').column)} < %s)"
            for r in new
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {sql}", [r.name for r in new])
            places = list(cursor.fetchone())
    by_name = sorted(zip(places, new, strict=True), key=lambda pair: pair[0])
    for before, record in by_name:
        if isinstance(record, Speaker):
            index.insert_speaker(known_speaker(record), before)
        elif isinstance(record, Outlet):
            index.insert_outlet(known_outlet(record), before)
        else:
            gazetteer.dialogues.insert(before, known_dialogue(record))
    for record in records:
        if isinstance(record, DialogueRound):
            # Newest first; a round the writer creates never shares its dialogue and start
            # date with another, so its place among rounds of the same day does not matter.
            rounds = gazetteer.rounds
            at = next((i for i, k in enumerate(rounds) if k.start < record.start_date), None)
            rounds.insert(len(rounds) if at is None else at, known_round(record))


def _folds(text):
    """Keys under which a database may find ``text`` equal to another ignoring case: more
    than it will (the database then decides), never fewer."""
    return {text.casefold(), text.upper().casefold(), text.lower()}


UNDECIDED = object()


class ArchiveNames:
    """Primary keys of the outlets, speakers and dialogues by the names and aliases
    ``by_name_or_alias`` matches, so that it asks the database about a few rows, not all.

    Built once for a batch; the writer adds what it creates, and ``rollback`` takes back what
    a failed or dry-run save added. Records changed by others during the batch are not seen.
    """

    FIELDS = {Speaker: ("native_name",), Outlet: (), Dialogue: ()}
    # Records only linked by key (a quote's speaker, an article's outlet) may be decided here
    BY_KEY_ONLY = (Speaker, Outlet)

    def __init__(self):
        self.tables = {}
        self.rows = {}  # model → pk → (name, aliases, *extra fields)
        self.log = []
        self.memo = {}
        self._themes = None
        self._plain_ascii = None

    def plain_ascii(self):
        """Whether the database compares ASCII text ignoring case, and sorts all text, as
        Python does: SQLite (LIKE ignores ASCII case, text sorts by bytes), or PostgreSQL
        whose database locale is C (libc's C.UTF-8 sorts by code point). Then a lookup whose
        names are ASCII is decided from the index, and new records placed without a query."""
        if self._plain_ascii is None:
            self._plain_ascii = connection.vendor == "sqlite"
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT datcollate, datctype FROM pg_database "
                        "WHERE datname = current_database()"
                    )
                    locales = set(cursor.fetchone())
                    cursor.execute(
                        "SELECT 1 FROM pg_attribute WHERE attrelid = 'pg_database'::regclass "
                        "AND attname = 'datlocprovider'"
                    )
                    if cursor.fetchone():
                        cursor.execute(
                            "SELECT datlocprovider FROM pg_database "
                            "WHERE datname = current_database()"
                        )
                        locales.add("provider:" + cursor.fetchone()[0])
                    else:
                        locales.add("provider:c")
                self._plain_ascii = locales <= {"C", "POSIX", "C.UTF-8", "C.utf8", "provider:c"}
        return self._plain_ascii

    def themes(self):
        """The themes by slug, read once (the batch's gazetteer has its themes read once too)."""
        if self._themes is None:
            self._themes = {t.slug: t for t in Theme.objects.all()}
        return self._themes

    def table(self, model):
        if model not in self.tables:
            by_name, by_alias = defaultdict(set), defaultdict(set)
            self.tables[model] = by_name, by_alias
            self.rows.setdefault(model, {})
            fields = ("pk", "name", "aliases", *self.FIELDS[model])
            for row in model.objects.values_list(*fields):
                self._index(model, *row, log=False)
        return self.tables[model]

    def _index(self, model, pk, name, aliases, *extra, log=True):
        by_name, by_alias = self.tables[model]
        rows = self.rows.setdefault(model, {})
        if pk not in rows:
            rows[pk] = (name, aliases, *extra)
            if log:
                self.log.append((rows, pk, None))
        entries = [(by_name, key) for key in _folds(name)]
        entries += [(by_alias, a.lower()) for a in split_lines(aliases)]
        entries += [(by_alias, value.lower()) for value in extra if value]
        for table, key in entries:
            if pk not in table[key]:
                table[key].add(pk)
                if log:
                    self.log.append((table, key, pk))

    def add(self, record):
        """Index a record the writer has just created."""
        model = type(record)
        if model in self.tables:
            extra = [getattr(record, f) for f in self.FIELDS[model]]
            self._index(model, record.pk, record.name, record.aliases, *extra)

    def mark(self):
        return len(self.log)

    def rollback(self, mark):
        self.memo.clear()  # it may hold records that are gone
        while len(self.log) > mark:
            table, key, pk = self.log.pop()
            if pk is None:
                del table[key]  # a row: (rows, pk, None)
            else:
                table[key].discard(pk)

    def commit(self):
        self.log.clear()

    def lookup(self, model, name, extra_fields=()):
        """``by_name_or_alias`` over the records that can match, remembered for as long as
        the records that can match stay the same (the writer never changes a record)."""
        by_name = self.name_candidates(model, name)
        by_alias = self.alias_candidates(model, name)
        key = (model, name, extra_fields, frozenset(by_name), frozenset(by_alias))
        if key in self.memo:
            return self.memo[key]
        pk = self.decide(model, name, extra_fields, by_name, by_alias)
        if pk is None:
            self.memo[key] = None
        elif pk is not UNDECIDED:
            # Only its key is used; any other field would be read from the database.
            self.memo[key] = model.from_db(connection.alias, [model._meta.pk.attname], [pk])
        else:
            self.memo[key] = find_by_name_or_alias(
                model.objects.filter(pk__in=by_name) if by_name else None,
                model.objects.filter(pk__in=by_alias) if by_alias else None,
                name,
                extra_fields,
            )
        return self.memo[key]

    def decide(self, model, name, extra_fields, by_name, by_alias):
        """The pk ``find_by_name_or_alias`` would find among the candidates, or None, when
        every name involved is ASCII and the database treats ASCII as Python does; else
        UNDECIDED. ASCII names equal ignoring case are what iexact finds; an ASCII alias line
        equal ignoring case is inside the aliases, so icontains finds it too; the first is the
        first by name, in code point order (the C locale's and SQLite's)."""
        if (
            model not in self.BY_KEY_ONLY
            or tuple(extra_fields) != self.FIELDS[model]
            or not name.isascii()
            or not self.plain_ascii()
        ):
            return UNDECIDED
        rows = self.rows[model]
        low = name.lower()
        named = []
        for pk in by_name:
            their = rows[pk][0]
            if not their.isascii():
                return UNDECIDED
            if their.lower() == low:
                named.append((their, pk))
        if named:
            return min(named)[1]
        for _their, pk in sorted((rows[pk][0], pk) for pk in by_alias):
            _name, aliases, *extra = rows[pk]
            listed = [*split_lines(aliases), *(value for value in extra if value)]
            same = [text for text in listed if text.lower() == low]
            if any(text.isascii() for text in same):
                return pk  # icontains finds an ASCII line equal ignoring case, too
            if same:
                return UNDECIDED  # other letters: whether icontains agrees is the database's
        return None

    def name_candidates(self, model, name):
        by_name, _ = self.table(model)
        return set().union(*(by_name.get(key, ()) for key in _folds(name)))

    def alias_candidates(self, model, name):
        _, by_alias = self.table(model)
        return by_alias.get(name.lower(), set())


def unique_slug(model, text, max_length=200):
    base = slugify(text)[: max_length - 10].strip("-") or model._meta.model_name
    slug, n = base, 2
    while first_id(model, "slug", slug) is not None:
        slug, n = f"{base}-{n}", n + 1
    return slug


def first_id(model, field, value):
    """The id of a record whose ``field`` equals ``value``, or None: what ``.exists()`` asks,
    sent without building a QuerySet (the writer asks this for every record it creates)."""
    quote = connection.ops.quote_name
    table, column = quote(model._meta.db_table), quote(model._meta.get_field(field).column)
    pk = quote(model._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {pk} FROM {table} WHERE {column} = %s LIMIT 1", [value])
        row = cursor.fetchone()
    return row[0] if row else None


def by_name_or_alias(model, name, extra_fields=(), names: ArchiveNames | None = None):
    """The record whose name, or one of whose aliases (one per line), is ``name``.

    With ``names``, only the records it points to are asked for (none when it points to
    none); the database and the test below still decide, so the answer is the same.
    """
    name = name.strip()
    if names is not None:
        return names.lookup(model, name, extra_fields)
    return find_by_name_or_alias(model.objects.all(), model.objects.all(), name, extra_fields)


def find_by_name_or_alias(by_name, by_alias, name, extra_fields):
    """The first of ``by_name`` with that name (any case), else the first of ``by_alias``
    that lists it as an alias or native name; ``None`` skips a step."""
    if by_name is not None:
        found = by_name.filter(name__iexact=name).first()
        if found:
            return found
    if by_alias is None:
        return None
    lookup = Q()
    for f in ("aliases", *extra_fields):
        lookup |= Q(**{f"{f}__icontains": name})
    for candidate in by_alias.filter(lookup):
        listed = [a.lower() for a in split_lines(candidate.aliases)]
        listed += [getattr(candidate, f).lower() for f in extra_fields if getattr(candidate, f)]
        if name.lower() in listed:
            return candidate
    return None


def save(
    extraction: Extraction, *, dry_run: bool = False, names: ArchiveNames | None = None
) -> SaveReport:
    """Store ``extraction`` in one transaction; with dry_run, roll it back after counting.

    ``names`` (kept across a batch) saves scanning every speaker's aliases for each lookup.
    """
    report = SaveReport()
    found = first_id(Article, "checksum", extraction.checksum)
    existing = Article.objects.get(pk=found) if found is not None else None
    if existing:
        report.article = existing
        report.skipped = f"already in the archive as /articles/{existing.slug}/"
        return report
    check(extraction)
    mark = names.mark() if names is not None else 0
    try:
        with transaction.atomic():
            write(extraction, report, names)
            if dry_run:
                transaction.set_rollback(True)
    except BaseException:
        if names is not None:
            names.rollback(mark)
        raise
    if names is not None:
        if dry_run:
            names.rollback(mark)
        else:
            names.commit()
    return report


def check(extraction: Extraction):
    """Refuse an extraction that would store wrong offsets or dangling references."""
    body = extraction.body
    if not body.strip():
        raise IngestError("the document has no text once boilerplate is removed")
    names = {s.name for s in extraction.speakers}
    for q in extraction.quotes:
        if not (0 <= q.start < q.end <= len(body)) or body[q.start : q.end] != q.text:
            raise IngestError(f"quote offsets {q.start}-{q.end} do not match the body text")
        if q.speaker not in names:
            raise IngestError(f"quote attributed to unlisted speaker {q.speaker!r}")
        if q.round is not None and not 0 <= q.round < len(extraction.rounds):
            raise IngestError(f"quote refers to round #{q.round}, which was not extracted")


def write(extraction: Extraction, report: SaveReport, names: ArchiveNames | None = None):
    def created(record):
        report.new_records.append(record)
        if names is not None:
            names.add(record)
        return record

    outlet = None
    if extraction.outlet:
        outlet = by_name_or_alias(Outlet, extraction.outlet, names=names)
        if outlet:
            report.linked["outlet"] += 1
        else:
            outlet = Outlet.objects.create(
                name=extraction.outlet,
                slug=unique_slug(Outlet, extraction.outlet),
                country=extraction.outlet_country,
            )
            created(outlet)
            report.created["outlet"] += 1

    speakers = {}
    for s in extraction.speakers:
        speaker = by_name_or_alias(Speaker, s.name, extra_fields=("native_name",), names=names)
        if speaker:
            report.linked["speaker"] += 1
        else:
            speaker = Speaker.objects.create(
                name=s.name,
                slug=unique_slug(Speaker, s.name),
                kind=s.kind or Speaker.Kind.PERSON,
                country=s.country,
                title=s.title,
                native_name=s.native_name,
                aliases="\n".join(s.aliases),
                outlet=outlet if s.kind == Speaker.Kind.OUTLET else None,
            )
            created(speaker)
            report.created["speaker"] += 1
        speakers[s.name] = speaker

    rounds = [round_for(r, report, names, created) for r in extraction.rounds]

    themes = names.themes() if names is not None else {t.slug: t for t in Theme.objects.all()}
    title = extraction.title or first_words(extraction.body)
    date_part = extraction.published.isoformat() if extraction.published else ""
    article = Article.objects.create(
        title=title[:500],
        slug=unique_slug(Article, f"{date_part} {title}"),
        outlet=outlet,
        published_on=extraction.published,
        published_on_inferred=extraction.published_inferred,
        dateline=extraction.dateline[:200],
        url=extraction.url,
        body=extraction.body,
        raw_text=extraction.raw_text,
        checksum=extraction.checksum,
    )
    report.article = article
    report.created["article"] += 1
    # The article is new, so its links are all new too: insert them in one statement each.
    insert_links(
        Article.rounds.through,
        ("article", "dialogueround"),
        [(article.pk, r.pk) for r in {r for r in rounds if r}],
    )
    insert_links(
        Article.themes.through,
        ("article", "theme"),
        [
            (article.pk, t.pk)
            for t in dict.fromkeys(themes[slug] for slug in extraction.themes if slug in themes)
        ],
    )

    quotes = Quote.objects.bulk_create(
        Quote(
            article=article,
            speaker=speakers[q.speaker],
            speaker_role=q.speaker_role[:300],
            text=q.text,
            kind=q.kind,
            start=q.start,
            end=q.end,
            said_on=q.said_on,
            round=rounds[q.round] if q.round is not None else None,
        )
        for q in extraction.quotes
    )
    insert_links(
        Quote.themes.through,
        ("quote", "theme"),
        [
            (quote.pk, t.pk)
            for quote, q in zip(quotes, extraction.quotes, strict=True)
            for t in dict.fromkeys(themes[slug] for slug in q.themes if slug in themes)
        ],
    )
    report.created["quote"] += len(quotes)


def insert_links(through, fields, rows, batch=400):
    """Insert rows of a many-to-many table: what ``bulk_create`` sends, without building a
    model instance per row or asking for their ids back."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(through._meta.db_table)
    columns = ", ".join(quote(through._meta.get_field(f).column) for f in fields)
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    with connection.cursor() as cursor:
        for i in range(0, len(rows), batch):
            chunk = rows[i : i + batch]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([one] * len(chunk))}",
                [value for row in chunk for value in row],
            )


def round_for(extracted, report, names=None, created=lambda record: record):
    """The stored round an extracted one refers to, created unreviewed when new."""
    dialogue = by_name_or_alias(Dialogue, extracted.dialogue, names=names)
    if dialogue is None:
        dialogue = Dialogue.objects.create(
            name=extracted.dialogue,
            slug=unique_slug(Dialogue, extracted.dialogue),
            description="Created by the extractor; check its parties and description.",
        )
        created(dialogue)
        report.created["dialogue"] += 1
    if extracted.start is None:
        report.notes.append(f"a round of {dialogue.name} was mentioned without a date; not stored")
        return None
    existing = DialogueRound.objects.filter(
        Q(start_date=extracted.start)
        | Q(start_date__lte=extracted.start, end_date__gte=extracted.start),
        dialogue=dialogue,
    ).first()
    if existing:
        report.linked["round"] += 1
        return existing
    end = extracted.end if extracted.end and extracted.end >= extracted.start else None
    report.created["round"] += 1
    return created(
        DialogueRound.objects.create(
            dialogue=dialogue,
            ordinal=extracted.ordinal,
            location=extracted.location[:200],
            start_date=extracted.start,
            end_date=end,
            slug=unique_slug(DialogueRound, f"{dialogue.slug} {extracted.start.isoformat()}"),
            is_reviewed=False,
        )
    )


def first_words(text, n=12):
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")
