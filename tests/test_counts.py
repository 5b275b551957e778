"""Stored counts (statements/counts.py): after every kind of write the speakers' and themes'
counts equal a fresh count, the pages and the API show them, and ``manage.py recount`` finds
and fixes a count gone wrong."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from statements import counts, synth
from statements.dump import MODELS, dump_lines, load_dump
from statements.ingest.pipeline import extract
from statements.ingest.store.known import gazetteer_from_db
from statements.ingest.store.writer import save
from statements.models import (
    Article,
    DialogueRound,
    Quote,
    Speaker,
    SpeakerTheme,
    Tally,
    Theme,
)
from tests import factories

pytestmark = pytest.mark.django_db

# Written for these tests: two quoted officials, words that carry three themes.
TALKS = (
    "Envoys agree to resume human rights talks\n\n"
    "OSLO, May 4 -- Two envoys agreed on Thursday to hold a new round of human rights talks "
    "in the autumn, after a year without meetings.\n\n"
    '"Dialogue on an equal basis is the only way forward, and detained lawyers must be '
    'heard," Deputy Foreign Minister Ragnhild Solberg told reporters.\n\n'
    "Ambassador Tomas Lindqvist said that cooperation on the rule of law had resumed.\n"
)


def assert_fresh():
    """Every stored count equals a fresh count, and the API (the same serializer as the pages'
    lists) shows the stored number."""
    assert not counts.recount(apply=False)


def shown(client, kind, slug):
    return client.get(f"/api/{kind}/{slug}/").json()


def ingest(text=TALKS):
    return save(extract(text, gazetteer_from_db(), published=None))


def admin_url(model, view, *args):
    return reverse(f"admin:statements_{model._meta.model_name}_{view}", args=args)


def action(client, model, name, objs, **extra):
    data = {"action": name, "_selected_action": [o.pk for o in objs], **extra}
    return client.post(admin_url(model, "changelist"), data)


def seeded_quote():
    """A seeded quote with a theme, by a speaker with other quotes."""
    return Quote.objects.filter(themes__isnull=False, speaker__slug="cui-tiankai").first()


# --- Each kind of write ----------------------------------------------------------------------


def write_ingest(client):
    report = ingest()
    assert report.created["quote"] >= 2 and not report.skipped


def write_reingest(client):
    ingest()
    before = dict(Speaker.objects.values_list("slug", "quote_count"))
    assert ingest().skipped
    assert dict(Speaker.objects.values_list("slug", "quote_count")) == before


def write_quote_edit(client):
    """An archivist gives a quote to another speaker and another theme."""
    quote = seeded_quote()
    other = Speaker.objects.get(slug="chinese-delegation")
    theme = Theme.objects.exclude(quotes=quote).first()
    data = {
        "article": quote.article_id,
        "speaker": other.pk,
        "speaker_role": quote.speaker_role,
        "kind": quote.kind,
        "start": quote.start,
        "end": quote.end,
        "themes": [theme.pk],
    }
    response = client.post(admin_url(Quote, "change", quote.pk), data)
    assert response.status_code == 302
    assert Quote.objects.get(pk=quote.pk).speaker == other


def write_quote_add(client):
    article = Article.objects.get(title__startswith="China hopes U.S. will not focus")
    phrase = "China and the United States held"
    start = article.body.index(phrase)
    data = {
        "article": article.pk,
        "speaker": Speaker.objects.get(slug="cui-tiankai").pk,
        "kind": "direct",
        "start": start,
        "end": start + len(phrase),
        "themes": [Theme.objects.get(slug="cooperation").pk],
    }
    assert client.post(admin_url(Quote, "add"), data).status_code == 302


def write_quote_delete(client):
    quote = seeded_quote()
    response = client.post(admin_url(Quote, "delete", quote.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Quote.objects.filter(pk=quote.pk).exists()


def write_quotes_delete_action(client):
    chosen = list(Quote.objects.filter(themes__isnull=False).distinct()[:5])
    assert action(client, Quote, "delete_selected", chosen, post="yes").status_code == 302
    assert not Quote.objects.filter(pk__in=[q.pk for q in chosen]).exists()


def write_article_delete(client):
    article = Article.objects.filter(quotes__themes__isnull=False).distinct().first()
    response = client.post(admin_url(Article, "delete", article.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Quote.objects.filter(article=article.pk).exists()


def write_articles_delete_action(client):
    chosen = list(Article.objects.filter(themes__isnull=False).distinct()[:3])
    assert action(client, Article, "delete_selected", chosen, post="yes").status_code == 302


def write_article_themes(client):
    article = Article.objects.filter(themes__isnull=False).first()
    response = client.get(admin_url(Article, "change", article.pk))
    form = response.context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data["themes"] = [Theme.objects.exclude(articles=article).first().pk]
    data["rounds"] = list(article.rounds.values_list("pk", flat=True))
    response = client.post(admin_url(Article, "change", article.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors


def write_reassign(client):
    chosen = list(Quote.objects.filter(speaker__slug="cui-tiankai"))
    other = Speaker.objects.get(slug="chinese-delegation")
    response = action(client, Quote, "reassign_speaker", chosen, apply="1", speaker=other.pk)
    assert response.status_code == 302


def write_merge(client):
    keep, other = Speaker.objects.filter(quote_count__gt=0).order_by("-quote_count")[:2]
    response = action(client, Speaker, "merge", [keep, other], apply="1", keep=keep.pk)
    assert response.status_code == 302
    assert not Speaker.objects.filter(pk=other.pk).exists()


def write_review(client):
    chosen = list(Quote.objects.all()[:5])
    assert action(client, Quote, "mark_reviewed", chosen).status_code == 302


def write_loadarchive(client):
    dump = list(dump_lines())
    for model in reversed(MODELS):
        model.objects.all().delete()
    assert not SpeakerTheme.objects.exists()
    load_dump(dump)


def write_synthcorpus(client):
    synth.load(120, seed=3)
    assert Speaker.objects.filter(slug__startswith=synth.PREFIX, quote_count__gt=0).exists()


def write_synthcorpus_clear(client):
    synth.load(120, seed=3)
    synth.clear()


def write_factory(client):
    factories.article_with_quotes(3)


WRITES = [
    write_ingest,
    write_reingest,
    write_quote_edit,
    write_quote_add,
    write_quote_delete,
    write_quotes_delete_action,
    write_article_delete,
    write_articles_delete_action,
    write_article_themes,
    write_reassign,
    write_merge,
    write_review,
    write_loadarchive,
    write_synthcorpus,
    write_synthcorpus_clear,
    write_factory,
]


@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.__name__.removeprefix("write_"))
def test_counts_equal_a_fresh_count_after_each_kind_of_write(admin_client, write):
    assert_fresh()
    write(admin_client)
    assert_fresh()
    for speaker in Speaker.objects.filter(quotes__isnull=False).distinct()[:5]:
        assert shown(admin_client, "speakers", speaker.slug)["quote_count"] == (
            speaker.quotes.count()
        )
    for theme in Theme.objects.all():
        data = shown(admin_client, "themes", theme.slug)
        assert (data["quote_count"], data["article_count"]) == (
            theme.quotes.count(),
            theme.articles.count(),
        )


# A quote's round ("seeded": one of the seeded rounds, "new": one made for the test), date,
# kind and role as worded: what the tallies count a quote in.
QUOTE_FACETS = [
    {},
    {"round": "seeded", "said_on": dt.date(2011, 4, 27), "speaker_role": "Ambassador"},
    {"round": "new", "kind": Quote.Kind.INDIRECT, "speaker_role": "Deputy Foreign Minister"},
    {"said_on": dt.date(999, 1, 2), "kind": Quote.Kind.EDITORIAL, "speaker_role": "l'envoyé"},
]


@pytest.mark.parametrize(
    "quoted, article_themes, article_fields",
    [
        # (speaker, its quote's themes) per quote; the seeded speaker already has pairs
        ([("seeded", ["human-rights"]), ("seeded", ["human-rights", "cooperation"])], [], {}),
        ([("new", []), ("new", [])], ["cooperation"], {"outlet": True}),
        (
            [("new", ["cooperation"]), ("seeded", ["cooperation"]), ("new", ["human-rights"])],
            ["cooperation"],
            {"outlet": True, "published_on": dt.date(2019, 12, 31), "rounds": True},
        ),
        ([], ["human-rights", "cooperation"], {"published_on": dt.date(2020, 1, 1)}),
        (
            [("seeded", []), ("new", []), ("seeded", ["cooperation"]), ("new", [])],
            [],
            {"rounds": True},
        ),
    ],
)
def test_counts_added_from_the_rows_a_writer_inserted_equal_a_fresh_count(
    quoted, article_themes, article_fields
):
    """``added_new``: what the ingest writer calls with the rows it has just inserted; the
    tallies too (rounds, outlets, months, kinds, roles) equal a fresh count."""
    who = {"seeded": Speaker.objects.get(slug="cui-tiankai"), "new": factories.speaker()}
    themes = {t.slug: t for t in Theme.objects.filter(slug__in=["human-rights", "cooperation"])}
    seeded_round = DialogueRound.objects.order_by("pk").first()
    rounds = {
        "seeded": seeded_round,
        "new": DialogueRound.objects.create(
            dialogue=seeded_round.dialogue, start_date=dt.date(2030, 5, 1), slug="test-round"
        ),
    }
    record = factories.article(
        body="Talks resumed. " * 4,
        outlet=factories.outlet() if article_fields.get("outlet") else None,
        published_on=article_fields.get("published_on"),
    )
    counts.removed(articles=[record.pk])  # the factory counted it; the writer counts once
    linked = list(rounds.values()) if article_fields.get("rounds") else []
    record.rounds.set(linked)
    quotes = Quote.objects.bulk_create(
        Quote(
            article=record,
            speaker=who[s],
            text="Talks resumed.",
            start=15 * i,
            end=15 * i + 14,
            **{
                **{k: v for k, v in QUOTE_FACETS[i % len(QUOTE_FACETS)].items() if k != "round"},
                "round": rounds.get(QUOTE_FACETS[i % len(QUOTE_FACETS)].get("round")),
            },
        )
        for i, (s, _) in enumerate(quoted)
    )
    for quote, (_, slugs) in zip(quotes, quoted, strict=True):
        quote.themes.set([themes[slug] for slug in slugs])
    record.themes.set([themes[slug] for slug in article_themes])
    before = Theme.objects.get(slug="cooperation").quote_count
    counts.added_new(
        record,
        quotes=[
            (quote, [themes[slug].pk for slug in slugs])
            for quote, (_, slugs) in zip(quotes, quoted, strict=True)
        ],
        article_themes=[themes[slug].pk for slug in article_themes],
        dialogues=[r.dialogue_id for r in linked],
    )
    assert_fresh()
    cooperation = sum(slugs.count("cooperation") for _, slugs in quoted)
    assert Theme.objects.get(slug="cooperation").quote_count == before + cooperation
    # The tallies were added to, not only counted afresh: the article's month is there.
    month = article_fields.get("published_on")
    key = f"{month:%Y-%m}" if month else ""
    assert Tally.objects.filter(scope=0, facet="article-month", key=key).exists()


def test_an_ingested_article_shows_in_its_speakers_and_themes_counts(client):
    before = Theme.objects.get(slug="human-rights")
    ingest()
    solberg = Speaker.objects.get(name__contains="Solberg")
    assert solberg.quote_count == solberg.quotes.count() >= 1
    html = client.get("/speakers/?q=Solberg").content.decode()
    assert f"{solberg.quote_count} quote" in html
    after = Theme.objects.get(slug="human-rights")
    assert after.article_count == before.article_count + 1
    assert f"{after.quote_count} quote" in client.get("/themes/").content.decode()
    spoken = {t.slug: t.n for t in Theme.objects.spoken_of_by(solberg)}
    fresh = Theme.objects.counted_in(solberg.quotes.all())
    assert spoken == {t.slug: t.n for t in fresh} and spoken


def test_a_speakers_page_lists_its_themes_from_the_stored_counts(client):
    cui = Speaker.objects.get(slug="cui-tiankai")
    response = client.get(cui.get_absolute_url())
    listed = {t.slug: t.n for t in response.context["theme_counts"]}
    assert listed == {t.slug: t.n for t in Theme.objects.counted_in(cui.quotes.all())}
    assert listed
    # The theme choices of its filter are the themes it spoke of.
    choices = response.context["filter"].form.fields["theme"].queryset
    assert set(choices.values_list("slug", flat=True)) == set(listed)


def test_saving_a_speaker_read_before_an_ingest_keeps_the_new_count(client):
    """An archivist's form holds the speaker as it was read; saving it must not write back
    the count from before quotes were added meanwhile."""
    ingest()
    solberg = Speaker.objects.get(name__contains="Solberg")
    stale = Speaker.objects.get(pk=solberg.pk)
    ingest(TALKS.replace("the autumn", "the spring").replace("a year", "two years"))
    stale.title = "Deputy Foreign Minister"
    stale.save()
    assert Speaker.objects.get(pk=solberg.pk).quote_count == solberg.quotes.count()
    assert_fresh()


def corrupt_speaker():
    Speaker.objects.filter(slug="cui-tiankai").update(quote_count=999)


def corrupt_theme_quotes():
    Theme.objects.filter(slug="human-rights").update(quote_count=0)


def corrupt_theme_articles():
    Theme.objects.filter(slug="human-rights").update(article_count=42)


def corrupt_pair_missing():
    SpeakerTheme.objects.filter(speaker__slug="cui-tiankai").first().delete()


def corrupt_pair_extra():
    theme = Theme.objects.exclude(speaker_counts__speaker__slug="cui-tiankai").first()
    SpeakerTheme.objects.create(
        speaker=Speaker.objects.get(slug="cui-tiankai"), theme=theme, quote_count=3
    )


@pytest.mark.parametrize(
    "corrupt",
    [
        corrupt_speaker,
        corrupt_theme_quotes,
        corrupt_theme_articles,
        corrupt_pair_missing,
        corrupt_pair_extra,
    ],
    ids=lambda c: c.__name__.removeprefix("corrupt_"),
)
def test_recount_finds_and_fixes_a_wrong_count(capsys, corrupt):
    corrupt()
    with pytest.raises(CommandError, match="differ"):
        call_command("recount", "--check")
    assert " → " in capsys.readouterr().out  # it says which count and both numbers
    assert counts.recount(apply=False)  # --check changed nothing
    call_command("recount")
    assert "corrected" in capsys.readouterr().out
    assert_fresh()
    call_command("recount", "--check")  # exits 0 now


def test_recount_of_a_correct_archive_changes_nothing(capsys):
    call_command("recount")
    out = capsys.readouterr().out
    assert "0 speakers' quote counts corrected" in out
    assert "0 speaker-theme counts corrected" in out
