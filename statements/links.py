"""Links of a list page: the filters in use (each with the address of the list without
it) and facet values (each the address of the list narrowed by it)."""

import re
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import QuerySet
from django.urls import get_script_prefix, get_urlconf, reverse

# Parameters that may be given more than once; the others take one value.
REPEATABLE = {"speaker", "theme"}
# Parameters that narrow a list; "sort", "page", "after" and "format" only change how it is
# shown.
FILTER_LABELS = {
    "q": "Search",
    "speaker": "Speaker",
    "country": "Country",
    "theme": "Theme",
    "dialogue": "Dialogue",
    "round": "Round",
    "kind": "Kind",
    "outlet": "Outlet",
    "year": "Year",
    "location": "Location",
    "date_after": "From",
    "date_before": "Until",
    "who": "Speaker",
}
FACETS = [
    ("speaker", "Speaker"),
    ("country", "Country"),
    ("theme", "Theme"),
    ("dialogue", "Dialogue"),
    ("round", "Round"),
    ("outlet", "Outlet"),
    ("year", "Year"),
    ("kind", "Kind"),
]


# A record's key as every page's route takes it (a slug, or a number).
_KEY = re.compile(r"[-a-zA-Z0-9_]+")
_PLACEHOLDER = "7070707070707"
_routes = {}


def record_url(name, key=None):
    """``reverse(name, args=[key])`` (or ``reverse(name)``) for a record's page, resolved
    once per URL name, URLconf and script prefix, then the key put in: a list page asks for
    a hundred addresses and more (a round's page six hundred), and ``reverse()`` took 11-14
    µs each. A key a slug route would refuse goes through ``reverse()`` and its error."""
    if key is None:
        return _route_parts(name, keyed=False)[0]
    return _keyed_url(name, _route_parts(name, keyed=True), key)


def record_urls(name):
    """A function of a record's key giving ``record_url(name, key)``, the URLconf and script
    prefix read once: reading them (thread- and task-local values) was a third of the
    cost of each address, and a page's rows ask for a hundred and more."""
    parts = _route_parts(name, keyed=True)
    return lambda key: _keyed_url(name, parts, key)


def _route_parts(name, keyed):
    route = (name, keyed, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    parts = _routes.get(route)
    if parts is None:
        args = [_PLACEHOLDER] if keyed else None
        parts = _routes[route] = reverse(name, args=args).split(_PLACEHOLDER)
    return parts


def _keyed_url(name, parts, key):
    key = str(key)
    if not _KEY.fullmatch(key):
        return reverse(name, args=[key])
    return key.join(parts)


def list_url(request, params):
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path


def first_page_url(request):
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("after", None)  # a keyset page's position (pagination.py)
    return list_url(request, params)


def url_without(request, key, value):
    """This list's address without one value of one parameter (and back on page 1)."""
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("after", None)  # a keyset page's position (pagination.py)
    params.setlist(key, [v for v in params.getlist(key) if v != value])
    return list_url(request, params)


def without_empty_values(request):
    """This address without its empty values (a submitted form sends every field)."""
    params = request.GET.copy()
    for key in list(params):
        kept = [value for value in params.getlist(key) if value != ""]
        if kept:
            params.setlist(key, kept)
        else:
            del params[key]
    return list_url(request, params)


def url_with(request, key, value):
    """This list's address with one parameter set (and back on page 1)."""
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("after", None)  # a keyset page's position (pagination.py)
    params[key] = value
    return list_url(request, params)


def active_filters(request, filterset):
    """The filters in use, each with a human label and the address of the list without it.
    Only a valid form has any: an invalid one shows its errors instead."""
    if not filterset.is_bound or not filterset.is_valid():
        return []
    cleaned = filterset.form.cleaned_data
    shown = []
    understood = getattr(filterset, "understood", None)
    if understood:
        shown.append(
            {
                "label": "Speaker",
                "value": understood.speaker.name,
                "remove_url": url_with(request, "plain", "1"),
            }
        )
    for key, values in request.GET.lists():
        if key not in FILTER_LABELS:
            continue
        field = "date" if key.startswith("date_") else key
        if field not in filterset.form.fields:
            continue
        for value in values:
            remove_url = url_without(request, key, value)
            if key == "q" and understood:
                # The words left once the name is read: without them, the speaker's quotes.
                value = understood.rest
                params = request.GET.copy()
                params.pop("page", None)
                params.pop("after", None)  # a keyset page's position (pagination.py)
                params.pop("q", None)
                params["speaker"] = understood.speaker.slug
                remove_url = list_url(request, params)
            if not value.strip():
                continue
            shown.append(
                {
                    "label": FILTER_LABELS[key],
                    "value": filter_display(filterset.form, field, cleaned.get(field), value),
                    "remove_url": remove_url,
                }
            )
    return shown


def filter_display(form, field, cleaned, raw):
    """How a filter's value reads: a name for a slug, a label for a choice."""
    if isinstance(cleaned, list | QuerySet):
        # Several slugs: the objects were fetched once, when the form was cleaned.
        return next((str(obj) for obj in cleaned if obj.slug == raw), raw)
    if hasattr(cleaned, "slug"):
        return str(cleaned)
    if field == "kind":
        return dict(form.fields[field].choices).get(raw, raw)
    return raw


class ListLinks:
    """Addresses of one list with some parameters changed, back on page 1: its query
    string's pairs are encoded once, and each address changes only what it changes
    (copying the QueryDict for each of a page's eighty facet links and thirty timeline bars
    was most of their time). ``path`` and ``base``: another list's address and parameters
    (a round's page links to /quotes/)."""

    def __init__(self, request, path=None, base=None):
        self.source = base if base is not None else request.GET
        self.pairs = {key: _encoded(key, values) for key, values in self.source.lists()}
        self.pairs.pop("page", None)
        self.pairs.pop("after", None)  # a keyset page's position (pagination.py)
        self.path = path or request.path

    def changed(self, changes):
        """The address with each key of ``changes`` set to its list of values: in its place
        if the key is there already, last if not (as setting it on a QueryDict does)."""
        merged = {**self.pairs, **{key: _encoded(key, values) for key, values in changes.items()}}
        query = "&".join(pair for encoded in merged.values() for pair in encoded)
        return f"{self.path}?{query}" if query else self.path


def facet_groups(request, facets, path=None, base=None):
    """facets() output as groups of links that narrow the current list (or, given ``path``
    and ``base`` parameters, the list at that address: a round's page links to /quotes/)."""
    links = ListLinks(request, path, base)
    source = links.source
    groups = []
    for key, title in FACETS:
        items = []
        for value, label, count in facets.get(key) or []:
            value = str(value)
            if key == "year" and value == "undated":
                # No date filter selects the undated: counted, not a link.
                items.append({"label": label, "count": count, "url": None, "active": False})
                continue
            if key == "year":
                after, before = f"{value}-01-01", f"{value}-12-31"
                active = (source.get("date_after"), source.get("date_before")) == (after, before)
                changes = {"date_after": [after], "date_before": [before]}
            elif key in REPEATABLE:
                chosen = source.getlist(key)
                active = value in chosen
                changes = {} if active else {key: [*chosen, value]}
            else:
                active = source.get(key) == value
                changes = {key: [value]}
            items.append(
                {"label": label, "count": count, "url": links.changed(changes), "active": active}
            )
        if items:
            groups.append({"title": title, "items": items})
    return groups


def _encoded(key, values):
    """``key=value`` for each value, as ``QueryDict.urlencode()`` writes them."""
    return [urlencode({key: value}) for value in values]
