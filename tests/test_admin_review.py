"""Review by confidence: the queue shows weak attributions first, filters by confidence band
and cue, and saved quotes keep their cue, confidence and relaying voice."""

import pytest

from statements.models import Quote, Speaker
from tests.admin_helpers import FROM_TEXT, admin_url, make_quote, seeded_cui_article


@pytest.fixture
def cui_article(db):
    return seeded_cui_article()


@pytest.fixture
def scored_quotes(cui_article):
    cui = Speaker.objects.get(name="Cui Tiankai")
    phrases = [
        ("We hope it (the United States) will not devote", 0.95, "said-after"),
        ("it is necessary and beneficial to devote some energy", 0.6, "continued"),
    ]
    return [
        make_quote(cui_article, cui, phrase, confidence=confidence, cue=cue)
        for phrase, confidence, cue in phrases
    ]


def test_the_review_queue_shows_weak_attributions_first(admin_client, scored_quotes):
    Quote.objects.exclude(pk__in=[q.pk for q in scored_quotes]).update(is_reviewed=True)
    response = admin_client.get(admin_url(Quote, "changelist") + "?is_reviewed__exact=0")
    listed = [q.pk for q in response.context["cl"].result_list]
    assert listed == [scored_quotes[1].pk, scored_quotes[0].pk]
    assert "0.60" in response.content.decode()


@pytest.mark.parametrize(
    "band, expected",
    [("weak", [1]), ("strong", [0]), ("fair", []), ("bogus", [0, 1])],
)
def test_quotes_filter_by_confidence_band(admin_client, scored_quotes, band, expected):
    response = admin_client.get(admin_url(Quote, "changelist") + f"?confidence={band}")
    assert response.status_code == 200
    listed = {q.pk for q in response.context["cl"].result_list}
    mine = {q.pk for q in scored_quotes}
    assert listed & mine == {scored_quotes[i].pk for i in expected}


def test_quotes_filter_by_cue(admin_client, scored_quotes):
    response = admin_client.get(admin_url(Quote, "changelist") + "?cue__exact=continued")
    assert [q.pk for q in response.context["cl"].result_list] == [scored_quotes[1].pk]


def test_saved_quotes_keep_cue_confidence_and_relaying_voice(admin_client, db):
    text = (
        "Ministers meet over rivers\n\nGENEVA, March 3 -- State broadcaster RTV reported that "
        "Water Minister Lena Varga had said the two countries would share flood data.\n\n"
        '"Rivers do not stop at borders," Varga told reporters after the talks.\n'
    )
    response = admin_client.post(FROM_TEXT, {"text": text, "published": "2021-03-04"})
    payload = response.context["confirm_form"]["payload"].value()
    admin_client.post(FROM_TEXT, {"payload": payload, "confirm": "1"})
    quotes = {q.cue: q for q in Quote.objects.filter(article__raw_text=text)}
    assert quotes["said-after"].confidence == pytest.approx(0.95)
    assert quotes["relayed"].relayed_by == "State broadcaster RTV"
    assert quotes["relayed"].speaker.name == "Lena Varga"
    assert 0 < quotes["relayed"].confidence < quotes["said-after"].confidence
