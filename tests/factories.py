"""Records for tests that need more than the seeded archive: one place to make them."""

import hashlib
import itertools

from statements import counts
from statements.models import Article, Outlet, Quote, Speaker

_serial = itertools.count(1)

SENTENCE = "Delegate {n} said the talks on river data had made steady progress this week."


def outlet(**fields):
    n = next(_serial)
    return Outlet.objects.create(
        **{"name": f"Test Wire {n}", "slug": f"test-wire-{n}", "country": "Nowhere", **fields}
    )


def speaker(**fields):
    n = next(_serial)
    return Speaker.objects.create(**{"name": f"Envoy Number {n}", "slug": f"envoy-{n}", **fields})


def article(body=None, **fields):
    """An article written for the tests (news style), its raw text equal to its body."""
    n = next(_serial)
    body = body or SENTENCE.format(n=n)
    record = Article.objects.create(
        **{
            "title": f"Test article {n}",
            "slug": f"test-article-{n}",
            "body": body,
            "raw_text": body,
            "checksum": hashlib.sha256(f"{n}:{body}".encode()).hexdigest(),
            **fields,
        }
    )
    counts.added(articles=[record.pk])  # as every writer does
    return record


def article_with_quotes(count, themes=(), **fields):
    """An article of ``count`` sentences, each one a quote by the same speaker, tagged with
    ``themes``."""
    sentences = [SENTENCE.format(n=i) for i in range(count)]
    body = " ".join(sentences)
    record = article(body=body, **fields)
    who = speaker()
    quotes, start = [], 0
    for sentence in sentences:
        quotes.append(
            Quote(
                article=record,
                speaker=who,
                text=sentence,
                kind=Quote.Kind.INDIRECT,
                start=start,
                end=start + len(sentence),
            )
        )
        start += len(sentence) + 1
    Quote.objects.bulk_create(quotes)
    Quote.themes.through.objects.bulk_create(
        Quote.themes.through(quote=quote, theme=theme) for quote in quotes for theme in themes
    )
    counts.added(quotes=Quote.objects.filter(article=record))  # as every writer does
    return record
