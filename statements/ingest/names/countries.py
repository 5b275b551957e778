"""Countries as articles name them: nouns, adjectives, capitals, and the parties a text names."""

import re
from collections import Counter

# country: (names used as nouns, adjectives/demonyms, capital used as metonym)
COUNTRIES = {
    "China": (
        ["China", "PRC", "People's Republic of China", "mainland China"],
        ["Chinese", "Sino"],
        "Beijing",
    ),
    "United States": (
        ["United States", "United States of America", "U.S.", "US", "USA", "U.S.A.", "America"],
        ["U.S.", "US", "American"],
        "Washington",
    ),
    "Japan": (["Japan"], ["Japanese"], "Tokyo"),
    "India": (["India"], ["Indian"], "New Delhi"),
    "United Kingdom": (
        ["United Kingdom", "Britain", "Great Britain", "UK", "U.K."],
        ["British", "UK", "U.K."],
        "London",
    ),
    "Germany": (["Germany"], ["German"], "Berlin"),
    "France": (["France"], ["French"], "Paris"),
    "Russia": (["Russia", "Russian Federation"], ["Russian"], "Moscow"),
    "European Union": (["European Union", "EU", "E.U."], ["EU", "E.U.", "European"], "Brussels"),
    "South Korea": (
        ["South Korea", "Republic of Korea", "ROK", "Korea"],  # "Korea" alone: the South
        ["South Korean", "ROK", "Korean"],
        "Seoul",
    ),
    "North Korea": (["North Korea", "DPRK"], ["North Korean", "DPRK"], "Pyongyang"),
    "Australia": (["Australia"], ["Australian"], "Canberra"),
    "Canada": (["Canada"], ["Canadian"], "Ottawa"),
    "Italy": (["Italy"], ["Italian"], "Rome"),
    "Spain": (["Spain"], ["Spanish"], "Madrid"),
    "Netherlands": (["Netherlands", "Holland"], ["Dutch"], "The Hague"),
    "Sweden": (["Sweden"], ["Swedish"], "Stockholm"),
    "Norway": (["Norway"], ["Norwegian"], "Oslo"),
    "Denmark": (["Denmark"], ["Danish"], "Copenhagen"),
    "Finland": (["Finland"], ["Finnish"], "Helsinki"),
    "Switzerland": (["Switzerland"], ["Swiss"], "Bern"),
    "Austria": (["Austria"], ["Austrian"], "Vienna"),
    "Belgium": (["Belgium"], ["Belgian"], ""),
    "Poland": (["Poland"], ["Polish"], "Warsaw"),
    "Ireland": (["Ireland"], ["Irish"], "Dublin"),
    "Greece": (["Greece"], ["Greek"], "Athens"),
    "Portugal": (["Portugal"], ["Portuguese"], "Lisbon"),
    "Ukraine": (["Ukraine"], ["Ukrainian"], "Kyiv"),
    "Turkey": (["Turkey", "Turkiye"], ["Turkish"], "Ankara"),
    "Iran": (["Iran"], ["Iranian"], "Tehran"),
    "Israel": (["Israel"], ["Israeli"], ""),
    "Saudi Arabia": (["Saudi Arabia"], ["Saudi"], "Riyadh"),
    "Egypt": (["Egypt"], ["Egyptian"], "Cairo"),
    "Pakistan": (["Pakistan"], ["Pakistani"], "Islamabad"),
    "Afghanistan": (["Afghanistan"], ["Afghan"], "Kabul"),
    "Vietnam": (["Vietnam", "Viet Nam"], ["Vietnamese"], "Hanoi"),
    "Philippines": (["Philippines"], ["Philippine", "Filipino"], "Manila"),
    "Indonesia": (["Indonesia"], ["Indonesian"], "Jakarta"),
    "Malaysia": (["Malaysia"], ["Malaysian"], "Kuala Lumpur"),
    "Singapore": (["Singapore"], ["Singaporean"], ""),
    "Thailand": (["Thailand"], ["Thai"], "Bangkok"),
    "Myanmar": (["Myanmar", "Burma"], ["Myanmar", "Burmese"], ""),
    "Mongolia": (["Mongolia"], ["Mongolian"], "Ulan Bator"),
    "Kazakhstan": (["Kazakhstan"], ["Kazakh"], "Astana"),
    "Brazil": (["Brazil"], ["Brazilian"], "Brasilia"),
    "Mexico": (["Mexico"], ["Mexican"], "Mexico City"),
    "Argentina": (["Argentina"], ["Argentine", "Argentinian"], "Buenos Aires"),
    "Cuba": (["Cuba"], ["Cuban"], "Havana"),
    "South Africa": (["South Africa"], ["South African"], "Pretoria"),
    "Nigeria": (["Nigeria"], ["Nigerian"], "Abuja"),
    "Kenya": (["Kenya"], ["Kenyan"], "Nairobi"),
    "New Zealand": (["New Zealand"], ["New Zealand"], "Wellington"),
    "Iraq": (["Iraq"], ["Iraqi"], "Baghdad"),
    "Syria": (["Syria"], ["Syrian"], "Damascus"),
    "United Nations": (["United Nations", "UN", "U.N."], ["UN", "U.N."], ""),
    "ASEAN": (["ASEAN", "Association of Southeast Asian Nations"], ["ASEAN"], ""),
}

UNIONS = {"United Nations", "ASEAN", "European Union"}
NOUN_TO_COUNTRY = {}
ADJ_TO_COUNTRY = {}
CAPITAL_TO_COUNTRY = {}
for _country, (_nouns, _adjs, _capital) in COUNTRIES.items():
    for _n in _nouns:
        NOUN_TO_COUNTRY[_n.lower()] = _country
    for _a in _adjs:
        ADJ_TO_COUNTRY[_a.lower()] = _country
    if _capital:
        CAPITAL_TO_COUNTRY[_capital.lower()] = _country
DEMONYM_ADJ = {c: adjs[0] for c, (_n, adjs, _cap) in COUNTRIES.items()}
DEMONYM_ADJ["United States"] = "U.S."
DEMONYM_ADJ["European Union"] = "EU"

# Case matters: "US" is a country, "us" is not.
_ADJS = {a for _n, adjs, _c in COUNTRIES.values() for a in adjs}
_NOUNS = {n for nouns, _a, _c in COUNTRIES.values() for n in nouns}
ADJ_RX = "|".join(sorted((re.escape(a) for a in _ADJS), key=len, reverse=True))
NOUN_RX = "|".join(sorted((re.escape(n) for n in _NOUNS), key=len, reverse=True))
COUNTRY_NOUN = re.compile(rf"(?<![\w.])(?:(?i:the)\s+)?({NOUN_RX})(?![\w])")
COUNTRY_ADJ = re.compile(rf"(?<![\w.])({ADJ_RX})(?![\w])")


def country_of(text):
    """The first country named in ``text`` by demonym or name, else ""."""
    m = COUNTRY_ADJ.search(text)
    n = COUNTRY_NOUN.search(text)
    hits = [x for x in (m, n) if x]
    if not hits:
        return ""
    first = min(hits, key=lambda x: x.start())
    word = first.group(1).lower()
    return ADJ_TO_COUNTRY.get(word) or NOUN_TO_COUNTRY.get(word, "")


def parties_in(text):
    """Every country named in ``text`` (names, demonyms, "Sino-", capitals as metonyms)."""
    found = set()
    for m in COUNTRY_ADJ.finditer(text):
        found.add(ADJ_TO_COUNTRY[m.group(1).lower()])
    for m in COUNTRY_NOUN.finditer(text):
        found.add(NOUN_TO_COUNTRY[m.group(1).lower()])
    return found


def most_named_country(text):
    counts = Counter()
    for m in COUNTRY_NOUN.finditer(text):
        counts[NOUN_TO_COUNTRY[m.group(1).lower()]] += 1
    for m in COUNTRY_ADJ.finditer(text):
        counts[ADJ_TO_COUNTRY[m.group(1).lower()]] += 1
    return counts.most_common(1)[0][0] if counts else ""


FLAG = re.compile(
    rf"^(?:(?i:the|his|her|its|their|a|an)\s+)?(?:(?i:former|then|acting|senior|top)\s+)?"
    rf"(?:({ADJ_RX})|({NOUN_RX})['’]s)(?![\w])"
)


def flag_of(role):
    """The country a role opens with ("Chinese Vice Premier", "India's envoy"), else "": a
    country named further on ("director of the European department") is no flag."""
    m = FLAG.match(role.strip())
    if not m:
        return ""
    return ADJ_TO_COUNTRY.get((m.group(1) or "").lower()) or NOUN_TO_COUNTRY.get(
        (m.group(2) or "").lower(), ""
    )


_UNIT_OF = re.compile(
    rf"(?<![\w.])(?:{ADJ_RX})\s+(?i:department|affairs|desk|division|bureau|studies|programmes?|"
    r"programs?|section|unit)\b"
)


# Titles only one state gives, for roles written without a flag
TITLE_COUNTRY = (
    (re.compile(r"\bsecretary\s+of\s+state\b(?!\s+for)", re.I), "United States"),
    (
        re.compile(r"\b(?:treasury|commerce|defense|homeland\s+security)\s+secretary\b", re.I),
        "United States",
    ),
    (
        re.compile(r"\bsecretary\s+of\s+(?:the\s+treasury|commerce|defense)\b", re.I),
        "United States",
    ),
    (re.compile(r"\btrade\s+representative\b", re.I), "United States"),
    (re.compile(r"\bstate\s+council+or\b", re.I), "China"),
    (re.compile(r"\bvice[\s-]+premier\b", re.I), "China"),
    (
        re.compile(r"\bexternal\s+affairs\s+minister|minister\s+of\s+external\s+affairs\b", re.I),
        "India",
    ),
    (re.compile(r"\bchief\s+cabinet\s+secretary\b", re.I), "Japan"),
    (re.compile(r"\bunification\s+minister\b", re.I), "South Korea"),
    (re.compile(r"\bchancellor\s+of\s+the\s+exchequer\b", re.I), "United Kingdom"),
    (re.compile(r"\bhigh\s+representative\b", re.I), "European Union"),
)


def country_of_role(role):
    """Whose official a role makes someone: its flag, else a country it names, but not the
    region a department covers ("director of the European department"), else a title only
    one state gives ("Secretary of State", "State Councilor")."""
    country = flag_of(role) or country_of(_UNIT_OF.sub("", role))
    if not country:
        country = next((c for rx, c in TITLE_COUNTRY if rx.search(role)), "")
    return country
