"""Template tags for list pages: links that narrow the current list by one more value."""

from django import template

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
