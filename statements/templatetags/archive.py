"""Template tags for list pages: links that narrow the current list by one more value; a
row's date, written fast."""

import datetime as dt

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.dates import MONTHS, MONTHS_3

from statements.links import REPEATABLE

register = template.Library()


@register.simple_tag(takes_context=True)
def narrow(context, key, value):
    """The current query string with one more filter: a repeatable parameter gains the
    value, any other is replaced by it. Back to page 1, since the list changes."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    params.pop("after", None)  # a keyset page's position (pagination.py)
    value = str(value)
    if key in REPEATABLE:
        if value not in params.getlist(key):
            params.appendlist(key, value)
    else:
        params[key] = value
    return "?" + params.urlencode()


@register.filter
def choice_list(bound_field):
    """A form field's choices as a list, in one query for a model choice field: the
    ``for`` tag, and ``list()`` itself, would ask its length first (a COUNT query)."""
    return list(iter(bound_field.field.choices))


@register.filter
def day(value, arg="j F Y"):
    """``|date:"j F Y"`` or ``|date:"j M Y"`` of a date ("6 February 2009", "6 Feb 2009"),
    as Django's filter writes it, month names translated the same way, without its general
    formatter: that took 30 µs a date, the most of any one thing in a quote's row. Anything
    else (a datetime, None, another format) is Django's ``date``."""
    if type(value) is not dt.date or arg not in ("j F Y", "j M Y"):
        return date_filter(value, arg)
    month = MONTHS[value.month] if arg == "j F Y" else str(MONTHS_3[value.month]).title()
    return f"{value.day} {month} {value.year:04d}"
