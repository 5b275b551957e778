"""Finding stored records by name, alias or native name (as ``iexact``/``icontains`` would),
and unique slugs; ``ArchiveNames`` is a batch's in-memory index of them."""

from __future__ import annotations

from collections import defaultdict

from django.db import connection
from django.db.models import Q
from django.utils.text import slugify

from statements.models import (
    Dialogue,
    Outlet,
    Speaker,
    Theme,
    split_lines,
)


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


def slug_base(model, text, max_length=200):
    return slugify(text)[: max_length - 10].strip("-") or model._meta.model_name


def unique_slug(model, text, max_length=200):
    base = slug_base(model, text, max_length)
    slug, n = base, 2
    while first_id(model, "slug", slug) is not None:
        slug, n = f"{base}-{n}", n + 1
    return slug


class Slugs:
    """Which slugs are taken, for one transaction under the ingest lock: asked for all of an
    article's would-be records in one statement (``ask``), then answered from memory, each
    insert noting the slug it took; ``free`` gives what ``unique_slug`` gives."""

    TRIES = 6  # a base and its next five numbered forms, asked at once

    def __init__(self):
        self.taken = {}  # (model, slug) → whether a record has it

    def ask(self, wanted):
        """Look up the slugs that records named ``(model, text)`` could take."""
        by_model = defaultdict(dict)
        for model, text in wanted:
            base = slug_base(model, text)
            for n in range(1, self.TRIES + 1):
                slug = base if n == 1 else f"{base}-{n}"
                if (model, slug) not in self.taken:
                    by_model[model][slug] = None
        if not by_model:
            return
        quote = connection.ops.quote_name
        parts, params = [], []
        for i, (model, slugs) in enumerate(by_model.items()):
            column = quote(model._meta.get_field("slug").column)
            marks = ", ".join(["%s"] * len(slugs))
            parts.append(
                f"SELECT {i}, {column} FROM {quote(model._meta.db_table)} "
                f"WHERE {column} IN ({marks})"
            )
            params.extend(slugs)
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            rows = cursor.fetchall()
        models = list(by_model)
        for model, slugs in by_model.items():
            self.taken.update(((model, slug), False) for slug in slugs)
        self.taken.update(((models[i], slug), True) for i, slug in rows)

    def is_taken(self, model, slug):
        if (model, slug) not in self.taken:
            self.taken[(model, slug)] = first_id(model, "slug", slug) is not None
        return self.taken[(model, slug)]

    def free(self, model, text):
        base = slug_base(model, text)
        slug, n = base, 2
        while self.is_taken(model, slug):
            slug, n = f"{base}-{n}", n + 1
        return slug

    def took(self, model, slug):
        self.taken[(model, slug)] = True


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
