"""bench.agreement, the check that a search page's first page is the top of ranking every
match: it reads the page's own order, and it tells a different order apart."""

import pytest
from django.core.management import call_command
from django.db import connection

from bench.agreement import every_match, page_keys

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("synthcorpus", quotes=1500, seed=11, verbosity=0)
        yield
        call_command("synthcorpus", clear=True, verbosity=0)


@pytest.mark.parametrize("search", ["rights", "respect&country=China", "human rights"])
def test_a_ranked_page_agrees_with_ranking_every_match(client, corpus, search):
    shown, query = page_keys(client, search)
    ranked, matches = every_match(connection, query, len(shown))
    assert len(shown) == 25 and matches > 25
    assert shown == ranked


def test_another_order_is_told_apart(client, corpus):
    shown, query = page_keys(client, "rights&sort=newest")
    ranked, _ = every_match(connection, query, len(shown))
    assert len(shown) == len(ranked) == 25 and shown != ranked


def test_a_filter_the_statement_cannot_apply_is_refused(client, corpus):
    shown, query = page_keys(client, "rights&kind=indirect")
    with pytest.raises(SystemExit, match="kind"):
        every_match(connection, query, len(shown))
