"""A small sample archive for the page tests, and screenshots of the main pages.

The seeded archive has no quotes yet (the extractor is still being written), so the page
tests build this one: an invented dialogue with two rounds, both sides' speakers, two
outlets and 35 quotes written for the tests. ``take_screenshots`` is run by the browser test
``test_screenshots`` on the seeded archive; with SCREENSHOTS=1 (``make screenshots``) it
writes docs/screenshots/*.png, otherwise a temporary folder.
"""

import datetime as dt
import hashlib
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

from django.db import transaction

from statements import counts
from statements.models import Article, Dialogue, DialogueRound, Outlet, Quote, Speaker, Theme

SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"

WEBER_SAYS = [
    "We raised the cases of detained lawyers and asked for consular access to them",
    "A dialogue is only worth holding if it produces results that people can see",
    "The European Union will continue to follow individual cases closely",
    "Legal cooperation has grown, but consular access remains uneven",
    "We welcome the exchanges between judges and hope they will deepen",
    "Journalists must be able to work without fear of reprisal",
]
WEBER_ENDINGS = ["", " this week", " at every meeting", " in the coming year", " without delay"]


def _article(outlet, title, slug, published_on, paragraphs, **extra):
    body = "\n\n".join(paragraphs)
    return Article.objects.create(
        title=title,
        slug=slug,
        outlet=outlet,
        published_on=published_on,
        body=body,
        raw_text=f"{title}\n{outlet.name}, {published_on:%B %d, %Y}\n\n{body}\n\n(END)",
        checksum=hashlib.sha256(f"sample:{slug}".encode()).hexdigest(),
        **extra,
    )


def _quotes(article, sentences):
    """Quotes from (speaker, role, text, kind, said_on, round, themes, reviewed) rows whose
    text occurs in the article body: the offsets are found, not typed."""
    made = []
    for speaker, role, text, kind, said_on, round_, themes, reviewed in sentences:
        start = article.body.index(text)
        quote = Quote(
            article=article,
            speaker=speaker,
            speaker_role=role,
            text=text,
            kind=kind,
            start=start,
            end=start + len(text),
            said_on=said_on,
            round=round_,
            is_reviewed=reviewed,
        )
        made.append((quote, themes))
    Quote.objects.bulk_create([quote for quote, _ in made])
    Quote.themes.through.objects.bulk_create(
        [
            Quote.themes.through(quote_id=quote.pk, theme_id=theme.pk)
            for quote, themes in made
            for theme in themes
        ]
    )
    return [quote for quote, _ in made]


def build_sample_archive():
    wire = Outlet.objects.create(
        name="Continental Wire", slug="continental-wire", country="Belgium"
    )
    harbour = Outlet.objects.create(name="Harbour Daily", slug="harbour-daily", country="China")
    consular = Theme.objects.create(
        name="Consular access",
        slug="consular-access",
        description="Visits to detained nationals and the right to a consul.",
    )
    legal = Theme.objects.create(
        name="Legal exchanges",
        slug="legal-exchanges",
        description="Exchanges between judges, lawyers and legislators.",
    )
    press = Theme.objects.create(
        name="Press freedom",
        slug="press-freedom",
        description="Whether reporters can work freely.",
    )
    dialogue = Dialogue.objects.create(
        name="Sino-European Legal Affairs Dialogue",
        slug="sino-european-legal-affairs-dialogue",
        parties="China, European Union",
        established=2012,
        description="An invented dialogue for the page tests: legal experts of both sides "
        "meet once a year, in China and in Europe in turn.",
    )
    climate = Dialogue.objects.create(
        name="China-Nordic Climate Dialogue",
        slug="china-nordic-climate-dialogue",
        parties="China, Norway",
        established=2015,
    )
    first = DialogueRound.objects.create(
        dialogue=dialogue,
        ordinal=1,
        location="Guiyang",
        start_date=dt.date(2013, 6, 25),
        end_date=dt.date(2013, 6, 26),
        slug="legal-affairs-2013-06-25",
        summary="The first round, held in Guiyang over two days.",
    )
    second = DialogueRound.objects.create(
        dialogue=dialogue,
        ordinal=2,
        location="Brussels",
        start_date=dt.date(2014, 12, 2),
        end_date=dt.date(2014, 12, 3),
        slug="legal-affairs-2014-12-02",
        summary="The second round, in Brussels, with consular access high on the agenda.",
    )
    oslo = DialogueRound.objects.create(
        dialogue=climate,
        ordinal=1,
        location="Oslo",
        start_date=dt.date(2015, 3, 10),
        slug="climate-2015-03-10",
        is_reviewed=False,
    )
    li = Speaker.objects.create(
        name="Li Wenhua",
        slug="li-wenhua",
        country="China",
        title="Director-General, Department of Treaty and Law",
        native_name="李文华",
        aliases="Li Wen-hua",
    )
    weber = Speaker.objects.create(
        name="Anna Weber",
        slug="anna-weber",
        country="European Union",
        title="EU Special Representative for Human Rights",
    )
    delegation = Speaker.objects.create(
        name="Chinese legal delegation",
        slug="chinese-legal-delegation",
        kind=Speaker.Kind.DELEGATION,
        country="China",
    )
    editorial = Speaker.objects.create(
        name="Harbour Daily editorial",
        slug="harbour-daily-editorial",
        kind=Speaker.Kind.OUTLET,
        country="China",
        title="Editorial",
        outlet=harbour,
    )
    first.co_chairs.set([li, weber])
    second.co_chairs.set([li, weber])

    # Li Wenhua: two quotes, one with markup-like characters that must come out escaped.
    li_direct = "China is willing to hold talks on an equal footing"
    li_escaped = "cases are handled under the <Criminal Procedure Law> & nothing else"
    guiyang = _article(
        harbour,
        "Legal affairs dialogue opens in Guiyang",
        "legal-affairs-dialogue-opens-in-guiyang",
        dt.date(2013, 6, 27),
        [
            "GUIYANG, June 27 -- Legal experts from China and the European Union met here "
            "on Tuesday for the first round of their legal affairs dialogue.",
            f'"{li_direct}," said Li Wenhua, director-general of the Department of '
            "Treaty and Law, at the opening session.",
            f"Li told reporters on Wednesday that {li_escaped}.",
            "Readers may write to <b>the editor</b> at letters@example.org.",
        ],
        dateline="GUIYANG, June 27",
    )
    guiyang.rounds.set([first])
    guiyang.themes.set([legal])
    _quotes(
        guiyang,
        [
            (li, "director-general of the Department of Treaty and Law", li_direct,
             Quote.Kind.DIRECT, dt.date(2013, 6, 25), first, [legal, consular], True),
            (li, "", li_escaped, Quote.Kind.INDIRECT, dt.date(2013, 6, 26), first, [legal], True),
        ],
    )  # fmt: skip

    # Anna Weber: thirty quotes in one long report of the second round.
    weber_texts = [
        WEBER_SAYS[i % len(WEBER_SAYS)] + WEBER_ENDINGS[i // len(WEBER_SAYS)] for i in range(30)
    ]
    brussels = _article(
        wire,
        "EU presses China on consular access at Brussels legal talks",
        "eu-presses-china-on-consular-access",
        dt.date(2014, 12, 4),
        ["BRUSSELS, Dec. 4 -- The European Union and China ended two days of legal talks."]
        + [f'"{text}," Weber said.' for text in weber_texts],
        dateline="BRUSSELS, Dec. 4",
        url="https://example.org/continental-wire/eu-presses-china",
    )
    brussels.rounds.set([second])
    brussels.themes.set([consular, legal])
    _quotes(
        brussels,
        [
            (weber, "EU Special Representative for Human Rights", text, Quote.Kind.DIRECT,
             dt.date(2014, 12, 2 + i % 2), second, [legal] + ([consular] if i % 3 == 0 else []),
             i % 4 != 0)
            for i, text in enumerate(weber_texts)
        ],
    )  # fmt: skip

    # The Chinese side of the same round, and an editorial on it.
    side_says = [
        "China opposes the use of individual cases to interfere in its judicial sovereignty",
        "Reporters in China work in accordance with the law",
    ]
    readout = _article(
        harbour,
        "Chinese delegation urges respect for judicial sovereignty",
        "chinese-delegation-urges-respect",
        dt.date(2014, 12, 4),
        [
            "BRUSSELS, Dec. 3 -- The Chinese delegation to the legal affairs dialogue said "
            f"on Wednesday that {side_says[0]}.",
            f"The delegation added that {side_says[1]}.",
        ],
    )
    readout.rounds.set([second])
    readout.themes.set([press])
    _quotes(
        readout,
        [
            (delegation, "", text, Quote.Kind.INDIRECT, dt.date(2014, 12, 3), second,
             [press], True)
            for text in side_says
        ],
    )  # fmt: skip
    editorial_text = "Lectures from abroad will not change how Chinese courts work"
    opinion = _article(
        harbour,
        "Editorial: Dialogue needs equality, not lectures",
        "editorial-dialogue-needs-equality",
        dt.date(2014, 12, 6),
        [f"{editorial_text}. Equality is the basis of any dialogue."],
    )
    opinion.rounds.set([second])
    _quotes(
        opinion,
        [(editorial, "", editorial_text, Quote.Kind.EDITORIAL, dt.date(2014, 12, 6), second,
          [], False)],
    )  # fmt: skip

    # Twenty-nine short wire stories, so that an outlet has thirty articles to list.
    briefs = []
    for n in range(29):
        brief = _article(
            wire,
            f"Climate officials meet in Oslo, brief {n + 1}",
            f"climate-brief-{n + 1}",
            dt.date(2015, 3, 10) + dt.timedelta(days=n),
            [f"OSLO -- Officials met for the climate dialogue (brief number {n + 1})."],
        )
        briefs.append(brief)
    Article.rounds.through.objects.bulk_create(
        [Article.rounds.through(article_id=b.pk, dialogueround_id=oslo.pk) for b in briefs]
    )
    counts.recount()  # written row by row here, not through a writer that keeps them
    return SimpleNamespace(
        outlets=SimpleNamespace(wire=wire, harbour=harbour),
        themes=SimpleNamespace(consular=consular, legal=legal, press=press),
        dialogue=dialogue,
        climate=climate,
        rounds=SimpleNamespace(first=first, second=second, oslo=oslo),
        speakers=SimpleNamespace(li=li, weber=weber, delegation=delegation, editorial=editorial),
        articles=SimpleNamespace(
            guiyang=guiyang, brussels=brussels, readout=readout, opinion=opinion
        ),
    )


@contextmanager
def sample_archive(django_db_blocker):
    """The sample archive for a module's tests, rolled back afterwards so that the rest of
    the suite sees only the seeded archive. Each test's own writes roll back to here."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_sample_archive()
        transaction.set_rollback(True)


PAGES = [
    ("home", "/"),
    ("dialogue", "/dialogues/sino-european-legal-affairs-dialogue/"),
    ("rounds", "/rounds/"),
    ("round", "/rounds/legal-affairs-2014-12-02/"),
    ("speakers", "/speakers/"),
    ("speaker", "/speakers/anna-weber/?theme=consular-access"),
    ("quotes", "/quotes/?q=consular+access"),
    ("quotes-filter-error", "/quotes/?date_after=2014-13-45&speaker=nobody"),
    ("quote", None),  # filled in: the permalink of Li Wenhua's escaped quote
    ("articles", "/articles/?outlet=harbour-daily"),
    ("article", "/articles/legal-affairs-dialogue-opens-in-guiyang/"),
    ("themes", "/themes/"),
    ("theme", "/themes/legal-exchanges/"),
]


# The same pages on the seeded archive, for docs/screenshots/.
SEEDED_PAGES = [
    ("home", "/"),
    ("dialogue", "/dialogues/china-us-human-rights-dialogue/"),
    ("rounds", "/rounds/"),
    ("round", "/rounds/china-us-human-rights-dialogue-2012-07-23/"),
    ("speakers", "/speakers/"),
    ("speaker", "/speakers/cui-tiankai/?theme=human-rights"),
    ("quotes", "/quotes/?q=%22mutual+respect%22"),
    ("quotes-filter-error", "/quotes/?date_after=2011-13-45&speaker=nobody"),
    ("quote", None),  # filled in: the permalink of a quote by Cui Tiankai
    ("articles", "/articles/?outlet=xinhua"),
    ("article", "/articles/2012-07-25-china-us-agree-to-continue-human-rights-dialogue/"),
    ("themes", "/themes/"),
    ("theme", "/themes/individual-cases/"),
]


def take_screenshots(page, base_url, quote_url, directory=SCREENSHOTS, pages=SEEDED_PAGES):
    """Full-page screenshots of the main pages at desktop width, and a few at phone width."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    paths = dict(pages)
    for name, path in pages:
        page.goto(base_url + (path or quote_url))
        target = directory / f"{name}.png"
        page.screenshot(path=str(target), full_page=True)
        written.append(target)
    page.set_viewport_size({"width": 375, "height": 800})
    for name, path in [("phone-round", paths["round"]), ("phone-quotes", paths["quotes"])]:
        page.goto(base_url + path)
        target = directory / f"{name}.png"
        page.screenshot(path=str(target), full_page=True)
        written.append(target)
    page.goto(base_url + quote_url)
    target = directory / "phone-quote.png"
    page.screenshot(path=str(target), full_page=True)
    written.append(target)
    return written
