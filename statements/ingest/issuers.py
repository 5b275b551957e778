"""Government texts: the ministry, department or mission that issued a press release, media
note, readout, statement or transcript, read from its page furniture, title and lead.

A government's own page rarely names itself as a newspaper names itself in a byline; what
it gives is its furniture ("Media Note", "Office of the Spokesperson", "Press Center", an
embassy's "Mission Headlines") and an official whose office issues the text ("Statement
from Treasury Secretary …", "Foreign Secretary hosts …", "Wang Yi Talks about …").
"""

import datetime as dt
import re

from statements.ingest.names.countries import (
    ADJ_RX,
    ADJ_TO_COUNTRY,
    CAPITAL_TO_COUNTRY,
    COUNTRY_ADJ,
    NOUN_RX,
    NOUN_TO_COUNTRY,
    most_named_country,
)

# The official names of foreign ministries, where the archive has none of its own.
FOREIGN_MINISTRY = {
    "United States": "U.S. Department of State",
    "China": "Ministry of Foreign Affairs of the People's Republic of China",
    "Japan": "Ministry of Foreign Affairs of Japan",
    "India": "Ministry of External Affairs",
    "Russia": "Ministry of Foreign Affairs of the Russian Federation",
    "South Korea": "Ministry of Foreign Affairs of the Republic of Korea",
    "North Korea": "Ministry of Foreign Affairs of the Democratic People's Republic of Korea",
    "Australia": "Department of Foreign Affairs and Trade",
    "Canada": "Global Affairs Canada",
    "Germany": "Federal Foreign Office",
    "France": "Ministry for Europe and Foreign Affairs",
    "European Union": "European External Action Service",
}
# The formal names a mission's or embassy's own name uses
FORMAL = {
    "China": "the People's Republic of China",
    "United States": "the United States of America",
    "European Union": "the European Union",
    "United Kingdom": "the United Kingdom",
    "Russia": "the Russian Federation",
    "South Korea": "the Republic of Korea",
    "United Nations": "the United Nations",
}


def foreign_ministry(country, published=None):
    if country == "United Kingdom":
        # renamed when it merged with the Department for International Development
        merged = published is None or published >= dt.date(2020, 9, 2)
        return (
            "Foreign, Commonwealth & Development Office"
            if merged
            else "Foreign and Commonwealth Office"
        )
    return FOREIGN_MINISTRY.get(country, "")


# Offices that only one government has: (pattern, country, issuer or None for its foreign
# ministry)
OFFICES = [
    # (a British "Secretary of State for Trade" is not the American one; an American
    # "Assistant Secretary of State for Labor" is)
    (r"\b(?:Assistant|Under|Deputy)\s+Secretary of State\b", "United States", None),
    (r"\bSecretary of State\b(?!\s+for\s+[A-Z])", "United States", None),
    (
        r"\bTreasury Secretary\b|\bSecretary of the Treasury\b|\bTreasury Department\b",
        "United States",
        "U.S. Department of the Treasury",
    ),
    (r"\bForeign Secretary\b", "United Kingdom", None),
    (r"\bState Council+or\b", "China", None),
]
FOREIGN_ROLE = re.compile(
    rf"(?:\b({ADJ_RX})\s+)?(?:Foreign Minister|Minister (?:for|of) (?:Foreign|External) Affairs|"
    r"Foreign Ministry(?:'s)? [Ss]pokes(?:person|man|woman)|External Affairs Minister)\b"
)
# The furniture of a government's own page
GOV_SECTION = re.compile(
    r"^(?:press releases?|news stor(?:y|ies)|news releases?|media notes?|readouts?|statements?|"
    r"press statements?|speech(?:es)?|press (?:center|centre|room|office)|newsroom|"
    r"media (?:center|centre|room)|briefing room)$",
    re.I,
)
GOV_TEXT = re.compile(
    r"^\(?begin text\)?:?$|^following is the text of\b|^below is (?:a|the) (?:joint )?"
    r"(?:statement|text)\b|^joint (?:press )?(?:statement|declaration|communiqu[eé])$|"
    r"^(?:text|transcript)\s*:",
    re.I,
)
# "Wang Yi Talks about …", "Secretary Blinken Meets …", "Statement from Treasury Secretary …"
READOUT_TITLE = re.compile(
    r"^(?:(?:statement|remarks|readout)\s+(?:from|by|of)\s+|(?:[A-Z][\w.'’-]*\s+){1,5}"
    r"(?:Talks|Meets|Holds|Hosts|Attends|Visits|Calls|Speaks|Delivers|Addresses|Receives|"
    r"Gives|Co-chairs|Chairs|Has)\b)"
)
SPOKESPERSON_OFFICE = re.compile(
    r"\bOffice of the\s+Spokes(?:person|man)\b|"
    r"\bDepartment\s+(?:Press Briefing|Spokes(?:person|man))\b"
)
# "the Chinese Mission to the EU", "the U.S. Embassy in Beijing"
MISSION = re.compile(
    rf"\b(?:the\s+)?({ADJ_RX})\s+(Mission|Embassy|Permanent Mission)\s+(?:to|in)\s+(?:the\s+)?"
    r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})"
)
# "Foreign Ministry Spokesperson <Name>'s Regular Press Conference on <date>", "Spokesman's Remarks"
BRIEFING_TITLE = re.compile(
    r"\bSpokes(?:person|man|woman)\b.*\b(?:Press Conference|Press Briefing|Briefing|Remarks)\b"
)
EMBASSY_LINE = re.compile(rf"^(?:the\s+)?({ADJ_RX})\s+Embassy\b")
RELATIONS = re.compile(r"^([A-Z][\w.]+)-([A-Z][\w.]+)\s+Relations$")


def place_country(lines):
    for line in lines:
        place = re.split(r",", line)[0].strip().lower()
        if place in CAPITAL_TO_COUNTRY and len(line.split()) <= 4:
            return CAPITAL_TO_COUNTRY[place]
    return ""


def government_issuer(title, lead, dropped, published, gazetteer):
    """The issuer of a government's own text, or "" when the page is not one. ``lead`` is
    the first paragraphs of the body."""
    head = lead[:3]
    sections = [line for kind, line in dropped if kind in {"section", "navigation"}]
    header = " ".join(line for kind, line in dropped if kind in {"navigation", "date", "source"})
    crumbs = " ".join(line for kind, line in dropped if kind == "navigation")
    # A mission's or embassy's own site ("Home > Mission Headlines")
    if re.search(r"\b(?:Mission|Embassy)\b", crumbs):
        for text in [title, *head]:
            m = MISSION.search(text)
            if m:
                home = ADJ_TO_COUNTRY.get(m.group(1).lower(), "")
                host = m.group(3)
                host = NOUN_TO_COUNTRY.get(host.lower(), host)
                kind = "Permanent Mission" if m.group(2) == "Permanent Mission" else m.group(2)
                prep = "in" if kind == "Embassy" else "to"
                return known(
                    f"{kind} of {FORMAL.get(home, home)} {prep} {FORMAL.get(host, host)}",
                    gazetteer,
                )
    # "Office of the Spokesperson / Washington, DC", "Department Press Briefing"
    lines = [line for kind, line in dropped] + head
    head_lines = [p for p in lead[:8] if len(p.split()) <= 6 and not p.endswith(".")]
    if SPOKESPERSON_OFFICE.search(" ".join([header, title, *head[:3]])):
        country = place_country(lines)
        if country:
            return known(foreign_ministry(country, published), gazetteer)
    # "U.S. Embassy Beijing" in a transcript's header: the embassy's foreign ministry
    for p in head_lines:
        m = EMBASSY_LINE.match(p)
        if m:
            return known(foreign_ministry(ADJ_TO_COUNTRY[m.group(1).lower()], published), gazetteer)
    is_gov = (
        any(GOV_SECTION.match(s) for s in sections)
        or any(GOV_TEXT.search(p) for p in [*head, *(line for _k, line in dropped)])
        or READOUT_TITLE.match(title or "")
        or BRIEFING_TITLE.search(title or "")
    )
    if not is_gov:
        return ""
    # "Japan-China Relations" over a joint statement: the first country's ministry
    for line in [*sections, *head[:3]]:
        m = RELATIONS.match(line)
        if m:
            country = NOUN_TO_COUNTRY.get(m.group(1).lower(), "")
            if country:
                return known(foreign_ministry(country, published), gazetteer)
    for text in [title or "", *head[:3]]:
        for pattern, country, issuer in OFFICES:
            if re.search(pattern, text):
                # "India's Foreign Secretary", "Indian Foreign Secretary": another country's
                everywhere = " ".join([title or "", *head])
                qualified = re.search(rf"\b({ADJ_RX}|{NOUN_RX})(?:['’]s)?\s+{pattern}", everywhere)
                if qualified and not issuer:
                    word = qualified.group(1).lower()
                    country = ADJ_TO_COUNTRY.get(word) or NOUN_TO_COUNTRY.get(word) or country
                return known(issuer or foreign_ministry(country, published), gazetteer)
        m = FOREIGN_ROLE.search(text)
        if m:
            country = (
                ADJ_TO_COUNTRY.get((m.group(1) or "").lower())
                or home_country(text)
                or home_country(" ".join(lead))
                # a briefing's spokesperson is the transcript's to name (find_publisher)
                or ("" if BRIEFING_TITLE.search(title or "") else most_named_country(text))
            )
            if country:
                return known(foreign_ministry(country, published), gazetteer)
    return ""


def home_country(text):
    """The country a government's own text leaves unmarked: of the parties a text names
    ("China-Japan"), the one whose officials carry no nationality ("Vice Foreign Minister
    Sun and Japanese Vice Minister Mori")."""
    pairs = re.findall(r"\b([A-Z][\w.]+)-([A-Z][\w.]+)\b", text)
    marked = {
        ADJ_TO_COUNTRY[m.group(1).lower()]
        for m in COUNTRY_ADJ.finditer(text)
        if re.match(
            r"\s+(?:(?:Vice|Deputy|High|Prime|Foreign|Special)\s+)*(?:Minister|Representative|"
            r"Secretary|President|Premier|Ambassador|officials?|side|delegation|counterpart)",
            text[m.end() :],
        )
    }
    for a, b in pairs:
        parties = [NOUN_TO_COUNTRY.get(a.lower()), NOUN_TO_COUNTRY.get(b.lower())]
        if all(parties):
            home = [p for p in parties if p not in marked]
            if len(home) == 1:
                return home[0]
    return ""


def home_or_most_named(text):
    return home_country(text) or most_named_country(text)


def known(name, gazetteer):
    """The archive's own name for an issuer, where it has one (name or alias)."""
    if not name:
        return ""
    low = name.lower()
    for o in gazetteer.outlets:
        if low in {n.lower() for n in [o.name, *o.aliases]}:
            return o.name
    return name
