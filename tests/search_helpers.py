"""Shared by the search tests: news-style sentences of our own, stored as quotes of one article
(``search_corpus()``), and reading a search's result back as the sentences' keys."""

import datetime as dt

from statements.models import Article, DialogueRound, Quote, Speaker, Theme

# Our own news-style sentences, so the tests do not depend on what the extractor finds in
# the seed articles. Key: (speaker slug, kind, said_on, text).
SENTENCES = {
    "respect1": (
        "cui-tiankai",
        "indirect",
        "2011-04-27",
        "China is willing to hold dialogue with the United States on the basis of equality "
        "and mutual respect, Cui Tiankai said.",
    ),
    "respect2": (
        "michael-posner",
        "direct",
        "2011-04-28",
        "Mutual respect matters; without mutual respect there is no progress.",
    ),
    "respectful": (
        "chen-xu",
        "indirect",
        "2012-07-25",
        "The talks were candid and mutually respectful, the Chinese delegation said.",
    ),
    "reverse": (
        "michael-posner",
        "direct",
        "2012-07-24",
        "We respect the views of our Chinese counterparts, and we expect that respect to be "
        "mutual.",
    ),
    "cases": (
        "cui-tiankai",
        "direct",
        "2011-04-28",
        "China hopes the U.S. side will not focus on individual cases, which are matters of "
        "judicial sovereignty.",
    ),
    "sovereignty": (
        "chen-xu",
        "indirect",
        "2012-07-25",
        "Human rights issues should not be used to interfere in China's internal affairs or "
        "judicial sovereignty.",
    ),
    "respecting": (
        "global-times-editorial",
        "editorial",
        "2013-01-10",
        "Respecting each other's development path is the foundation of a stable relationship.",
    ),
    "trade": (
        "timothy-geithner",
        "direct",
        "2010-05-24",
        "Economic cooperation and trade between the two countries reached a record level "
        "last year.",
    ),
    "markup": (
        "michael-posner",
        "direct",
        "2012-07-24",
        "Officials said the <script>alert(1)</script> tag & other markup were removed from "
        "the transcript of the talks on mutual respect.",
    ),
}


def search_corpus():
    """An article of our own and SENTENCES as its quotes: {"article", "quotes": {key: quote}}."""
    article = Article.objects.create(
        title="Test article on mutual respect in human rights talks",
        slug="search-test-article",
        body="Body of the search test article.",
        raw_text="Body of the search test article.",
        checksum="search-test-" + "0" * 52,
        published_on=dt.date(2012, 7, 25),
    )
    speakers = {s.slug: s for s in Speaker.objects.all()}
    themes = list(Theme.objects.order_by("slug")[:2])
    a_round = DialogueRound.objects.select_related("dialogue").first()
    quotes = {}
    for i, (key, (slug, kind, said_on, text)) in enumerate(SENTENCES.items()):
        quote = Quote.objects.create(
            article=article,
            speaker=speakers[slug],
            kind=kind,
            said_on=dt.date.fromisoformat(said_on),
            text=text,
            start=i * 1000,
            end=i * 1000 + len(text),
            round=a_round if i % 3 == 0 else None,
        )
        quote.themes.set(themes[: i % 3])
        quotes[key] = quote
    return {"article": article, "quotes": quotes}


def mine(corpus):
    """The corpus's quotes, and none of the seeded archive's."""
    return Quote.objects.filter(article=corpus["article"])


def keys(corpus, queryset):
    """The SENTENCES keys of the quotes a queryset selects."""
    by_pk = {q.pk: key for key, q in corpus["quotes"].items()}
    return {by_pk[pk] for pk in queryset.values_list("pk", flat=True)}
