"""The synthetic archive for a seed: its cast, and articles whose bodies hold the quotes at
exact offsets, with datelines, rounds and themes. Plain Python: nothing here touches the
database."""

import datetime as dt
import hashlib
import random

from django.utils.text import slugify

from statements.synth.cast import make_cast
from statements.synth.countries import COUNTRY_LIST
from statements.synth.prose import Prose, agree
from statements.synth.records import PREFIX, URL_PREFIX, SArticle, SQuote
from statements.synth.sampling import Zipf
from statements.synth.themes import reference_themes, theme_tagger

FIRST_DAY = dt.date(1996, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
QUOTES_PER_ARTICLE = 10


class SyntheticArchive:
    """The corpus for a seed: ``cast()`` (outlets, speakers, dialogues, rounds) and
    ``articles()``. Nothing here touches the database."""

    def __init__(self, seed=1, n_quotes=1000, themes=None):
        self.seed = seed
        self.n_quotes = n_quotes
        themes = themes or {s: k.splitlines() for s, (_, _, k) in reference_themes().items()}
        self.tag = theme_tagger(themes)
        self.prose = Prose()
        self._cast = None

    # The cast grows with the square root of the corpus (thousands of speakers at a million
    # quotes); each part has its own random stream, so a bigger corpus extends a smaller one.
    def sizes(self):
        n = max(self.n_quotes, 1)
        return {
            # Delegations, governments and outlets' voices come on top of the persons.
            "speakers": 2 * len(COUNTRY_LIST) + max(40, int(8 * n**0.5)),
            "dialogues": max(6, min(60, int(n**0.5 / 20))),
            "outlets": max(8, min(60, int(n**0.5 / 25))),
        }

    def cast(self):
        if self._cast is None:
            self._cast = make_cast(self._rng, self.sizes(), self.prose.phrase)
        return self._cast

    def _rng(self, part):
        return random.Random(f"{self.seed}:{part}")

    def articles(self, offset=0):
        """Yield SArticle objects holding exactly ``n_quotes`` quotes in all; ``offset`` is the
        number of synthetic articles already stored (serials and the random stream follow)."""
        cast = self.cast()
        rng = random.Random(f"{self.seed}:articles:{offset}")
        country_of = {c.name: c for c in COUNTRY_LIST}
        persons = [s for s in cast.speakers if s.kind == "person"]
        boost = [
            country_of[s.country].weight ** 0.5 * (6 if "spokesperson" in s.title else 1)
            for s in persons
        ]
        any_person = Zipf(persons, s=0.8, boost=boost)
        by_country = {}
        for s in persons:
            by_country.setdefault(s.country, []).append(s)
        country_person = {c: Zipf(ps, s=1.0) for c, ps in by_country.items()}
        collective = {}
        for s in cast.speakers:
            if s.kind in {"delegation", "government"}:
                collective.setdefault(s.country, []).append(s)
        voice_of = {s.outlet: s for s in cast.speakers if s.kind == "outlet"}
        outlet = Zipf(cast.outlets, s=1.0)
        rounds = cast.rounds
        years = list(range(FIRST_DAY.year, LAST_DAY.year + 1))
        year = Zipf(years, s=0, boost=[1 + i for i in range(len(years))])  # archives grow
        remaining = self.n_quotes
        serial = offset
        while remaining > 0:
            n = min(remaining, max(3, int(rng.gauss(QUOTES_PER_ARTICLE, 3))))
            remaining -= n
            serial += 1
            src = outlet(rng)
            rnd = rng.choice(rounds) if rounds and rng.random() < 0.5 else None
            if rnd:
                published = rnd.start + dt.timedelta(days=rng.randint(-6, 4))
                a, b = rnd.dialogue.parties
                if rng.random() < 0.5:
                    a, b = b, a
            else:
                y = year(rng)
                published = dt.date(y, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
                a = country_of.get(src.country) or rng.choice(COUNTRY_LIST)
                b = rng.choice([c for c in COUNTRY_LIST if c is not a])
            published = min(max(published, FIRST_DAY), LAST_DAY)
            yield self._article(
                rng,
                serial,
                n,
                src,
                published,
                rnd,
                a,
                b,
                pick_person=lambda c, _r=rng: (
                    country_person[c.name](_r)
                    if c.name in country_person and _r.random() < 0.85
                    else any_person(_r)  # third countries comment too
                ),
                collective=collective,
                voice=voice_of.get(src.slug),
                country_of=country_of,
            )

    def _article(
        self,
        rng,
        serial,
        n,
        src,
        published,
        rnd,
        a,
        b,
        *,
        pick_person,
        collective,
        voice,
        country_of,
    ):
        prose = self.prose
        parts = []  # body paragraphs
        length = 0
        quotes = []
        city = (rnd.location if rnd else rng.choice((a.capital, a.capital, a.city))).upper()
        if rnd:
            d = rnd.dialogue
            ordinal = (
                f"the {_ordinal(rnd.ordinal)} round of the" if rnd.ordinal else "a new round of the"
            )
            lead = (
                f"{a.name} and {b.name} held {ordinal} {d.name} in {rnd.location} "
                f"{_weekday_phrase(rnd.start, published)}, discussing {prose.noun_phrase(rng)} and "
                f"{prose.noun_phrase(rng)}."
            )
            title = rng.choice(
                (
                    f"{a.short}, {b.short} hold {d.kind.lower()} in {rnd.location}",
                    f"{d.name} opens in {rnd.location}",
                    f"{a.short} calls for {prose.phrase(rng)} at {d.kind.lower()}",
                    f"{a.adj} official urges {b.adj} side to respect {prose.phrase(rng)}",
                )
            )
        else:
            lead = (
                f"{a.name} {agree(prose.stance(rng), True)} "
                f"{prose.noun_phrase(rng)}{prose.adjunct(rng)}."
            )
            title = rng.choice(
                (
                    f"{a.short} says {b.short} should respect {prose.phrase(rng)}",
                    f"{a.short} urges {prose.phrase(rng)} in ties with {b.short}",
                    f"{a.short}, {b.short} pledge {prose.phrase(rng)}",
                    f"Spokesperson: {a.short} opposes {prose.phrase(rng)} violations",
                )
            )
        parts.append(lead)
        length = len(lead) + 1
        said_days = None
        editorial = voice is not None and rng.random() < 0.08
        for i in range(n):
            kind_r = rng.random()
            me, other = (a, b) if rng.random() < 0.65 else (b, a)
            if editorial and i < 2:
                speaker = voice
                kind = "editorial"
            elif kind_r < 0.12 and collective.get(me.name):
                speaker = rng.choice(collective[me.name])
                kind = "indirect"
            else:
                speaker = pick_person(me)
                kind = "direct" if kind_r < 0.75 else "indirect"
            if speaker.kind != "outlet" and speaker.country in country_of:
                # Speakers talk from their own side, whoever the article is about.
                me = country_of[speaker.country]
                if me is other:
                    other = a if me is b else b
            if kind == "editorial":
                text = prose.statement(rng, me, other, person=3, min_sentences=2, max_sentences=4)
                para, start = text, 0
            elif kind == "indirect":
                text = prose.statement(rng, me, other, person=3, max_sentences=1)
                text = text[0].lower() + text[1:] if not text.startswith(me.name) else text
                who = speaker.short if speaker.kind == "person" and i else _display(speaker)
                lead_in = f"{who} said that "
                lead_in = lead_in[0].upper() + lead_in[1:]
                para, start = lead_in + text, len(lead_in)
            else:
                text = prose.statement(rng, me, other, person=1)
                who = (
                    f"{speaker.role} {speaker.name}"
                    if speaker.role and rng.random() < 0.6
                    else speaker.name
                )
                form = rng.random()
                if form < 0.5:
                    lead_in = f'{who} said: "'
                    para, start = f'{lead_in}{text}"', len(lead_in)
                elif form < 0.8:
                    lead_in = f'{who} told reporters: "'
                    para, start = f'{lead_in}{text}"', len(lead_in)
                else:
                    para, start = f'"{text}" {speaker.short} added.', 1
                if rnd and rng.random() < 0.3:
                    para += f" The remarks came {_weekday_phrase(rnd.start, published)}."
            start += length
            parts.append(para)
            length += len(para) + 1
            if rng.random() < 0.25:
                filler = self._narrative(rng, a, b, rnd)
                parts.append(filler)
                length += len(filler) + 1
            if said_days is None or rng.random() < 0.3:
                said_days = rng.choice((0, 0, 0, 1, 1, 2, 3))
            said_on = None if rng.random() < 0.04 else published - dt.timedelta(days=said_days)
            quotes.append(
                SQuote(
                    speaker=speaker.slug,
                    speaker_role=(speaker.role if speaker.kind == "person" else ""),
                    text=text,
                    kind=kind,
                    start=start,
                    end=start + len(text),
                    said_on=said_on,
                    round=rnd.slug if rnd and rng.random() < 0.75 else None,
                    themes=self.tag(text),
                    is_reviewed=rng.random() < 0.4,
                )
            )
        body = "\n".join(parts)
        slug = f"{PREFIX}{serial}-{slugify(title)[:80].strip('-')}"
        url = f"{URL_PREFIX}{src.slug.removeprefix(PREFIX)}/{published:%Y/%m}/{serial}"
        dateline = city
        raw_text = (
            f"{title}\n{city}, {published:%B} {published.day} ({src.name}) --\n\n{body}\n\n"
            f"Source: {src.name}, {url}\n"
        )
        article_themes = sorted({t for q in quotes for t in q.themes})
        return SArticle(
            serial=serial,
            title=title[0].upper() + title[1:],
            slug=slug,
            outlet=src.slug,
            published_on=published,
            published_on_inferred=rng.random() < 0.03,
            dateline=dateline,
            url=url,
            body=body,
            raw_text=raw_text,
            checksum=hashlib.sha256(raw_text.encode("utf-8")).hexdigest(),
            rounds=[rnd.slug] if rnd else [],
            themes=article_themes,
            quotes=quotes,
        )

    def _narrative(self, rng, a, b, rnd):
        prose = self.prose
        r = rng.random()
        if rnd and r < 0.4:
            return rng.choice(
                (
                    f"The talks in {rnd.location} lasted {(rnd.end - rnd.start).days + 1} days.",
                    f"Both sides agreed to hold the next round in "
                    f"{(b if rnd.location == a.capital else a).capital}.",
                    f"The {rnd.dialogue.kind.lower()} was set up in {rnd.dialogue.established}.",
                )
            )
        return prose.statement(rng, a, b, person=3, max_sentences=1)


def _display(speaker):
    return f"the {speaker.name}" if speaker.kind in {"delegation", "government"} else speaker.name


def _ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _weekday_phrase(day, published):
    delta = (published - day).days
    if delta == 0:
        return "today"
    if 0 < delta < 7:
        return f"on {day:%A}"
    if 7 <= delta < 14:
        return "last week"
    return f"on {day:%B} {day.day}"


# --- Writing to the database ------------------------------------------------------------------
