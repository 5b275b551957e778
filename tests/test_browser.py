"""The pages in a real Chromium: the main journeys, axe-core, a phone-width screen, and
screenshots of the main pages (docs/screenshots/).

The live server needs committed data, so these tests use transactional_db and build the
sample archive inside each test; pytest-django empties the tables after each, so the seeded
archive is loaded again when this module is done, for any test that runs later.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from statements.models import Quote
from tests.conftest import IN_CI
from tests.screenshots import PAGES, SCREENSHOTS, build_sample_archive, take_screenshots

# Playwright's sync API runs an event loop in this thread; Django's live server is real I/O.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module", autouse=True)
def seeded_archive_afterwards(django_db_blocker):
    yield
    with django_db_blocker.unblock():
        call_command("seed", verbosity=0)


@pytest.fixture
def archive(live_server):
    return build_sample_archive()


@pytest.fixture(scope="session")
def axe_script():
    if AXE.exists():
        return AXE.read_text(encoding="utf-8")
    if shutil.which("npm"):
        reason = (
            "axe-core is not installed: run `npm install --no-audit --no-fund` (make test does)"
        )
    else:
        reason = "axe-core needs npm, which is not on this machine"
    if IN_CI:
        pytest.fail(reason)
    pytest.skip(reason)


def main_pages(archive):
    quote = Quote.objects.filter(speaker=archive.speakers.li).order_by("start").last()
    return [(name, path or quote.get_absolute_url()) for name, path in PAGES]


def test_open_a_round_and_reach_a_quotes_source(page, live_server, archive):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="2nd round, Brussels, 2–3 December 2014").first.click()
    assert page.locator("h1").inner_text() == "2nd round, Brussels, 2–3 December 2014"
    # Both sides' readouts are on the page, each under its side's name.
    sides = page.locator(".compare__side-name").all_text_contents()
    assert "China" in sides and "European Union" in sides

    quote = page.locator(".compare__side", has_text="China").locator("article.quote").first
    quote.get_by_role("link", name=re.compile("In context")).click()
    assert page.locator("mark#quote").count() == 1
    page.get_by_role(
        "link", name="Chinese delegation urges respect for judicial sovereignty"
    ).first.click()
    assert page.locator("h1").inner_text() == (
        "Chinese delegation urges respect for judicial sovereignty"
    )
    assert page.locator(".article-text mark").count() == 2


def test_filter_one_speakers_quotes_by_theme_and_date(page, live_server, archive):
    page.goto(live_server.url + "/speakers/")
    page.get_by_role("link", name="Anna Weber").click()
    assert page.locator("h1").inner_text().startswith("Anna Weber")

    form = page.locator("form.filter-form")
    form.get_by_label("Consular access").check()
    form.get_by_label("From").fill("2014-12-03")
    form.get_by_label("Until").fill("2014-12-03")
    form.get_by_role("button", name="Apply filters").click()

    expected = Quote.objects.filter(
        speaker=archive.speakers.weber,
        themes=archive.themes.consular,
        said_on="2014-12-03",
    ).count()
    assert expected > 0
    assert page.locator(".result-count").inner_text().startswith(f"{expected} quote")
    quotes = page.locator("article.quote")
    assert quotes.count() == expected
    for text in quotes.all_inner_texts():
        assert "3 December 2014" in text and "Consular access" in text
    chips = page.locator(".active-filters .chip").all_inner_texts()
    assert any("Consular access" in chip for chip in chips)

    # Removing the theme keeps the dates.
    page.get_by_role("link", name="Remove filter Theme: Consular access").click()
    assert "theme=" not in page.url and "date_after=2014-12-03" in page.url


def test_quote_permalink_marks_the_words_in_view(page, live_server, archive):
    # The last quote of a long article: the text box has to scroll to show it.
    quote = Quote.objects.filter(article=archive.articles.brussels).order_by("start").last()
    page.goto(live_server.url + quote.get_absolute_url())
    mark = page.locator(".article-text mark#quote")
    assert mark.inner_text() == quote.text
    in_view = page.evaluate(
        """() => {
            const box = document.querySelector('.article-text--context');
            const mark = document.getElementById('quote');
            const b = box.getBoundingClientRect(), m = mark.getBoundingClientRect();
            return box.scrollTop > 0 && m.top >= b.top && m.bottom <= b.bottom;
        }"""
    )
    assert in_view
    citation = page.locator("#citation").inner_text()
    assert "Continental Wire" in citation and quote.get_absolute_url() in citation


def test_pages_pass_axe_and_fit_a_phone(browser, live_server, archive, axe_script):
    failures = []
    for width in (1280, 375):
        # axe-core goes in as an inline script, which the site's CSP rightly refuses.
        context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
        page = context.new_page()
        for name, path in main_pages(archive):
            page.goto(live_server.url + path)
            page.add_script_tag(content=axe_script)
            result = page.evaluate(
                """async () => {
                    const result = await axe.run(document);
                    return {
                        passes: result.passes.length,
                        violations: result.violations.map(v => ({
                            id: v.id, impact: v.impact,
                            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
                        })),
                    };
                }"""
            )
            assert result["passes"] > 10, "axe-core did not run its rules"
            for v in result["violations"]:
                if v["impact"] in {"serious", "critical"}:
                    failures.append(f"{width}px {name}: {v['id']} ({v['impact']}) {v['nodes']}")
            if width == 375:
                overflow = page.evaluate(
                    "() => document.documentElement.scrollWidth - window.innerWidth"
                )
                if overflow > 0:
                    failures.append(f"375px {name}: scrolls sideways by {overflow}px")
        context.close()
    assert not failures, "\n".join(failures)


@pytest.fixture
def seeded(live_server):
    """The real seeded archive, committed so that the live server sees it."""
    call_command("seed", verbosity=0)


def test_journeys_on_the_seeded_archive(page, live_server, seeded):
    # A researcher opens the 2012 round of the human-rights dialogue and reaches a source.
    page.goto(live_server.url + "/dialogues/china-us-human-rights-dialogue/")
    page.get_by_role("link", name=re.compile("23–24 July 2012")).first.click()
    assert "/rounds/china-us-human-rights-dialogue-2012-07-23/" in page.url
    body = page.locator("main").inner_text()
    assert "Chinese delegation" in body and "U.S. delegation" in body
    assert "Chen Xu" in body and "Michael Posner" in body
    page.get_by_role("link", name="In context").first.click()
    assert "/quotes/" in page.url
    assert page.locator("mark#quote").count() == 1
    assert "Xinhua" in page.locator("#citation").inner_text()

    # Everything Cui Tiankai said about individual cases, in May 2011.
    page.goto(
        live_server.url
        + "/quotes/?speaker=cui-tiankai&theme=individual-cases"
        + "&date_after=2011-05-01&date_before=2011-05-31"
    )
    quotes = page.locator("article.quote")
    assert quotes.count() >= 1
    assert "devote too much energy to individual cases" in quotes.first.inner_text()

    # A phrase search marks the phrase.
    page.goto(live_server.url + "/quotes/?q=%22mutual+respect%22")
    marks = page.locator("article.quote mark").all_inner_texts()
    assert marks and all(m.lower() in {"mutual", "respect", "mutual respect"} for m in marks)


def test_screenshots(page, live_server, seeded, tmp_path):
    """Screenshots of the seeded archive; written to docs/ only on request (make screenshots)."""
    directory = SCREENSHOTS if os.environ.get("SCREENSHOTS") == "1" else tmp_path
    quote = Quote.objects.filter(speaker__slug="cui-tiankai").order_by("start").first()
    written = take_screenshots(page, live_server.url, quote.get_absolute_url(), directory)
    assert all(path.stat().st_size > 10_000 for path in written)


def search_from_the_header(page, live_server, q):
    page.goto(live_server.url + "/")
    box = page.get_by_role("searchbox", name="Search the quotes")
    box.fill(q)
    box.press("Enter")
    page.wait_for_load_state()
    return {
        "heading": page.locator("h1").inner_text(),
        "speakers": set(page.locator("article.quote .quote__speaker").all_inner_texts()),
        "count": page.locator("article.quote").count(),
        "box": page.get_by_role("searchbox", name="Search the quotes").input_value(),
    }


def test_officials_from_the_main_box_on_the_seeded_archive(page, live_server, seeded):
    """What a journalist types, as typed, in the header's box."""
    for q in ("Cui Tiankai", "Cui Tian Kai", "崔天凯"):
        found = search_from_the_header(page, live_server, q)
        assert found["heading"] == "Quotes by Cui Tiankai", q
        assert found["count"] >= 5 and found["speakers"] == {"Cui Tiankai"}, q
        assert found["box"] == q
        assert (
            f"“{q}” was read as the speaker Cui Tiankai" in page.locator(".understood").inner_text()
        )

    found = search_from_the_header(page, live_server, "Hilary Clinton individual cases")
    assert found["heading"] == "Quotes by Hillary Clinton matching “individual cases”"
    # She has no quote on it in the seeds; the page says so and offers the way out.
    assert (
        "No quotes by Hillary Clinton match “individual cases”" in page.locator("main").inner_text()
    )
    page.get_by_role("link", name="All quotes matching “individual cases”").click()
    assert "devote too much energy to individual cases" in page.locator("main").inner_text()

    found = search_from_the_header(page, live_server, "respect -Cui")
    assert found["heading"] == "Quotes matching “respect -Cui”"
    assert found["count"] >= 1 and "Cui Tiankai" not in found["speakers"]

    # One click reads the words as words again.
    search_from_the_header(page, live_server, "Cui Tiankai individual cases")
    page.get_by_role("link", name=re.compile("Search all quotes for the words")).click()
    assert "plain=1" in page.url
    assert page.locator("h1").inner_text() == "Quotes matching “Cui Tiankai individual cases”"


def test_the_speaker_picker_suggests_and_empty_fields_stay_out_of_the_address(
    page, live_server, seeded
):
    page.goto(live_server.url + "/quotes/")
    picker = page.get_by_label("Speaker’s name")
    picker.press_sequentially("Hilary", delay=30)
    page.wait_for_function("() => document.querySelectorAll('#speaker-names option').length > 0")
    options = page.eval_on_selector_all("#speaker-names option", "els => els.map(e => e.value)")
    assert options[0] == "Hillary Clinton"
    picker.fill("Cui Tiankai")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    assert page.url.endswith("/quotes/?who=Cui+Tiankai")
    chips = " ".join(page.locator(".active-filters").inner_text().split())
    assert "Speaker: Cui Tiankai" in chips
