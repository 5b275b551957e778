"""Shared by the admin tests: the admin's addresses, a news text of our own to add, and quotes
placed at their phrase in an article's body."""

from django.urls import reverse

from statements.models import Article, Quote, Speaker

FROM_TEXT = reverse("admin:statements_article_from_text")

NEWS = """Ministers pledge closer river cooperation

GENEVA, March 3 -- The water ministers of two neighbouring countries agreed on Tuesday to share
flood data every day during the rainy season.
"Rivers do not stop at borders, and neither should our warnings," Water Minister Lena Varga told
reporters after the talks.
"""


def admin_url(model, view, *args):
    return reverse(f"admin:statements_{model._meta.model_name}_{view}", args=args)


def seeded_cui_article():
    """The seeded article in which Cui Tiankai speaks."""
    return Article.objects.get(title__startswith="China hopes U.S. will not focus")


def make_quote(article, speaker, phrase, **kwargs):
    start = article.body.index(phrase)
    return Quote.objects.create(
        article=article,
        speaker=speaker,
        text=phrase,
        kind=kwargs.pop("kind", Quote.Kind.DIRECT),
        start=start,
        end=start + len(phrase),
        **kwargs,
    )


def cui_quotes(article):
    """Two quotes of Cui Tiankai in his seeded article."""
    cui = Speaker.objects.get(name="Cui Tiankai")
    return [
        make_quote(article, cui, "We hope it (the United States) will not devote"),
        make_quote(article, cui, "it is necessary and beneficial to devote some energy"),
    ]
