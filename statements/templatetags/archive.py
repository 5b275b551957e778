"""Template tags for list pages: links that narrow the current list by one more value, and
what a page repeats many times written in Python (a row's date, a form's options and
checkboxes, the timeline's bars, the facet values): the template engine spends a few
microseconds on every value it looks up, and these are a list page's most numerous."""

import datetime as dt
from html import escape
from urllib.parse import urlencode

from django import template
from django.forms.widgets import Input
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import floatformat, pluralize
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from statements.links import REPEATABLE, record_url

register = template.Library()


def escaped(value):
    """``conditional_escape(value)`` without its lazy-string wrapper (a few µs each), for
    the tags that write a page's repeated HTML in Python."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return escape(str(value))


@register.simple_tag(takes_context=True)
def narrow(context, key, value):
    """The current query string with one more filter: a repeatable parameter gains the
    value, any other is replaced by it. Back to page 1, since the list changes.

    The query's values are read once per rendering, as plain lists: copying the QueryDict
    for each link (a deep copy) was most of the 20 µs a link took, sixteen on a speaker's
    page. Written as ``QueryDict.urlencode`` writes it, parameters in their order."""
    params = context.render_context.get(_NARROW_BASE)
    if params is None:
        params = {k: v for k, v in context["request"].GET.lists() if k not in ("page", "after")}
        context.render_context[_NARROW_BASE] = params  # "after": a keyset page's position
    value = str(value)
    params = dict(params)
    if key in REPEATABLE:
        if value not in params.get(key, ()):
            params[key] = [*params.get(key, ()), value]
    else:
        params[key] = [value]
    return "?" + urlencode([(k, v) for k, values in params.items() for v in values])


_NARROW_BASE = "narrow:base"


@register.simple_tag
def route(name):
    """``{% url name %}`` of a page without arguments, its route resolved once per process
    (``links.record_url``): the header asks for six on every page, 15 µs each."""
    return record_url(name)


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


@register.filter
def options(bound_field):
    """A choice field's ``<option>``s, the current value selected; its choices read as
    ``choice_list`` reads them. Written here, not as a template loop: a list page's four
    selects (a hundred countries and more) took 3-4 ms through the template engine."""
    current = str(bound_field.value())
    return SafeString(
        "".join(
            f'\n  <option value="{_attr(value)}"{" selected" if str(value) == current else ""}>'
            f"{conditional_escape(label)}</option>"
            for value, label in choice_list(bound_field)
        )
    )


@register.filter
def checkboxes(bound_field):
    """A multiple choice field's checkboxes (each in a ``<div>`` with its ``<label>``), the
    current values checked; for the reason given in ``options``."""
    current = bound_field.value()
    name, auto_id = (
        conditional_escape(bound_field.html_name),
        conditional_escape(bound_field.auto_id),
    )
    items = []
    for i, (value, label) in enumerate(choice_list(bound_field)):
        try:
            checked = " checked" if str(value) in current else ""
        except TypeError:  # no value at all
            checked = ""
        items.append(
            f'<div>\n    <label for="{auto_id}_{i}"><input type="checkbox" name="{name}" '
            f'value="{_attr(value)}" id="{auto_id}_{i}"{checked}>\n {conditional_escape(label)}'
            "</label>\n</div>"
        )
    return SafeString("".join(items))


@register.filter
def label_tag(bound_field):
    """``{{ field.label_tag }}``, the field's ``<label>`` with the form's suffix, as Django
    writes it, without the two templates Django renders for it (about 180 µs a field). A
    field without an id, or a required one of a form with a ``required_css_class``: Django's."""
    field, form = bound_field.field, bound_field.form
    widget = field.widget
    id_ = widget.attrs.get("id") or bound_field.auto_id
    if not id_ or (field.required and hasattr(form, "required_css_class")):
        return bound_field.label_tag()
    label = bound_field.label
    contents = conditional_escape(label)
    suffix = field.label_suffix if field.label_suffix is not None else form.label_suffix
    if suffix and label and label[-1] not in gettext(":?.!"):
        contents = SafeString(contents + conditional_escape(suffix))
    for_id = widget.id_for_label(id_)
    attrs = f' for="{conditional_escape(for_id)}"' if for_id else ""
    return SafeString(f"<label{attrs}>{contents}</label>")


# Django's widget templates that are its input.html and nothing else.
PLAIN_INPUTS = {
    Input.template_name,
    *(
        f"django/forms/widgets/{kind}.html"
        for kind in ("text", "number", "date", "email", "url", "search", "tel", "time", "datetime")
    ),
}


@register.filter
def input_tag(bound_field):
    """``{{ field }}`` of a one-line ``<input>`` (text, number, date…), as Django's widget
    templates write it, without the three templates they render (about 250 µs a field). Any
    other widget, or one that builds its own context: Django's."""
    widget = bound_field.field.widget
    if (
        not isinstance(widget, Input)
        or widget.template_name not in PLAIN_INPUTS
        or type(widget).get_context is not Input.get_context
        or bound_field.field.show_hidden_initial
    ):
        return str(bound_field)
    if bound_field.field.localize:
        widget.is_localized = True
    attrs = bound_field.build_widget_attrs({}, widget)
    if bound_field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bound_field.auto_id)
    value = widget.format_value(bound_field.value())
    kind, name = conditional_escape(widget.input_type), conditional_escape(bound_field.html_name)
    out = [f'<input type="{kind}" name="{name}"']
    if value is not None:
        out.append(f' value="{conditional_escape(str(value))}"')
    for key, attr in widget.build_attrs(widget.attrs, attrs).items():
        if attr is True:
            out.append(f" {conditional_escape(key)}")
        elif attr is not False:
            out.append(f' {conditional_escape(key)}="{conditional_escape(str(attr))}"')
    return SafeString("".join(out) + ">")


def _attr(value):
    """A choice's value as ``{{ value }}`` writes it."""
    return conditional_escape(localize(value))


@register.simple_tag
def timeline_bars(timeline, estimated, noun):
    """The timeline's bars (includes/timeline.html), each a link with its count in words and
    in a tooltip. Written here for the reason given in ``options``: thirty-odd bars with a
    dozen values each took 3 ms through the template engine."""
    about = "about " if estimated else ""
    thing = "article" if noun else "quote"
    baseline = timeline["baseline"]
    out = []
    for bar in timeline["bars"]:
        if not bar.count:
            continue
        count, label = floatformat(bar.count, "0g"), conditional_escape(bar.label)
        plural = pluralize(bar.count)
        out.append(
            f'<a href="{conditional_escape(bar.url)}" aria-label="{label}: {about}{count} '
            f'{thing}{plural}"><rect class="timeline__bar" x="{bar.x}" y="{bar.y}" '
            f'width="{bar.width}" height="{bar.height}"><title>{label}: {about}{count}</title>'
            f'</rect><rect class="timeline__hit" x="{bar.x}" y="0" width="{bar.width}" '
            f'height="{baseline}"></rect></a>'
        )
    return SafeString("".join(out))


@register.simple_tag
def facet_items(items, estimated):
    """A facet group's values (includes/facets.html): the one in use marked, the others links
    that narrow the list, each with its count. Written here for the reason given in
    ``options`` (eighty values on a list page)."""
    about = "about " if estimated else ""
    out = []
    for item in items:
        label = conditional_escape(item["label"])
        if item["active"]:
            value = f'<span aria-current="true">{label}</span>'
        elif item["url"]:
            value = f'<a href="{conditional_escape(item["url"])}">{label}</a>'
        else:
            value = f"<span>{label}</span>"
        count = floatformat(item["count"], "0g")
        out.append(
            f'\n          <li>{value} <span class="count">{about}{count}</span></li>\n        '
        )
    return SafeString("".join(out))
