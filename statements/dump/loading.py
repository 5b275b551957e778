"""Reading a dump back: the lines checked as they come (header, counts, checksum), the
records written in batches with their ids, in one transaction."""

import hashlib
import json
from contextlib import contextmanager

from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils.dateparse import parse_date, parse_datetime

from archive.pagecache import content_changed
from statements import counts
from statements.dump.writing import CHUNK, FORMAT, SECTIONS, VERSION, DumpError
from statements.models import (
    Article,
    Carrier,
    CopyKey,
    Dialogue,
    DialogueRound,
    Outlet,
    Quote,
    Speaker,
    Theme,
)


def read_dump(lines):
    """The records of a dump as (type, data) pairs, read as they come. The header is checked
    first; the counts and the checksum when the end line arrives: a reader stops with a
    DumpError there (load_dump's transaction then undoes everything)."""
    digest = hashlib.sha256()
    counted, trailer = {}, None
    number = 0
    for number, raw in enumerate(lines, 1):
        if trailer is not None:
            raise DumpError(f"line {number}: text after the end of the dump")
        try:
            obj = json.loads(raw)
        except ValueError as error:
            raise DumpError(f"line {number}: not JSON ({error})") from None
        if number == 1:
            if not isinstance(obj, dict) or obj.get("format") != FORMAT:
                raise DumpError("line 1: not a Statements Archive dump")
            if obj.get("version") != VERSION:
                raise DumpError(f"dump version {obj.get('version')}; this archive reads {VERSION}")
        elif isinstance(obj, dict) and obj.get("type") == "end":
            trailer = obj
            continue
        elif not isinstance(obj, dict) or obj.get("type") not in RECORD_TYPES:
            raise DumpError(f"line {number}: not a record")
        else:
            counted[obj["type"]] = counted.get(obj["type"], 0) + 1
            yield obj["type"], obj["data"]
        digest.update(raw.encode() if isinstance(raw, str) else raw)
    if number == 0:
        raise DumpError("the file is empty")
    if trailer is None:
        raise DumpError("the dump has no end line: the file was cut short")
    if trailer.get("sha256") != digest.hexdigest():
        raise DumpError("the checksum does not match: the file was changed or damaged")
    if {k: v for k, v in trailer.get("counts", {}).items() if v} != counted:
        raise DumpError("the record counts do not match the end line")


RECORD_TYPES = {record_type for record_type, _, _ in SECTIONS}
MODELS = [Outlet, Theme, Dialogue, Speaker, DialogueRound, Article, Carrier, CopyKey, Quote]
# The records whose rows arrive with the ids they had.
WITH_IDS = [model for model in MODELS if model is not CopyKey]


def lines_joined(items):
    return "\n".join(items)


class Loader:
    """Writes checked records into an empty archive, in batches, keeping their ids."""

    def __init__(self):
        self.ids = {record_type: {} for record_type in RECORD_TYPES}
        self.pending = {}
        self.links = []

    def key(self, record_type, ref):
        if ref is None:
            return None
        try:
            return self.ids[record_type][ref["slug"]]
        except KeyError:
            raise DumpError(
                f"a {record_type} {ref['slug']!r} is referred to but not dumped"
            ) from None

    def build(self, record_type, data):
        if record_type == "outlet":
            return Outlet(
                pk=data["id"],
                slug=data["slug"],
                name=data["name"],
                country=data["country"],
                url=data["source_url"],
                aliases=lines_joined(data["aliases"]),
            )
        if record_type == "theme":
            return Theme(
                pk=data["id"],
                slug=data["slug"],
                name=data["name"],
                description=data["description"],
                keywords=lines_joined(data["keywords"]),
            )
        if record_type == "dialogue":
            return Dialogue(
                pk=data["id"],
                slug=data["slug"],
                name=data["name"],
                parties=", ".join(data["parties"]),
                established=data["established"],
                description=data["description"],
                aliases=lines_joined(data["aliases"]),
            )
        if record_type == "speaker":
            return Speaker(
                pk=data["id"],
                slug=data["slug"],
                name=data["name"],
                kind=data["kind"],
                country=data["country"],
                title=data["title"],
                native_name=data["native_name"],
                aliases=lines_joined(data["aliases"]),
                outlet_id=self.key("outlet", data["outlet"]),
                keeps_initials=data.get("keeps_initials", False),
            )
        if record_type == "round":
            for chair in data["co_chairs"]:
                self.links.append(
                    DialogueRound.co_chairs.through(
                        dialogueround_id=data["id"], speaker_id=self.key("speaker", chair)
                    )
                )
            return DialogueRound(
                pk=data["id"],
                slug=data["slug"],
                dialogue_id=self.key("dialogue", data["dialogue"]),
                ordinal=data["ordinal"],
                location=data["location"],
                start_date=parse_date(data["start_date"]),
                end_date=data["end_date"] and parse_date(data["end_date"]),
                summary=data["summary"],
                is_reviewed=data["reviewed"],
            )
        if record_type == "article":
            for round_ in data["rounds"]:
                self.links.append(
                    Article.rounds.through(
                        article_id=data["id"], dialogueround_id=self.key("round", round_)
                    )
                )
            for theme in data["themes"]:
                self.links.append(
                    Article.themes.through(article_id=data["id"], theme_id=self.key("theme", theme))
                )
            # Carriers and copy keys are absent from dumps made before they were kept.
            for carrier in data.get("carriers", []):
                self.links.append(self.carrier(data["id"], carrier))
            for key in data.get("copy_keys", []):
                self.links.append(CopyKey(article_id=data["id"], key=key))
            return Article(
                pk=data["id"],
                slug=data["slug"],
                title=data["title"],
                outlet_id=self.key("outlet", data["outlet"]),
                published_on=data["published_on"] and parse_date(data["published_on"]),
                published_on_inferred=data["published_on_inferred"],
                dateline=data["dateline"],
                url=data["source_url"],
                body=data["body"],
                raw_text=data["raw_text"],
                checksum=data["checksum"],
                created_at=parse_datetime(data["created_at"]),
                provenance=data.get("provenance"),  # absent from dumps made before 0009
            )
        for theme in data["themes"]:
            self.links.append(
                Quote.themes.through(quote_id=data["id"], theme_id=self.key("theme", theme))
            )
        return Quote(
            pk=data["id"],
            article_id=self.key("article", data["article"]),
            speaker_id=self.key("speaker", data["speaker"]),
            speaker_role=data["speaker_role"],
            text=data["text"],
            kind=data["kind"],
            start=data["start"],
            end=data["end"],
            said_on=data["said_on"] and parse_date(data["said_on"]),
            round_id=self.key("round", data["round"]),
            is_reviewed=data["reviewed"],
            relayed_by=data.get("relayed_by", ""),
            provenance=data.get("provenance"),
            cue=data.get("cue", ""),  # absent from dumps made before they were kept
            confidence=data.get("confidence"),
        )

    def carrier(self, article_id, data):
        return Carrier(
            pk=data["id"],
            article_id=article_id,
            outlet_id=self.key("outlet", data["outlet"]),
            title=data["title"],
            published_on=data["published_on"] and parse_date(data["published_on"]),
            url=data["source_url"],
            raw_text=data["raw_text"],
            checksum=data["checksum"],
            similarity=data["similarity"],
            created_at=parse_datetime(data["created_at"]),
        )

    def load(self, records):
        counts = {}
        batch, batch_type = [], None
        for record_type, data in records:
            if record_type != batch_type:
                self.flush(batch)
                batch, batch_type = [], record_type
            try:
                obj = self.build(record_type, data)
            except (KeyError, TypeError, ValueError) as error:
                raise DumpError(f"a {record_type} record cannot be read: {error!r}") from None
            if record_type != "quote":
                self.ids[record_type][obj.slug] = obj.pk
            batch.append(obj)
            counts[record_type] = counts.get(record_type, 0) + 1
            if len(batch) >= CHUNK:
                self.flush(batch)
                batch = []
        self.flush(batch)
        return counts

    def flush(self, batch):
        """Write a batch of one type, then its many-to-many links (both ends now exist)."""
        for objects in (batch, self.links):
            by_model = {}
            for obj in objects:
                by_model.setdefault(type(obj), []).append(obj)
            for model, rows in by_model.items():
                with dated_as_dumped(model):
                    model.objects.bulk_create(rows, batch_size=500)
            objects.clear()


@contextmanager
def dated_as_dumped(model):
    """Keep the dumped ``created_at``: auto_now_add would date every row to the load."""
    fields = [f for f in model._meta.concrete_fields if getattr(f, "auto_now_add", False)]
    for field in fields:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field in fields:
            field.auto_now_add = True


def load_dump(lines):
    """Load a dump into an empty archive, all or nothing (one transaction: a bad line, or a
    checksum that does not match at the end, undoes every row); the counts per type."""
    with transaction.atomic():
        for model in MODELS:
            if model.objects.exists():
                raise DumpError(f"the archive is not empty ({model._meta.verbose_name_plural})")
        loaded = Loader().load(read_dump(lines))
        reset_sequences()
        counts.recount()  # the dump holds no counts; its rows were written in bulk
        content_changed()  # bulk_create sends no signals
    return loaded


def reset_sequences():
    # Rows came with their ids: the next record made here must not reuse one (PostgreSQL
    # keeps a sequence per table; SQLite takes the largest id + 1 by itself). Only tables
    # that received rows with ids: links and copy keys take new ones, and an empty table's
    # sequence set back to 1 is not undone if the load's transaction is (sequences are not
    # transactional), so it would hand out ids that the restored rows hold.
    models = [model for model in WITH_IDS if model.objects.exists()]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
