"""What every stored value must satisfy, whichever path writes it.

PostgreSQL refuses a NUL character in any text and a value longer than its column; SQLite
stores both, so an archive built on SQLite could not move to PostgreSQL. ``StoredValues``
makes every model's ``save()`` refuse them on both engines, before anything is written, with
the same exception class PostgreSQL's refusal arrives as (``django.db.DataError``): the
ingest batch and the admin already report those per file and per form. Stored addresses must
be http(s) (a ``javascript:`` link would run when clicked): ``WebURLField`` validates forms
and ``full_clean``, ``save()`` checks it again, and migration 0005 adds the database's own
CHECK constraints and, on SQLite, triggers for bulk inserts, raw SQL and ``loaddata``.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import DataError, models

NUL = "\x00"
WEB_SCHEMES = ["http", "https"]


class WebURLValidator(URLValidator):
    """An absolute http or https address and nothing else: no javascript:, data:, ftp:."""

    message = "Enter a full http:// or https:// address."

    def __init__(self, **kwargs):
        super().__init__(schemes=WEB_SCHEMES, **kwargs)


validate_web_url = WebURLValidator()


class WebURLField(models.URLField):
    """A source link: http(s) only (the one rule for every stored URL)."""

    default_validators = [validate_web_url]


def web_url_condition(field):
    """The CHECK constraint's condition: empty, or starting http:// or https://."""
    return (
        models.Q(**{field: ""})
        | models.Q(**{f"{field}__istartswith": "http://"})
        | models.Q(**{f"{field}__istartswith": "https://"})
    )


class UnstorableValue(DataError):
    """A value the archive's rules refuse (NUL, over-length, not an http(s) address)."""


def stored_value_problems(instance):
    """``{field name: message}`` for each text or URL value ``instance`` may not store."""
    problems = {}
    for field in instance._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        value = getattr(instance, field.attname)
        if not isinstance(value, str):
            continue
        if NUL in value:
            problems[field.name] = "contains a NUL character, which no text may hold"
        elif field.max_length is not None and len(value) > field.max_length:
            problems[field.name] = (
                f"is {len(value):,} characters long; at most {field.max_length:,} are stored"
            )
        elif isinstance(field, WebURLField) and value:
            try:
                validate_web_url(value)
            except ValidationError:
                problems[field.name] = f"must be an http(s) address, not {value[:80]!r}"
    return problems


class StoredValues:
    """Model mixin: ``save()`` refuses what PostgreSQL would refuse, on every engine, and
    ``clean_fields()`` reports NUL characters as field errors (length and URL checks are
    the fields' own validators there)."""

    def save(self, *args, **kwargs):
        problems = stored_value_problems(self)
        if problems:
            label = self._meta.verbose_name
            raise UnstorableValue(
                "; ".join(f"the {label}'s {name} {message}" for name, message in problems.items())
            )
        return super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as e:
            errors = e.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            value = getattr(self, field.attname)
            if isinstance(value, str) and NUL in value and field.name not in errors:
                if exclude and field.name in exclude:
                    continue
                errors[field.name] = [ValidationError("Null characters are not allowed.")]
        if errors:
            raise ValidationError(errors)
