"""Provenance of the facts the archive adds: how it is read, queried, shown and changed.

``Article.provenance`` and ``Quote.provenance`` hold one small dict per fact (the extractor's
``ingest/provenance.py`` writes them; see data-model.md): ``{"kind": …, "detail": …, "rule":
…, "span": [start, end], "by": …, "at": …}``. ``None`` means the record was stored before
the archive kept provenance: unknown, and shown as such.
"""

from django.db import models
from django.db.models.fields.json import KT
from django.utils import timezone

KINDS = {
    "stated": "stated",
    "inferred": "inferred",
    "archivist": "set by an archivist",
    "manifest": "from the manifest",
    "front_matter": "from the file's header",
    "reference": "from the archive's records",
}
FACT_LABELS = {
    "title": "title",
    "outlet": "outlet",
    "published_on": "date",
    "speaker": "speaker",
    "speaker_role": "role",
    "said_on": "date",
    "round": "round",
}
QUOTE_FACTS = ("said_on", "speaker", "speaker_role", "round")
ARTICLE_FACTS = ("title", "outlet", "published_on")


def provenance_field():
    # Nullable, no default: a plain ADD COLUMN on SQLite, no rebuild of the table (see 0009)
    return models.JSONField(
        null=True,
        blank=True,
        editable=False,
        help_text="Where each fact came from: {fact: {kind, detail, rule, span, by, at}}; "
        "empty when stored before provenance was kept.",
    )


class ProvenanceQuerySet(models.QuerySet):
    """QuerySet mixin: filter and order records by where a fact came from."""

    def with_source(self, fact, kind):
        """Records whose ``fact`` came from ``kind`` (``with_source("said_on", "inferred")``);
        a JSON key lookup, the same on SQLite and PostgreSQL."""
        return self.filter(**{f"provenance__{fact}__kind": kind})

    def source_counts(self, facts):
        """``{fact: {kind: n}}``: how many records have each kind of source for each fact
        (``None``: not recorded; a record without the fact, say a quote with no round, counts
        there too). One grouped query per fact."""
        out = {}
        for fact in facts:
            rows = (
                self.order_by()
                .annotate(source=KT(f"provenance__{fact}__kind"))
                .values("source")
                .annotate(n=models.Count("pk"))
            )
            out[fact] = {row["source"]: row["n"] for row in rows}
        return out

    def inferred_first(self, fact, *then):
        """Records whose ``fact`` was inferred first, then the given ordering."""
        inferred = models.Case(
            models.When(**{f"provenance__{fact}__kind": "inferred"}, then=0),
            default=1,
            output_field=models.IntegerField(),
        )
        return self.alias(inferred_rank=inferred).order_by("inferred_rank", *then)


class ProvenanceMixin:
    """Model mixin: ``provenance_facts`` for pages and exports, ``mark_archivist`` for edits."""

    PROVENANCE_FACTS = ()

    def source_of(self, fact):
        """The provenance dict of one fact, or {}."""
        return (self.provenance or {}).get(fact) or {}

    @property
    def provenance_facts(self):
        """One entry per fact the record has, in the order of ``PROVENANCE_FACTS``: its label,
        kind, the kind in words and the detail; a fact with no value says so."""
        recorded = self.provenance or {}
        out = []
        for fact in self.PROVENANCE_FACTS:
            entry = recorded.get(fact)
            has_value = getattr(self, fact + "_id", None) or getattr(self, fact, None)
            if entry is None and not has_value:
                if self.provenance is not None and fact == "said_on":
                    entry = {"kind": "unknown", "detail": "The text does not say when."}
                else:
                    continue
            if entry is None:
                old = self.provenance is None
                entry = {"detail": "Stored before provenance was kept." if old else "Not recorded."}
            kind = entry.get("kind", "unknown")
            out.append(
                {
                    "fact": fact,
                    "label": FACT_LABELS[fact],
                    "kind": kind,
                    "kind_label": KINDS.get(kind, "not known" if kind == "unknown" else kind),
                    "detail": entry.get("detail", ""),
                    "rule": entry.get("rule", ""),
                    "by": entry.get("by", ""),
                    "at": entry.get("at", ""),
                }
            )
        return out

    def mark_archivist(self, facts, user, when=None):
        """Each of ``facts`` (field names) now comes from ``user``, at ``when`` (now)."""
        facts = [f for f in facts if f in self.PROVENANCE_FACTS]
        if not facts:
            return
        when = when or timezone.now()
        name = user.get_username() if user is not None else ""
        provenance = dict(self.provenance or {})
        for fact in facts:
            provenance[fact] = {
                "kind": "archivist",
                "by": name,
                "at": when.isoformat(timespec="seconds"),
                "detail": f"Set by {name or 'an archivist'} on {when:%d %B %Y}.",
            }
        self.provenance = provenance


def provenance_kinds():
    """(value, label) choices of the kinds, for filters."""
    return list(KINDS.items())
