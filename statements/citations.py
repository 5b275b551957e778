"""Citations of quotes, articles and rounds: CSL-JSON, BibTeX, RIS, Chicago and APA text,
and the meta tags of their pages (Highwire ``citation_*`` for reference managers,
OpenGraph and Twitter cards for sharing).

Who the author is depends on what the record is (docs/api.md, "Citations"):

- a direct quote is the speaker's own words: the speaker is the author, *quoted in* the
  article;
- reported speech is the outlet's account (a readout): the outlet is the author, reporting
  the speaker's remarks;
- an editorial is the outlet's own voice: the outlet is the author, and nothing is "quoted
  in" it;
- an article is its outlet's; a round is a record of the archive.

Every citation gives the archive's permalink as its URL and the day it was accessed.
"""

import datetime as dt
import json
import re

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import Truncator

from statements.models import Article, DialogueRound, Quote, Speaker

ARCHIVE = "Statements Archive"
FORMATS = {
    "bibtex": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "csl-json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}


def outlet_name(article):
    return article.outlet.name if article.outlet else "Unknown outlet"


def voice(quote):
    """'editorial', 'transcript' (the speaker's words) or 'readout' (reported speech)."""
    speaker, outlet = quote.speaker, quote.article.outlet
    own_voice = speaker.kind == Speaker.Kind.OUTLET and (
        speaker.outlet_id is None or outlet is None or speaker.outlet_id == outlet.pk
    )
    if quote.kind == Quote.Kind.EDITORIAL or own_voice:
        return "editorial"
    if quote.kind == Quote.Kind.DIRECT:
        return "transcript"
    return "readout"


def date_parts(day):
    return {"date-parts": [[day.year, day.month, day.day]]} if day else None


def csl_item(record, permalink, accessed):
    """The record as one CSL-JSON item (the input of citeproc and reference managers)."""
    if isinstance(record, Quote):
        return quote_item(record, permalink, accessed)
    if isinstance(record, Article):
        item = {
            "id": f"article-{record.slug}",
            "type": "article-newspaper",
            "title": record.title,
            "author": [{"literal": outlet_name(record)}],
            "container-title": outlet_name(record),
            "issued": date_parts(record.published_on),
        }
        if record.dateline:
            item["publisher-place"] = record.dateline
        if record.url:
            item["source"] = record.url
    elif isinstance(record, DialogueRound):
        item = {
            "id": f"round-{record.slug}",
            "type": "event",
            "title": f"{record.dialogue.name}, {record.label}",
            "author": [{"literal": record.dialogue.name}],
            "event-place": record.location or None,
            "issued": date_parts(record.start_date),
            "genre": "Dialogue round",
        }
    else:
        raise TypeError(f"No citation for {type(record).__name__}")
    item.update(
        {"URL": permalink, "accessed": date_parts(accessed), "archive": ARCHIVE},
    )
    return {key: value for key, value in item.items() if value is not None}


def quote_item(quote, permalink, accessed):
    article = quote.article
    kind = voice(quote)
    item = {
        "id": f"quote-{quote.pk}",
        "type": "article-newspaper",
        "title": article.title,
        "container-title": outlet_name(article),
        "issued": date_parts(article.published_on),
        "URL": permalink,
        "accessed": date_parts(accessed),
        "archive": ARCHIVE,
        "note": quote.text,
    }
    if kind == "transcript":
        item["author"] = [{"literal": quote.speaker.name}]
        item["genre"] = "Quoted remarks"
    elif kind == "readout":
        item["author"] = [{"literal": outlet_name(article)}]
        item["genre"] = f"Report of remarks by {quote.speaker.name}"
    else:
        item["author"] = [{"literal": outlet_name(article)}]
        item["genre"] = "Editorial"
    if quote.said_on and quote.said_on != article.published_on:
        item["event-date"] = date_parts(quote.said_on)
    if article.url:
        item["source"] = article.url
    return {key: value for key, value in item.items() if value is not None}


def day_month_year(day):
    return f"{day.day} {day:%B %Y}" if day else "undated"


def apa_date(day):
    return f"{day.year}, {day:%B} {day.day}" if day else "n.d."


def chicago(record, permalink, accessed):
    """Chicago notes-bibliography style, as a note."""
    seen = f"{ARCHIVE}, {permalink} (accessed {day_month_year(accessed)})."
    if isinstance(record, Quote):
        article = record.article
        outlet, published = outlet_name(article), day_month_year(article.published_on)
        kind = voice(record)
        if kind == "transcript":
            return (
                f"{record.speaker.name}, quoted in “{article.title},” {outlet}, {published}. {seen}"
            )
        if kind == "readout":
            return (
                f"{outlet}, “{article.title},” {published}, reporting remarks by "
                f"{record.speaker.name}. {seen}"
            )
        return f"{outlet}, “{article.title},” editorial, {published}. {seen}"
    if isinstance(record, Article):
        published = day_month_year(record.published_on)
        return f"{outlet_name(record)}, “{record.title},” {published}. {seen}"
    return f"{record.dialogue.name}, {record.label}. {seen}"


def apa(record, permalink, accessed):
    """APA 7th edition, as a reference-list entry."""
    retrieved = (
        f"{ARCHIVE}. Retrieved {accessed:%B} {accessed.day}, {accessed.year}, from {permalink}"
    )
    if isinstance(record, Quote):
        article = record.article
        outlet, published = outlet_name(article), apa_date(article.published_on)
        kind = voice(record)
        if kind == "transcript":
            return (
                f"{record.speaker.name}. ({published}). [Remarks quoted in “{article.title}”]. "
                f"{outlet}. {retrieved}"
            )
        if kind == "readout":
            return (
                f"{outlet}. ({published}). {article.title} [Report of remarks by "
                f"{record.speaker.name}]. {retrieved}"
            )
        return f"{outlet}. ({published}). {article.title} [Editorial]. {retrieved}"
    if isinstance(record, Article):
        return (
            f"{outlet_name(record)}. ({apa_date(record.published_on)}). {record.title}. {retrieved}"
        )
    began = apa_date(record.start_date)
    return f"{record.dialogue.name}. ({began}). {record.label} [Dialogue round]. {retrieved}"


# Machine-readable formats -----------------------------------------------------------------

BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")


def bibtex_value(text):
    """A value inside braces: one line, TeX's special characters escaped."""
    text = " ".join(str(text).split())

    def escape(match):
        char = match.group(1)
        return {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}.get(char, "\\" + char)

    return BIBTEX_SPECIAL.sub(escape, text)


def iso(parts):
    if not parts:
        return None
    year, month, day = parts["date-parts"][0]
    return dt.date(year, month, day).isoformat()


def bibtex(item):
    entry_type = "misc" if item["type"] == "event" else "article"
    fields = [
        ("title", item["title"]),
        # Double braces: an institution or a Chinese name is one name, not "Last, First".
        ("author", "{" + bibtex_value(item["author"][0]["literal"]) + "}"),
        ("journal" if entry_type == "article" else "howpublished", item.get("container-title")),
        ("date", iso(item.get("issued"))),
        ("year", item["issued"]["date-parts"][0][0] if item.get("issued") else None),
        ("type", item.get("genre")),
        ("url", item["URL"]),
        ("urldate", iso(item["accessed"])),
        ("note", item.get("note")),
        ("addendum", f"Original: {item['source']}" if item.get("source") else None),
        ("organization", item.get("archive")),
    ]
    lines = [f"@{entry_type}{{{item['id']},"]
    for name, value in fields:
        if value in (None, ""):
            continue
        value = value if name == "author" else bibtex_value(value)
        lines.append(f"  {name} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def ris(item):
    types = {"article-newspaper": "NEWS", "event": "HEAR"}
    lines = [("TY", types.get(item["type"], "ELEC")), ("ID", item["id"])]
    lines.append(("TI", item["title"]))
    lines += [("AU", author["literal"]) for author in item["author"]]
    if item.get("container-title"):
        lines.append(("T2", item["container-title"]))
    if item.get("issued"):
        day = item["issued"]["date-parts"][0]
        lines.append(("PY", str(day[0])))
        lines.append(("DA", f"{day[0]:04d}/{day[1]:02d}/{day[2]:02d}"))
    if item.get("genre"):
        lines.append(("M3", item["genre"]))
    lines.append(("UR", item["URL"]))
    if item.get("source"):
        lines.append(("L2", item["source"]))
    lines.append(("Y2", iso(item["accessed"])))
    if item.get("note"):
        lines.append(("N1", item["note"]))
    lines.append(("DB", item["archive"]))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {' '.join(str(value).split())}\r\n" for tag, value in lines)


def render(fmt, item):
    if fmt == "bibtex":
        return bibtex(item)
    if fmt == "ris":
        return ris(item)
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


# Page meta tags ---------------------------------------------------------------------------


def page_meta(record, request):
    """(name or property, content) pairs for a record's <head>; the template escapes them."""
    permalink = request.build_absolute_uri(record.get_absolute_url())
    tags = []
    if isinstance(record, Quote | Article | DialogueRound):
        item = csl_item(record, permalink, dt.date.today())
        tags.append(("citation_title", item["title"]))
        tags += [("citation_author", author["literal"]) for author in item["author"]]
        if item.get("issued"):
            tags.append(("citation_date", iso(item["issued"]).replace("-", "/")))
            tags.append(("citation_publication_date", iso(item["issued"]).replace("-", "/")))
        if item.get("container-title"):
            tags.append(("citation_journal_title", item["container-title"]))
        tags.append(("citation_public_url", permalink))
        tags.append(("citation_abstract_html_url", permalink))
        tags.append(("citation_publisher", ARCHIVE))
    title, description, kind = share_text(record)
    tags += [
        ("og:type", kind),
        ("og:site_name", ARCHIVE),
        ("og:title", title),
        ("og:description", description),
        ("og:url", permalink),
        ("twitter:card", "summary"),
        ("twitter:title", title),
        ("twitter:description", description),
    ]
    return tags


def share_text(record):
    """Title, description and OpenGraph type of a shared link."""
    if isinstance(record, Quote):
        article = record.article
        when = f", {day_month_year(record.said_on)}" if record.said_on else ""
        title = f"{record.speaker.name}{when}"
        description = (
            f"“{Truncator(record.text).chars(200)}” — in “{article.title}”, "
            f"{outlet_name(article)}, {day_month_year(article.published_on)}"
        )
        return title, description, "article"
    if isinstance(record, Article):
        description = f"{outlet_name(record)}, {day_month_year(record.published_on)}"
        if record.dateline:
            description += f", {record.dateline}"
        return record.title, description, "article"
    if isinstance(record, DialogueRound):
        description = (
            Truncator(record.summary).chars(200) or f"A round of the {record.dialogue.name}."
        )
        return f"{record.dialogue.name}, {record.label}", description, "website"
    speaker = record
    description = ", ".join(part for part in (speaker.title, speaker.country) if part)
    description = (
        description + ". " if description else ""
    ) + "Every archived quote, with its source."
    return speaker.name, description, "profile"


# Downloads --------------------------------------------------------------------------------

RECORDS = {
    "quote": (Quote.objects.select_related("speaker", "article__outlet"), "pk"),
    "article": (Article.objects.select_related("outlet").defer("body", "raw_text"), "slug"),
    "round": (DialogueRound.objects.select_related("dialogue"), "slug"),
}


def download(request, record_type, key, fmt):
    """/quotes/<id>/cite/<format>/ and the same under /articles/<slug>/ and /rounds/<slug>/:
    the record's citation as a file (bibtex, ris or csl-json)."""
    queryset, field = RECORDS[record_type]
    record = get_object_or_404(queryset, **{field: key})
    permalink = request.build_absolute_uri(record.get_absolute_url())
    content_type, extension = FORMATS[fmt]
    response = HttpResponse(
        render(fmt, csl_item(record, permalink, dt.date.today())), content_type=content_type
    )
    name = f"{record_type}-{key}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def citation_context(record, request):
    """What the citation box of a record's page shows."""
    permalink = request.build_absolute_uri(record.get_absolute_url())
    today = dt.date.today()
    record_type = {Quote: "quote", Article: "article", DialogueRound: "round"}[type(record)]
    key = record.pk if record_type == "quote" else record.slug
    return {
        "record_type": record_type,
        "permalink": permalink,
        "accessed": today,
        "chicago": chicago(record, permalink, today),
        "apa": apa(record, permalink, today),
        "downloads": [
            (label, reverse("citation", args=[record_type, key, fmt]))
            for fmt, label in (("bibtex", "BibTeX"), ("ris", "RIS"), ("csl-json", "CSL-JSON"))
        ],
    }
