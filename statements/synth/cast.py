"""The synthetic cast: outlets, speakers (delegations, governments, outlets' voices and persons
with their titles and aliases), dialogues and their rounds. Each part draws from its own random
stream, so a bigger corpus extends a smaller one."""

import datetime as dt

from django.utils.text import slugify

from statements.synth.countries import (
    BUREAUS,
    COUNTRY_LIST,
    COUNTRY_ROLES,
    DEPARTMENTS,
    DIALOGUE_TYPES,
    ENVOY_TOPICS,
    OUTLET_PATTERNS,
    ROLES,
)
from statements.synth.names import ALTERNATES, NAMES, ascii_fold
from statements.synth.records import PREFIX, URL_PREFIX, Cast, SDialogue, SOutlet, SRound, SSpeaker
from statements.synth.sampling import Zipf


def make_cast(rng_for, sizes, phrase):
    """The cast of ``sizes``; ``rng_for(part)`` gives each part its random stream and
    ``phrase(rng)`` a set phrase for the rounds' summaries."""
    outlets = make_outlets(rng_for("outlets"), sizes["outlets"])
    speakers = make_speakers(rng_for("speakers"), sizes["speakers"], outlets)
    dialogues = make_dialogues(rng_for("dialogues"), sizes["dialogues"])
    rounds = make_rounds(dialogues, speakers, rng_for, phrase)
    return Cast(outlets, speakers, dialogues, rounds)


def make_outlets(rng, n):
    out = [SOutlet(f"{PREFIX}wire", "Synthetic Wire", "", URL_PREFIX)]
    names = {"Synthetic Wire"}
    countries = Zipf(COUNTRY_LIST, s=0, boost=[c.weight for c in COUNTRY_LIST])
    while len(out) < n:
        c = countries(rng)
        name = rng.choice(OUTLET_PATTERNS).format(
            adj=c.adj, capital=c.capital, city=c.city, country=c.name
        )
        if name in names:
            continue
        names.add(name)
        slug = PREFIX + slugify(name)
        out.append(SOutlet(slug, name, c.name, f"{URL_PREFIX}{slug}/"))
    return out


def make_speakers(rng, n, outlets):
    out, names, slugs = [], set(), set()

    def add(s):
        names.add(s.name)
        slugs.add(s.slug)
        out.append(s)

    for c in COUNTRY_LIST:
        add(
            SSpeaker(
                PREFIX + slugify(f"{c.adj} delegation"),
                f"{c.adj} delegation",
                "delegation",
                c.name,
                aliases=[f"the {c.adj} side", f"{c.adj} side", f"{c.name}'s delegation"],
                role="",
                short=f"the {c.adj} side",
            )
        )
        add(
            SSpeaker(
                PREFIX + slugify(f"{c.adj} government"),
                f"{c.adj} government",
                "government",
                c.name,
                aliases=[c.name, c.capital, f"the {c.adj} government"],
                short=c.name,
            )
        )
    for o in outlets:
        add(
            SSpeaker(
                PREFIX + slugify(o.name) + "-editorial",
                o.name,
                "outlet",
                o.country,
                title="Editorial",
                aliases=[f"{o.name} editorial"],
                outlet=o.slug,
                short=o.name,
            )
        )
    countries = Zipf(COUNTRY_LIST, s=0, boost=[c.weight for c in COUNTRY_LIST])
    tries = 0
    while len(out) < n and tries < n * 50:
        tries += 1
        c = countries(rng)
        person = make_person(rng, c)
        if person.name in names or person.slug in slugs:
            continue
        add(person)
    return out


def make_person(rng, c):
    pool = NAMES[c.group]
    family, family_native = rng.choice(pool["family"])
    native, aliases = "", []
    if c.group == "chinese":
        parts = [rng.choice(pool["given"]) for _ in range(rng.choice((1, 2, 2, 2)))]
        given = "".join(p for p, _ in parts).capitalize()
        name = f"{family} {given}"
        native = family_native + "".join(n for _, n in parts)
        if len(parts) == 2 and rng.random() < 0.3:
            aliases.append(f"{family} {parts[0][0].capitalize()} {parts[1][0].capitalize()}")
        short = family
    elif c.group == "korean":
        a, b = rng.choice(pool["given"]), rng.choice(pool["given"])
        name = f"{family} {a[0].capitalize()}-{b[0]}"
        native = family_native + a[1] + b[1]
        if rng.random() < 0.3:
            aliases.append(f"{family} {a[0].capitalize()}{b[0]}")
        short = family
    elif c.group == "vietnamese":
        middle, given = rng.choice(pool["middle"]), rng.choice(pool["given"])
        name = f"{family} {middle[0]} {given[0]}"
        native = f"{family_native} {middle[1]} {given[1]}"
        short = given[0]
    else:
        given, given_native = rng.choice(pool["given"])
        if (
            c.group in {"russian", "kazakh"}
            and given.endswith("a")
            and family.endswith(("ov", "ev", "in"))
        ):
            # Russian family names agree with a woman's given name.
            family, family_native = family + "a", family_native + "а"
        if c.group == "indonesian" and rng.random() < 0.15:
            name, short = given, given  # many Indonesians go by one name
        else:
            name, short = f"{given} {family}", family
        if c.group == "spanish" and rng.random() < 0.3:
            second = rng.choice(pool["family"])[0]
            aliases.append(name)
            name = f"{name} {second}"
        if family_native and given_native:
            native = (
                f"{family_native}{given_native}"
                if c.group == "japanese"
                else f"{given_native} {family_native}"
            )
        if c.group == "english" and rng.random() < 0.25:
            aliases.append(f"{given} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {family}")
        alt = ALTERNATES.get(given) or ALTERNATES.get(family)
        if alt and rng.random() < 0.6:
            aliases.append(
                name.replace(given, alt) if given in ALTERNATES else name.replace(family, alt)
            )
        if ascii_fold(name) != name:
            aliases.append(ascii_fold(name))  # how English-language wires often spell it
    roles = COUNTRY_ROLES.get(c.name, ROLES)
    title = rng.choices([r for r, _ in roles], weights=[w for _, w in roles])[0]
    other = rng.choice([x for x in COUNTRY_LIST if x is not c])
    title = title.format(
        other=other.name,
        dept=rng.choice(DEPARTMENTS).replace("_", " "),
        bureau=rng.choice(BUREAUS).replace("_", " "),
        topic=rng.choice(ENVOY_TOPICS).replace("_", " "),
    )
    if rng.random() < 0.04:
        # Same person as a different speaker name happens: a later title in the alias.
        aliases.append(f"{title} {short}")
    return SSpeaker(
        PREFIX + slugify(ascii_fold(name)),
        name,
        "person",
        c.name,
        title=title,
        native_name=native,
        aliases=list(dict.fromkeys(a for a in aliases if a != name)),
        role=f"{c.adj} {title}",
        short=short,
    )


def make_dialogues(rng, n):
    weighted = Zipf(COUNTRY_LIST, s=0, boost=[c.weight**0.7 for c in COUNTRY_LIST])
    kinds = Zipf([k for k, _ in DIALOGUE_TYPES], s=0, boost=[w for _, w in DIALOGUE_TYPES])
    out, seen = [], set()
    while len(out) < n:
        a, b = weighted(rng), weighted(rng)
        if a is b:
            continue
        kind = kinds(rng)
        key = (frozenset((a.name, b.name)), kind)
        if key in seen:
            continue
        seen.add(key)
        # Names put the bigger party first, the way each side's press usually does.
        if a.weight < b.weight:
            a, b = b, a
        name = f"{a.short}-{b.short} {kind}"
        established = rng.randint(1996, 2019)
        aliases = [
            f"{b.short}-{a.short} {kind}",
            f"{a.adj}-{b.adj} {kind.lower()}",
            kind.lower(),
        ]
        out.append(SDialogue(PREFIX + slugify(name), name, (a, b), established, kind, aliases))
    return out


def make_rounds(dialogues, speakers, rng_for, phrase):
    persons = {}
    for s in speakers:
        if s.kind == "person":
            persons.setdefault(s.country, []).append(s.slug)
    out = []
    for d in dialogues:
        # One stream per dialogue, so a bigger cast keeps the rounds a smaller one had.
        rng = rng_for(f"rounds:{d.slug}")
        chair_rng = rng_for(f"chairs:{d.slug}")
        ordinal = 0
        known = rng.random() < 0.8  # some dialogues never number their rounds
        year = d.established
        a, b = d.parties
        while year <= 2025:
            if rng.random() < 0.8:  # and some years they do not meet
                ordinal += 1
                start = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(14, 340))
                end = start + dt.timedelta(days=rng.choice((0, 1, 1, 1, 2)))
                host = (a, b)[ordinal % 2]
                location = host.capital if rng.random() < 0.8 else host.city
                chairs = [chair_rng.choice(persons[p.name]) for p in (a, b) if persons.get(p.name)]
                out.append(
                    SRound(
                        slug=f"{d.slug}-{start.isoformat()}",
                        dialogue=d,
                        ordinal=ordinal if known and rng.random() < 0.9 else None,
                        location=location,
                        start=start,
                        end=end,
                        co_chairs=chairs,
                        summary=(
                            f"Held in {location}. The two sides discussed "
                            f"{phrase(rng)} and {phrase(rng)}."
                        ),
                    )
                )
            year += 1 if rng.random() < 0.85 else 2
    return out
