"""In a real Chromium: stored third-party text never runs as script, and every page, public
or admin, keeps to the Content-Security-Policy.

The XSS corpus puts a different payload in every text and URL field of every model (each
``alert()`` carries its field's number), then opens every page that shows those records, as
a visitor and as staff, clicks every link on the pages that show source links, and counts
the dialogs that opened: 0. It does so twice: with the CSP, and with the CSP switched off in
the browser, so escaping alone is shown to hold too. Requests to any other host are
aborted: the tests never leave this machine.
"""

import datetime as dt
import hashlib
import os

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from statements.models import Article, Dialogue, DialogueRound, Outlet, Quote, Speaker, Theme
from tests.screenshots import PAGES, build_sample_archive

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAYLOADS = [
    "<script>alert({n})</script>",
    "<img src=x onerror=alert({n})>",
    '"><svg onload=alert({n})>',
    "'><body onload=alert({n})>",
    "</textarea></title><script>alert({n})</script>",
    "javascript:alert({n})",
    '<iframe srcdoc="<script>alert({n})</script>"></iframe>',
    "<a href=javascript:alert({n})>click</a>",
]
URL_PAYLOADS = [
    'https://example.org/"><svg/onload=alert({n})>',
    "https://example.org/#'onmouseover='alert({n})'",
]
PASSWORD = "a-long-test-password-for-staff"


class Corpus:
    """Numbered payloads; ``text(label)`` gives the next one, prefixed with a readable word."""

    def __init__(self):
        self.fields = {}

    def number(self, label):
        n = len(self.fields) + 1
        self.fields[n] = label
        return n

    def text(self, label):
        n = self.number(label)
        return f"{label.split('.')[-1].title()} {PAYLOADS[n % len(PAYLOADS)].format(n=n)}"

    def url(self, label):
        n = self.number(label)
        return URL_PAYLOADS[n % len(URL_PAYLOADS)].format(n=n)


@pytest.fixture(scope="module", autouse=True)
def seeded_archive_afterwards(django_db_blocker):
    yield
    with django_db_blocker.unblock():
        call_command("seed", verbosity=0)


def build_corpus():
    c = Corpus()
    outlet = Outlet.objects.create(
        name=c.text("outlet.name"),
        slug="hostile-outlet",
        country=c.text("outlet.country"),
        url=c.url("outlet.url"),
        aliases=c.text("outlet.aliases"),
    )
    theme = Theme.objects.create(
        name=c.text("theme.name"),
        slug="hostile-theme",
        description=c.text("theme.description"),
        keywords=c.text("theme.keywords"),
    )
    dialogue = Dialogue.objects.create(
        name=c.text("dialogue.name"),
        slug="hostile-dialogue",
        parties=f"{c.text('dialogue.parties')}, Elsewhere",
        description=c.text("dialogue.description"),
        aliases=c.text("dialogue.aliases"),
    )
    speaker = Speaker.objects.create(
        name=c.text("speaker.name"),
        slug="hostile-speaker",
        country=c.text("speaker.country"),
        title=c.text("speaker.title"),
        native_name=c.text("speaker.native_name"),
        aliases=c.text("speaker.aliases"),
        outlet=outlet,
    )
    round_ = DialogueRound.objects.create(
        dialogue=dialogue,
        ordinal=4,
        location=c.text("round.location"),
        start_date=dt.date(2015, 6, 1),
        summary=c.text("round.summary"),
        slug="hostile-round",
    )
    round_.co_chairs.add(speaker)
    said = [c.text("quote.text") for _ in range(3)]
    body = "\n\n".join(
        [
            f"GENEVA, June 2 -- {c.text('article.body')} officials met on Monday.",
            *[f'"{text}," the envoy said.' for text in said],
        ]
    )
    raw = f"{c.text('article.raw_text')}\n{body}"
    article = Article.objects.create(
        title=c.text("article.title"),
        slug="hostile-article",
        outlet=outlet,
        published_on=dt.date(2015, 6, 2),
        dateline=c.text("article.dateline"),
        url=c.url("article.url"),
        body=body,
        raw_text=raw,
        checksum=hashlib.sha256(raw.encode()).hexdigest(),
    )
    article.rounds.add(round_)
    article.themes.add(theme)
    quotes = []
    for text in said:
        start = body.index(text)
        quote = Quote.objects.create(
            article=article,
            speaker=speaker,
            speaker_role=c.text("quote.speaker_role"),
            text=text,
            kind=Quote.Kind.DIRECT,
            start=start,
            end=start + len(text),
            said_on=dt.date(2015, 6, 1),
            round=round_,
        )
        quote.themes.add(theme)
        quotes.append(quote)
    return c, article, quotes


@pytest.fixture
def corpus(live_server):
    build_sample_archive()
    c, article, quotes = build_corpus()
    get_user_model().objects.create_superuser("archivist", "a@example.org", PASSWORD)
    return c, article, quotes


def public_pages(article, quotes):
    q = "<script>alert(99)</script>"
    return [
        *[path for _, path in PAGES if path],
        "/",
        article.get_absolute_url(),
        *[quote.get_absolute_url() for quote in quotes],
        "/articles/",
        "/articles/?outlet=hostile-outlet",
        "/quotes/",
        "/quotes/?speaker=hostile-speaker",
        f"/quotes/?q={q}",
        "/quotes/?q=Text",
        "/speakers/",
        "/speakers/?q=Name",
        "/speakers/hostile-speaker/",
        "/themes/",
        "/themes/hostile-theme/",
        "/rounds/",
        "/rounds/hostile-round/",
        "/dialogues/hostile-dialogue/",
        f"/articles/?date_after={q}",
        "/no-such-page/",
    ]


def admin_pages(article, quotes):
    records = [
        article,
        quotes[0],
        Speaker.objects.get(slug="hostile-speaker"),
        Outlet.objects.get(slug="hostile-outlet"),
        Theme.objects.get(slug="hostile-theme"),
        Dialogue.objects.get(slug="hostile-dialogue"),
        DialogueRound.objects.get(slug="hostile-round"),
    ]
    pages = [reverse("admin:index"), reverse("admin:statements_article_from_text")]
    for record in records:
        name = f"admin:statements_{record._meta.model_name}"
        pages += [
            reverse(f"{name}_changelist"),
            reverse(f"{name}_changelist") + "?q=Name",
            reverse(f"{name}_add"),
            reverse(f"{name}_change", args=[record.pk]),
        ]
    return pages


class Watch:
    """Dialogs opened (an executed payload) and CSP violations reported, for one context."""

    def __init__(self, browser, base_url, bypass_csp=False):
        self.context = browser.new_context(bypass_csp=bypass_csp)
        self.dialogs, self.violations = [], []
        # Nothing leaves this machine: the payloads' and source links' hosts are not ours.
        self.context.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith(base_url) else route.abort()
            ),
        )
        self.context.add_init_script(
            """document.addEventListener("securitypolicyviolation", (e) => {
                 console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI);
               });"""
        )
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("console", self._console)

    def _dialog(self, dialog):
        self.dialogs.append((self.page.url, dialog.message))
        dialog.dismiss()

    def _console(self, message):
        text = message.text
        if "Content Security Policy" in text or "CSP violation" in text:
            self.violations.append((self.page.url, text))

    def visit(self, url):
        from playwright.sync_api import Error as PlaywrightError

        for attempt in range(3):
            try:
                response = self.page.goto(url)
                break
            except PlaywrightError as error:
                # A click on an external link ends in an aborted navigation to Chromium's
                # error page; on a slow machine it can land after the next goto has begun.
                if "interrupted by another navigation" not in str(error) or attempt == 2:
                    raise
        self.page.wait_for_load_state("load")
        # Fire on every element what a payload in an attribute would wait for.
        self.page.evaluate(
            """() => document.querySelectorAll("body *").forEach((e) => {
                 for (const type of ["mouseover", "focus", "mouseenter"]) {
                   e.dispatchEvent(new Event(type, { bubbles: true }));
                 }
               })"""
        )
        return response

    def log_in(self, base_url):
        self.page.goto(base_url + reverse("admin:login"))
        self.page.fill("#id_username", "archivist")
        self.page.fill("#id_password", PASSWORD)
        self.page.click("input[type=submit]")
        self.page.wait_for_url(base_url + reverse("admin:index"))

    def click_every_link(self, url, base_url):
        self.visit(url)
        count = self.page.locator("main a[href]:not([download])").count()
        for i in range(count):
            self.visit(url)
            link = self.page.locator("main a[href]:not([download])").nth(i)
            try:
                link.click(timeout=3000)
                self.page.wait_for_load_state("load", timeout=3000)
            except Exception:  # noqa: BLE001 - an aborted external navigation is expected
                pass
        return count


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_no_stored_payload_runs_on_any_page_or_click(browser, live_server, corpus, bypass_csp):
    c, article, quotes = corpus
    base = live_server.url
    watch = Watch(browser, base, bypass_csp=bypass_csp)
    for path in public_pages(article, quotes):
        watch.visit(base + path)
    clicked = 0
    for path in (article.get_absolute_url(), quotes[0].get_absolute_url()):
        clicked += watch.click_every_link(base + path, base)
    watch.log_in(base)
    for path in admin_pages(article, quotes):
        watch.visit(base + path)
    clicked += watch.click_every_link(
        base + reverse("admin:statements_article_change", args=[article.pk]), base
    )
    watch.context.close()
    assert clicked > 20
    ran = [(url, c.fields.get(int(m), m) if m.isdigit() else m) for url, m in watch.dialogs]
    assert ran == [], f"{len(ran)} payload(s) executed: {ran}"


def test_every_page_keeps_to_the_content_security_policy(browser, live_server, corpus):
    c, article, quotes = corpus
    base = live_server.url
    watch = Watch(browser, base)
    headers = []
    for path in public_pages(article, quotes):
        headers.append(watch.visit(base + path).headers)
    watch.log_in(base)
    for path in admin_pages(article, quotes):
        headers.append(watch.visit(base + path).headers)
    # The admin's own scripts ran under the policy: the autocomplete widget is built.
    watch.visit(base + reverse("admin:statements_article_change", args=[article.pk]))
    assert watch.page.locator(".select2-container").count() > 0
    watch.context.close()
    assert watch.violations == []
    for h in headers:
        policy = h["content-security-policy"]
        assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
        assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
        assert "camera=()" in h["permissions-policy"]
