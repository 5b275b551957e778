"""The admin's actions: marking reviewed, reassigning quotes to a speaker, merging speakers
(every quote, round and name kept), marking rounds reviewed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import DialogueRound, Quote, Speaker
from tests.admin_helpers import admin_url, cui_quotes, make_quote, seeded_cui_article


@pytest.fixture
def cui_article(db):
    return seeded_cui_article()


@pytest.fixture
def quotes(cui_article):
    return cui_quotes(cui_article)


def run_action(client, model, action, objs, follow=False, **extra):
    data = {"action": action, "_selected_action": [o.pk for o in objs], **extra}
    return client.post(admin_url(model, "changelist"), data, follow=follow)


def test_mark_reviewed_and_unreviewed_in_one_update(admin_client, quotes):
    assert not any(q.is_reviewed for q in quotes)
    with CaptureQueriesContext(connection) as ctx:
        response = run_action(admin_client, Quote, "mark_reviewed", quotes)
    assert response.status_code == 302
    updates = [q for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith("UPDATE")]
    assert len(updates) == 1
    assert all(
        Quote.objects.filter(pk__in=[q.pk for q in quotes]).values_list("is_reviewed", flat=True)
    )

    run_action(admin_client, Quote, "mark_unreviewed", quotes[:1])
    assert not Quote.objects.get(pk=quotes[0].pk).is_reviewed
    assert Quote.objects.get(pk=quotes[1].pk).is_reviewed


def test_reassign_asks_for_a_speaker_then_moves_the_quotes(admin_client, quotes):
    response = run_action(admin_client, Quote, "reassign_speaker", quotes)
    assert response.status_code == 200
    assert "New speaker" in response.content.decode()
    assert {q.speaker.name for q in Quote.objects.filter(pk__in=[q.pk for q in quotes])} == {
        "Cui Tiankai"
    }

    delegation = Speaker.objects.get(name="Chinese delegation")
    response = run_action(
        admin_client, Quote, "reassign_speaker", quotes, apply="1", speaker=delegation.pk
    )
    assert response.status_code == 302
    assert set(
        Quote.objects.filter(pk__in=[q.pk for q in quotes]).values_list("speaker", flat=True)
    ) == {delegation.pk}


def test_reassign_without_a_speaker_is_a_form_error(admin_client, quotes):
    response = run_action(admin_client, Quote, "reassign_speaker", quotes, apply="1")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Quote.objects.filter(speaker__name="Cui Tiankai").count() >= 2


@pytest.fixture
def duplicates(cui_article):
    """Two records of the same person, as an extractor might make them, each with quotes."""
    round_ = DialogueRound.objects.get(slug="china-us-human-rights-dialogue-2012-07-23")
    a = Speaker.objects.create(name="Lena Varga", slug="lena-varga", aliases="L. Varga")
    b = Speaker.objects.create(
        name="Varga Lena", slug="varga-lena", native_name="Varga Léna", country="Hungary"
    )
    round_.co_chairs.add(b)
    make_quote(cui_article, a, "China and the United States held")
    make_quote(cui_article, b, "The two-day meeting will be co-chaired")
    make_quote(cui_article, b, "The human rights dialogues were held")
    return a, b, round_


def test_merge_asks_which_speaker_to_keep(admin_client, duplicates):
    a, b, _ = duplicates
    response = run_action(admin_client, Speaker, "merge", [a, b])
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="keep"' in html and "Lena Varga" in html and "Varga Lena" in html
    assert Speaker.objects.filter(pk__in=[a.pk, b.pk]).count() == 2


def test_merge_keeps_every_quote_round_and_name(admin_client, duplicates):
    a, b, round_ = duplicates
    total_quotes = Quote.objects.count()
    total_speakers = Speaker.objects.count()
    response = run_action(admin_client, Speaker, "merge", [a, b], apply="1", keep=a.pk)
    assert response.status_code == 302

    a.refresh_from_db()
    assert not Speaker.objects.filter(pk=b.pk).exists()
    assert Speaker.objects.count() == total_speakers - 1
    assert Quote.objects.count() == total_quotes
    assert a.quotes.count() == 3
    assert a in round_.co_chairs.all()
    assert {"L. Varga", "Varga Lena", "Varga Léna"} <= set(a.alias_list)
    assert a.country == "Hungary"  # filled from the merged record, since a had none


def test_merge_needs_two_speakers(admin_client, duplicates):
    a, _, _ = duplicates
    response = run_action(admin_client, Speaker, "merge", [a], follow=True)
    assert Speaker.objects.filter(pk=a.pk).exists()
    assert response.status_code == 200
    assert "Select at least two speakers" in response.content.decode()


def test_mark_rounds_reviewed(admin_client, db):
    rounds = list(DialogueRound.objects.all())
    DialogueRound.objects.update(is_reviewed=False)
    run_action(admin_client, DialogueRound, "mark_reviewed", rounds)
    assert DialogueRound.objects.filter(is_reviewed=False).count() == 0
