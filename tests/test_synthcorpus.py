"""The synthetic corpus: asked-for counts, exact offsets, the same corpus for the same seed,
search indexes kept current, and --clear removing synthetic records only."""

import pytest
from django.core.management import call_command
from django.db.models import Count

from statements import synth
from statements.models import Article, Dialogue, DialogueRound, Outlet, Quote, Speaker, Theme

N = 240


def synthetic_quotes():
    return Quote.objects.filter(article__url__startswith=synth.URL_PREFIX)


def snapshot():
    """Everything generated, without database ids (they depend on what was there before)."""
    return [
        (
            a.slug,
            a.title,
            a.outlet.name,
            a.published_on,
            a.body,
            a.checksum,
            sorted(t.slug for t in a.themes.all()),
            [
                (
                    q.speaker.name,
                    q.speaker_role,
                    q.kind,
                    q.start,
                    q.end,
                    q.said_on,
                    q.round.slug if q.round else None,
                    sorted(t.slug for t in q.themes.all()),
                )
                for q in sorted(a.quotes.all(), key=lambda q: q.start)
            ],
        )
        for a in Article.objects.filter(url__startswith=synth.URL_PREFIX)
        .select_related("outlet")
        .prefetch_related("themes", "quotes__speaker", "quotes__round", "quotes__themes")
        .order_by("slug")
    ]


def real_counts():
    return {
        "articles": Article.objects.exclude(url__startswith=synth.URL_PREFIX).count(),
        "quotes": Quote.objects.exclude(article__url__startswith=synth.URL_PREFIX).count(),
        "speakers": Speaker.objects.exclude(slug__startswith=synth.PREFIX).count(),
        "outlets": Outlet.objects.exclude(slug__startswith=synth.PREFIX).count(),
        "dialogues": Dialogue.objects.exclude(slug__startswith=synth.PREFIX).count(),
        "rounds": DialogueRound.objects.exclude(slug__startswith=synth.PREFIX).count(),
        "themes": Theme.objects.count(),
    }


@pytest.mark.django_db
def test_counts_offsets_and_relations():
    call_command("synthcorpus", quotes=N, seed=3, verbosity=0)
    quotes = synthetic_quotes().select_related("article")
    assert quotes.count() == N
    articles = Article.objects.filter(url__startswith=synth.URL_PREFIX)
    assert N / 15 <= articles.count() <= N / 6  # about ten quotes per article
    for q in quotes:
        assert q.article.body[q.start : q.end] == q.text
    # A realistic mix: every kind of speaker, themes from the reference vocabulary, rounds.
    kinds = set(Speaker.objects.filter(quotes__in=quotes).values_list("kind", flat=True))
    assert {"person", "delegation", "government"} <= kinds
    assert Speaker.objects.filter(slug__startswith=synth.PREFIX).count() >= 60
    assert quotes.filter(themes__isnull=False).exists()
    assert quotes.filter(round__isnull=False).exists()
    assert set(Quote.themes.through.objects.values_list("theme__slug", flat=True)) <= set(
        synth.reference_themes()
    )
    assert quotes.filter(text__icontains="human rights").count() > N / 20


@pytest.mark.django_db
def test_same_seed_same_corpus():
    call_command("synthcorpus", quotes=N, seed=5, verbosity=0)
    first = snapshot()
    call_command("synthcorpus", quotes=N, seed=5, clear=True, verbosity=0)
    assert snapshot() == first
    call_command("synthcorpus", quotes=N, seed=6, clear=True, verbosity=0)
    assert snapshot() != first


@pytest.mark.django_db
def test_running_again_adds_more():
    call_command("synthcorpus", quotes=N, seed=5, verbosity=0)
    call_command("synthcorpus", quotes=50, seed=5, verbosity=0)
    assert synthetic_quotes().count() == N + 50
    dupes = Article.objects.values("checksum").annotate(n=Count("id")).filter(n__gt=1)
    assert not dupes.exists()


@pytest.mark.django_db
def test_search_sees_the_bulk_load_and_later_writes():
    """SQLite's FTS5 triggers are lifted during the load: the index must be rebuilt and the
    triggers back afterwards. PostgreSQL computes its tsvector column on COPY."""
    call_command("synthcorpus", quotes=N, seed=8, verbosity=0)
    quote = synthetic_quotes().filter(text__contains="Dialogue").first() or synthetic_quotes()[0]
    word = max(quote.text.replace(".", " ").split(), key=len)
    assert quote in Quote.objects.search(word)
    later = Quote.objects.create(
        article=quote.article,
        speaker=quote.speaker,
        text="Zyxwvut remarks",
        kind="direct",
        start=0,
        end=5,
    )
    assert later in Quote.objects.search("zyxwvut")


@pytest.mark.django_db
def test_clear_removes_only_synthetic_data():
    before = real_counts()
    assert before["articles"] and before["quotes"]  # the seeded archive
    call_command("synthcorpus", quotes=N, seed=9, verbosity=0)
    # Real speakers with a generated name ("Chinese delegation") are linked, not duplicated.
    assert Speaker.objects.filter(name="Chinese delegation").count() == 1
    call_command("synthcorpus", clear=True, verbosity=0)
    assert real_counts() == before
    assert not synthetic_quotes().exists()
    assert not Article.objects.filter(url__startswith=synth.URL_PREFIX).exists()
    for model in (Speaker, Outlet, Dialogue, DialogueRound):
        assert not model.objects.filter(slug__startswith=synth.PREFIX).exists()


def test_statements_read_like_statements():
    archive = synth.SyntheticArchive(seed=1, n_quotes=2000)
    quotes = [q for a in archive.articles() for q in a.quotes]
    texts = [q.text for q in quotes]
    assert len(texts) == 2000
    assert all(t.endswith(".") for t in texts)
    # Reported speech continues "X said that ...", so only direct quotes start a sentence.
    assert all(q.text[0].isupper() for q in quotes if q.kind != "indirect")
    share = sum("mutual respect" in t for t in texts) / len(texts)
    assert 0.01 < share < 0.2
    # Zipf-like: a few words are everywhere, most words are rare.
    counts = {}
    for t in texts:
        for w in t.lower().split():
            counts[w] = counts.get(w, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    assert ranked[0] > 20 * ranked[len(ranked) // 2]


@pytest.mark.django_db
def test_reference_data_first_on_an_empty_archive():
    """On an archive without reference data, synthcorpus loads it first: generated speakers
    then link to "Chinese delegation" instead of taking the name, and seed still works."""
    Quote.objects.all().delete()
    Article.objects.all().delete()
    DialogueRound.objects.all().delete()
    Dialogue.objects.all().delete()
    Speaker.objects.all().delete()
    Outlet.objects.all().delete()
    call_command("synthcorpus", quotes=N, seed=2, verbosity=0)
    assert Speaker.objects.get(name="Chinese delegation").slug == "chinese-delegation"
    call_command("seed", verbosity=0)
    assert Speaker.objects.filter(slug="cui-tiankai").exists()
