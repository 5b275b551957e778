"""Adding an article from pasted or uploaded text: the forms, the signed preview payload,
and the extraction computed afresh on preview and on confirm."""

import datetime as dt
import logging

from django import forms
from django.core import signing
from django.urls import reverse
from django.utils.html import format_html

from statements.ingest.budget import ExtractionRefused
from statements.ingest.pipeline import checksum, extract
from statements.ingest.store.known import gazetteer_from_db
from statements.ingest.store.writer import IngestError, check
from statements.ingest.text.documents import MAX_BYTES, DocumentError, decode
from statements.models import Article, Outlet
from statements.validation import stored_value_problems, validate_web_url

logger = logging.getLogger(__name__)


def preview_rows(extraction):
    """Each extracted quote with its round written out, for the preview table."""
    rounds = extraction.rounds
    rows = []
    for q in extraction.quotes:
        r = rounds[q.round] if q.round is not None and 0 <= q.round < len(rounds) else None
        label = ""
        if r:
            label = ", ".join(
                str(p) for p in (r.dialogue, r.ordinal and f"round {r.ordinal}", r.start) if p
            )
        rows.append({"quote": q, "round": label})
    return rows


PAYLOAD_SALT = "statements.admin.article-from-text"
PAYLOAD_MAX_AGE = 24 * 3600  # a preview left open overnight is still confirmable


def sign_payload(raw_text, meta):
    return signing.dumps({"raw": raw_text, **meta}, salt=PAYLOAD_SALT, compress=True)


def extraction_for(raw_text, meta):
    """The extraction of ``raw_text`` as of now: computed afresh on preview and on confirm."""
    published = meta.get("published")
    return extract(
        raw_text,
        gazetteer_from_db(),
        file=meta.get("file", ""),
        title=meta.get("title", ""),
        outlet=meta.get("outlet", ""),
        published=dt.date.fromisoformat(published) if published else None,
        url=meta.get("url", ""),
    )


class ExtractionFormMixin:
    """Checks shared by preview and confirm: not already stored, and storable."""

    def check_text(self, raw_text, meta):
        found = Article.objects.filter(checksum=checksum(raw_text)).first()
        if found:
            url = reverse("admin:statements_article_change", args=[found.pk])
            raise forms.ValidationError(
                format_html(
                    'This text is already in the archive as <a href="{}">{}</a>.', url, found
                )
            )
        try:
            self._extraction = extraction_for(raw_text, meta)
        except ExtractionRefused as e:
            raise forms.ValidationError(f"The text cannot be extracted: {e}.") from None
        except Exception:
            # An extractor bug on one odd text is a message for the archivist, not a 500.
            logger.exception("the extractor failed on a text added in the admin")
            raise forms.ValidationError(
                "The extractor could not process this text; the error has been logged."
            ) from None
        try:
            check(self._extraction)
        except IngestError as e:
            raise forms.ValidationError(f"The extraction cannot be stored: {e}.") from None
        # A source link in the text's front matter gets the same rule as the URL field.
        if self._extraction.url and stored_value_problems(Article(url=self._extraction.url)):
            raise forms.ValidationError(
                f"The text's front matter gives a source address that is not http(s): "
                f"{self._extraction.url[:80]!r}."
            )

    def extraction(self):
        return self._extraction


class ArticleFromTextForm(ExtractionFormMixin, forms.Form):
    text = forms.CharField(
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 100}),
        help_text="Paste the article as published, or upload a file below.",
    )
    file = forms.FileField(required=False, help_text="A UTF-8 .txt file.")
    title = forms.CharField(required=False, max_length=500, help_text="Leave empty to extract.")
    outlet = forms.ModelChoiceField(
        queryset=Outlet.objects.all(), required=False, help_text="Leave empty to extract."
    )
    published = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave empty to extract.",
    )
    url = forms.URLField(
        required=False, max_length=1000, assume_scheme="https", validators=[validate_web_url]
    )

    def clean(self):
        data = super().clean()
        text, upload = data.get("text") or "", data.get("file")
        if upload and text.strip():
            raise forms.ValidationError("Paste text or upload a file, not both.")
        if upload:
            if upload.size > MAX_BYTES:
                raise forms.ValidationError(
                    f"The file is too large ({upload.size:,} bytes; the limit is {MAX_BYTES:,})."
                )
            try:
                self.raw_text = decode(upload.read())
            except DocumentError as e:
                raise forms.ValidationError(f"The file cannot be read: {e}.") from None
            self.file_name = upload.name
        else:
            if not text.strip():
                raise forms.ValidationError("Paste the article's text or upload a .txt file.")
            if len(text.encode("utf-8")) > MAX_BYTES:
                raise forms.ValidationError(
                    f"The text is too long (the limit is {MAX_BYTES:,} bytes)."
                )
            # Browsers send a textarea with CRLF line ends; store what a .txt file would hold,
            # so pasting a file's content gives the same checksum as ingesting the file.
            self.raw_text = text.replace("\r\n", "\n")
            self.file_name = ""
        if not self.errors:
            self.check_text(self.raw_text, self.meta())
        return data

    def meta(self):
        data = self.cleaned_data
        published = data.get("published")
        return {
            "file": getattr(self, "file_name", ""),
            "title": (data.get("title") or "").strip(),
            "outlet": data["outlet"].name if data.get("outlet") else "",
            "published": published.isoformat() if published else None,
            "url": data.get("url") or "",
        }


class ConfirmArticleForm(ExtractionFormMixin, forms.Form):
    payload = forms.CharField(widget=forms.HiddenInput)

    def clean_payload(self):
        try:
            data = signing.loads(
                self.cleaned_data["payload"], salt=PAYLOAD_SALT, max_age=PAYLOAD_MAX_AGE
            )
        except signing.BadSignature:
            raise forms.ValidationError(
                "The preview expired or was altered; paste the text again."
            ) from None
        raw = data.pop("raw")
        # Recompute: the archive may have changed since the preview (new speakers, rounds).
        self.check_text(raw, data)
        return data
