"""The API's browsable docs in a real Chromium: Swagger UI loads from the archive's own
static files, reads the schema and lists every endpoint, with no error in the console."""

import os

import pytest

# Playwright's sync API runs an event loop in this thread; Django's live server is real I/O.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_the_docs_page_lists_every_endpoint(page, api_server):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{api_server.url}/api/docs/")
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    paths = set(page.locator(".opblock-summary-path").all_inner_texts())
    for record in ("quotes", "articles", "speakers", "rounds", "dialogues", "themes", "outlets"):
        assert f"/api/{record}/" in {p.replace("\u200b", "") for p in paths}
    assert not errors
