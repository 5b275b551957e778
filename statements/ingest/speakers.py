"""Who a subject phrase names: people with titles, delegations, governments, pronouns."""

import re

from statements.ingest.lookup import norm
from statements.ingest.result import ExtractedSpeaker

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
_ADJ_RX = "|".join(sorted((re.escape(a) for a in _ADJS), key=len, reverse=True))
_NOUN_RX = "|".join(sorted((re.escape(n) for n in _NOUNS), key=len, reverse=True))
COUNTRY_NOUN = re.compile(rf"(?<![\w.])(?:(?i:the)\s+)?({_NOUN_RX})(?![\w])")
COUNTRY_ADJ = re.compile(rf"(?<![\w.])({_ADJ_RX})(?![\w])")

# A collective speaker: "the Chinese side", "the U.S. delegation", "Japan's foreign ministry"
BODY_WORDS = {
    "side": "delegation",
    "delegation": "delegation",
    "team": "delegation",
    "negotiators": "delegation",
    "government": "government",
    "authorities": "government",
    "administration": "government",
    "cabinet": "government",
    "foreign ministry": "government",
    "ministry of foreign affairs": "government",
    "state department": "government",
    "embassy": "government",
    "mission": "government",
    "leadership": "government",
}
_BODY_RX = "|".join(sorted((re.escape(b) for b in BODY_WORDS), key=len, reverse=True))
COLLECTIVE = re.compile(
    rf"^(?:(?i:the)\s+)?(?:({_ADJ_RX})|({_NOUN_RX})['’]s)\s+((?i:{_BODY_RX}))\b"
)
# Offices known by their own name, standing for their government
GOVERNMENT_BODIES = {
    "state department": "United States",
    "department of state": "United States",
    "white house": "United States",
    "kremlin": "Russia",
    "foreign office": "United Kingdom",
    "downing street": "United Kingdom",
    "external affairs ministry": "India",
    "ministry of external affairs": "India",
    "zhongnanhai": "China",
    "pentagon": "United States",
    "ustr": "United States",
    # foreign ministries known by their own short names
    "mea": "India",
    "fcdo": "United Kingdom",
    "fco": "United Kingdom",
    "foreign, commonwealth and development office": "United Kingdom",
    "foreign, commonwealth & development office": "United Kingdom",
    "dfat": "Australia",
    "global affairs canada": "Canada",
    "quai d'orsay": "France",
    "federal foreign office": "Germany",
    "eeas": "European Union",
    "european external action service": "European Union",
    "elysee": "France",
    "élysée": "France",
}
_OFFICE_RX = (
    r"(?i:ministry|office|department|presidency|embassy|mission|secretariat|chancellery|"
    r"consulate)"
)
FLAGGED_OFFICE = re.compile(
    rf"^(?:(?i:the)\s+)?(?:({_ADJ_RX})|({_NOUN_RX})['’]s)\s+(?:[A-Z][\w&-]*\s+){{0,4}}"
    rf"{_OFFICE_RX}(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w&-]*)*)?"
    rf"(?:\s+(?i:spokes(?:person|man|woman)|official|officials))?$"
)
OFFICE_OF = re.compile(
    rf"^(?:(?i:the)\s+)?{_OFFICE_RX}\s+(?:of|for)\s+[\w\s&,'’-]{{2,60}}?\s+of\s+(?:the\s+)?"
    rf"()({_NOUN_RX})$"
)
OFFICIALS = re.compile(
    rf"^(?:(?i:the)\s+)?(?:(?i:senior|top)\s+)?({_ADJ_RX})\s+(?i:government\s+)?"
    r"(?i:officials|diplomats|sources|authorities)$"
)
UNFLAGGED_OFFICE = re.compile(
    r"(?:foreign|external affairs) ministry|ministry of foreign affairs|embassy"
)
# Both parties speaking together: "both sides", "the two delegations", "the ministers"
BOTH = re.compile(
    r"^(?:both|the\s+two|the)\s+(sides|countries|delegations|governments|ministers|leaders|"
    r"parties|nations|foreign\s+ministers|special\s+representatives|(?:chief\s+)?negotiators|"
    r"teams|envoys)\b",
    re.I,
)
DOCUMENT = (
    r"(?:joint\s+)?(?:statement|communique|communiqué|press\s+release|report|readout|declaration"
    r"|transcript|media\s+note|summary|account|record|minutes)"
)
FROM_DOCUMENT = re.compile(
    rf"^(?:a|an|the)\s+(?:[\w.'’-]+\s+){{0,3}}?{DOCUMENT}\s+(?:\w+\s+)?(?:from|by|of|issued\s+by|"
    rf"released\s+by|published\s+by|posted\s+(?:on|by))\s+(.+)$",
    re.I,
)
THE_DOCUMENT = re.compile(
    rf"^(?:the|this|that|a|an)\s+((?:[\w.'’-]+\s+){{0,3}}?){DOCUMENT}\b.*$", re.I
)
OWNED_DOCUMENT = re.compile(rf"^(.+?)['’]s\s+{DOCUMENT}$", re.I)
# A news organisation named by what it is: "state broadcaster CCTV", "the Asahi newspaper"
_MEDIA_KIND = (
    r"(?:broadcaster|television|TV|radio|news\s+agency|newswire|wire\s+service|newspaper|"
    r"daily|tabloid|news\s+outlet|media\s+outlet|news\s+website|channel)"
)
_MEDIA_NAME = r"[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}"
MEDIA_PHRASE = re.compile(
    rf"^(?:(?i:the)\s+)?(?:(?i:[\w-]+\s+){{0,3}}){_MEDIA_KIND}\s+({_MEDIA_NAME})$"
    rf"|^(?:(?i:the)\s+)?(?:(?:official|state|state-run|state-owned|government-run)\s+)?"
    rf"({_MEDIA_NAME})\s+(?:{_MEDIA_KIND})$"
)
# A paper's own name usually says what it is: "The Coastal Times", "Kyodo News"
MEDIA_NAME = re.compile(
    r"^(?:(?i:the)\s+)?((?:[A-Z][\w'’&.-]*\s+){0,3}(?:News|Times|Daily|Post|Herald|Journal|"
    r"Gazette|Tribune|Courier|Ledger|Sentinel|Chronicle|Observer|Review|Agency|Wire|Telegraph|"
    r"Guardian|Examiner|Standard|Express|Mirror|Mail|Monitor|Bulletin|Broadcasting|Radio|TV))$"
    r"()"
)
# Paper words that are also surnames: "Mark Post", "Jane Standard"
SURNAME_LIKE = {"Post", "Mail", "Standard", "Express", "Mirror", "Monitor", "Bulletin", "Wire"}
PRONOUNS = {"he": "person", "she": "person", "it": "body", "they": "group"}
HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Rep|Gov|Gen|Adm|Amb)\.?\s+")

# Words that make up a role ("Vice Foreign Minister"); a name is what follows them.
_ROLE_WORDS = """
    vice deputy foreign minister ministers prime president premier secretary state of for the
    and spokesperson spokesman spokeswoman spokespeople ambassador envoy special
    representative chancellor councilor councillor chairman chairwoman chair commissioner high
    assistant under undersecretary under-secretary director director-general general head
    chief senior official treasury defense defence trade commerce finance home interior
    justice affairs external human rights ministry department office senator sen. rep.
    congressman congresswoman governor mayor king queen prince princess emperor pope leader
    member parliament mp lawmaker professor prof. dr. mr. mrs. ms. acting permanent executive
    party secretary-general united nations commission council parliamentary cabinet attorney
    policy security national public information press international organizations conferences
    bureau agency spokesman's former then top senior labor labour democracy economic economy
    development relations political counselor counsellor consul consul-general
    minister-counselor charge d'affaires chargé chief-of-staff staff advisor adviser coordinator
    negotiator delegate delegation leader justice court supreme navy army military defense air
    force admiral colonel lieutenant commander sergeant captain major field marshal general
    secretary party's central committee standing politburo european eu u.n. un nato asean g20
    g7 white house house representatives speaker ruling opposition communist democratic
    republican democrat labour conservative liberal exchequer homeland energy environment
    agriculture
    education health culture transport industry science technology overseas counterpart
    planning strategy operations communications coordination cooperation investment bureau
    division unification veterans immigration intelligence protocol legal consular
"""
ROLE_WORDS = set(_ROLE_WORDS.split())
NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.|[A-Z][a-z]*\.?|(?:de|van|von|bin|al|el|der|da|di|le|la)|al-\w+)$"
)
_NOT_NAMES = """
    Critics Activists Lawmakers Diplomats Residents Witnesses Protesters Investors Economists
    Scholars Commentators Campaigners Police Authorities Leaders Members The A An It This That
    These Those He She They We I Its Their His Her Both Each Every All Some Many Most No One
    Two Three Officials Analysts Experts Observers Sources Meanwhile However But And Also
    Still Yet Then Earlier Later Today Yesterday How What Why When Where Who Which Do Does Did
    Can Could Will Would Are Is Was Were Thank Thanks Yes Q A Question Answer
"""
NOT_NAMES = set(_NOT_NAMES.split())
# Jobs that are no title but say who someone is
ROLE_NOUNS = {
    "economist",
    "analyst",
    "researcher",
    "scholar",
    "expert",
    "lawmaker",
    "activist",
    "lawyer",
    "professor",
    "director",
    "adviser",
    "advisor",
    "fellow",
    "editor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chancellor",
    "exchequer",
    "mayor",
}
GENERIC_ROLES = {
    "delegate",
    "official",
    "diplomat",
    "envoy",
    "minister",
    "chief",
    "head",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "negotiator",
    "counterpart",
    "host",
    "visitor",
    "guest",
    "premier",
    "president",
}
_ORG = """Ministry Department Dialogue Conference Council Commission Institute University Sea Law
    Court Office Bureau Agency House Party Committee Bank Fund Organization Organisation Nations
    Union Forum Summit Meeting Talks Initiative Agreement Treaty Procedure Stock Connect Road Belt
    Strait City Region Province Post Times Daily News Press Online Service Studies Regional Act
    Prize Peace Nobel Cold War Supreme Federal Senate Congress Parliament Embassy Center Centre
    Group Association Society Foundation Company Corporation Street Square Hall Palace Airport
    Security Strategic Economic Financial Human Rights Watch Amnesty International Channel
    Administration Government Republic Kingdom States Asia Pacific Europe Africa America Middle
    East West North South Island Islands Mountains River Lake Station Province Communist Games
    Olympic Olympics Cup Expo Year Day Week Month Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November December
    Reuters Xinhua Associated AP AFP"""
ORG_WORDS = set(_ORG.split())
NOT_NAME_WORDS = {"internet", "twitter", "facebook", "covid-19"}
CAPITALISED_RUN = re.compile(
    r"(?<![\w'’.-])((?:[A-Z]\.|[A-Z][\w'’-]*)(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]*|(?:de|van|von|bin|al)"
    r"(?=\s+[A-Z])))*)(?![\w-])"
)
PERSON_MENTION = re.compile(
    r"(?<![\w.'’-])((?:[A-Z][a-z]+(?:['’][A-Z][a-z]+|-[A-Za-z][a-z]+)*|[A-Z]\.)"
    r"(?:\s+(?:[A-Z][a-z]+(?:['’][A-Z][a-z]+|-[A-Za-z][a-z]+)*|[A-Z]\.)){1,2})(?![\w-])"
)


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


def strip_country(role):
    """ "Chinese Vice Foreign Minister" → "Vice Foreign Minister" (the title without the flag)."""
    role = re.sub(r"^(?:his|her|its|their|a|an|the)\s+", "", role.strip(), flags=re.I)
    out = COUNTRY_ADJ.sub("", role, count=1)
    out = re.sub(r"^[\w.]+['’]s\s+", "", out) if re.match(rf"^(?:{_NOUN_RX})['’]s\s", out) else out
    return re.sub(r"\s{2,}", " ", out).strip(" ,")


def split_role_name(phrase):
    """ "Chinese Vice Foreign Minister Cui Tiankai" → (role, name); name is the trailing run of
    capitalised words that are not role words. Returns ("", "") when there is no name."""
    tokens = phrase.split()
    i = len(tokens)
    while (
        i > 0
        and NAME_TOKEN.match(tokens[i - 1])
        and tokens[i - 1].lower() not in ROLE_WORDS | ROLE_NOUNS  # "Economist Paul Grant"
    ):
        i -= 1
    name_tokens = tokens[i:]
    # Lower-case particles may sit inside a name, never at its start.
    while name_tokens and name_tokens[0][0].islower():
        name_tokens = name_tokens[1:]
        i += 1
    if not name_tokens or name_tokens[0] in NOT_NAMES:
        return "", ""
    if any(t.lower() in NOUN_TO_COUNTRY or t.lower() in ADJ_TO_COUNTRY for t in name_tokens):
        return "", ""
    if any(t.strip(".,") in ORG_WORDS for t in name_tokens):
        return "", ""
    role = " ".join(tokens[:i]).strip(" ,")
    if role.lower() in {"the", "a", "an"}:
        role = ""
    return role, " ".join(name_tokens)


def role_suffix(text):
    """The end of ``text`` that reads as a role: "hosted Chancellor of the" → "Chancellor of
    the"; "told his Japanese counterpart" → "his Japanese counterpart"."""
    words = text.split()
    i = len(words)
    while i > 0:
        w = words[i - 1].lower().strip(",")
        roleish = w in ROLE_WORDS or w in ADJ_TO_COUNTRY or w in GENERIC_ROLES or w in ROLE_NOUNS
        possessive = w in {"his", "her", "its", "their"}
        if roleish or possessive or words[i - 1][:1].isupper() and w not in {"said", "says"}:
            i -= 1
        else:
            break
    role = " ".join(words[i:]).strip(" ,")
    role = re.sub(r"(?:\s+(?:of|the|for|and))+$", "", role)
    return role if is_role(role) else ""


def is_role(text):
    """Whether ``text`` names an office ("U.S. assistant secretary of state", "an economist at
    the Tokyo Institute"), not a clause ("that Seoul wanted ...")."""
    words = [w.lower().strip(",.") for w in text.split()]
    if not words or words[0] in {
        "that",
        "who",
        "which",
        "and",
        "but",
        "said",
        "says",
        "including",
        "such",
    }:
        return False
    words = [w for w in words if w not in {"the", "of", "for", "and", "a", "an"}]
    return any(w in ROLE_WORDS or w in GENERIC_ROLES or w in ROLE_NOUNS for w in words)


class SpeakerBook:
    """The speakers of one article: resolves each subject phrase against what was already
    said in the article, then against the gazetteer, else makes a new speaker."""

    def __init__(self, gazetteer):
        self.gazetteer = gazetteer
        self.speakers = []  # ExtractedSpeaker, in order of first mention
        self.roles = {}  # name → role as first written
        self.recent = []  # names, most recent last
        self.last_document_source = None
        self.parties = set()  # the two parties the article is about, for "both sides"
        self.home = ""  # the outlet's country: whose "Foreign Ministry" an unflagged one is
        self.position = 0  # where in the body the sentence being read starts
        self.seen = {}  # speaker name → where it was last attributed
        self.mentioned = []  # (name, role, offset) of people named in the article
        self.body = ""  # the article, for how it refers to people (gender)

    # --- bookkeeping -------------------------------------------------------------------
    def get(self, name):
        for s in self.speakers:
            if s.name == name:
                return s
        return None

    def add(self, speaker, role=""):
        existing = self.get(speaker.name)
        if existing is None:
            self.speakers.append(speaker)
            existing = speaker
        elif not existing.title and speaker.title:
            existing.title = speaker.title
        if not existing.country and speaker.country:
            existing.country = speaker.country
        if role and not self.roles.get(existing.name):
            self.roles[existing.name] = role
        return existing

    def touch(self, name):
        if name in self.recent:
            self.recent.remove(name)
        self.recent.append(name)
        self.seen[name] = self.position

    def role(self, name):
        return self.roles.get(name, "")

    # --- the gazetteer ------------------------------------------------------------------
    def known(self, phrase):
        """A gazetteer speaker named exactly by ``phrase`` (name, alias or native name)."""
        key = norm(phrase)
        if not key:
            return None
        for k in self.gazetteer.index().speaker_by_norm.get(key):
            names = [k.name, k.native_name, *k.aliases]
            if any(n and norm(n) == key for n in names):
                return k
        return None

    def known_person_in(self, phrase):
        """A gazetteer person whose name or alias ends ``phrase`` (after a role) or is
        followed by their native name in brackets; returns (known, role) or (None, "")."""
        low = phrase.lower()
        # Only persons with a name that ends the phrase, or a native name it may hold
        for k in self.gazetteer.index().person_candidates(phrase):
            if k.kind != "person":
                continue
            for n in [k.name, *k.aliases]:
                if n and (low == n.lower() or low.endswith(" " + n.lower())):
                    return k, phrase[: len(phrase) - len(n)].strip(" ,")
            if k.native_name and k.native_name in phrase:
                return k, ""
        return None, ""

    def from_known(self, k, role=""):
        speaker = ExtractedSpeaker(
            name=k.name,
            title=k.title,
            country=k.country,
            kind=k.kind,
            native_name=k.native_name,
            aliases=list(k.aliases),
            known=True,
        )
        return self.add(speaker, role)

    # --- resolution ---------------------------------------------------------------------
    def resolve(self, phrase, *, remember=True):
        """The speaker (ExtractedSpeaker) ``phrase`` names, or None if it names no speaker."""
        speaker = self._resolve(clean_phrase(phrase))
        if speaker is not None and remember:
            self.touch(speaker.name)
        return speaker

    def _resolve(self, phrase):
        if not phrase or len(phrase) > 160:
            return None
        low = phrase.lower()
        if low in PRONOUNS:
            return self.pronoun(PRONOUNS[low], {"he": "m", "she": "f"}.get(low, ""))
        joint = self.joint(phrase)
        if joint is not None:
            return joint
        appositive = self.appositive(phrase)
        if appositive is not None:
            return appositive
        m = FROM_DOCUMENT.match(phrase)
        if m:
            source = self._resolve(clean_phrase(m.group(1)))
            if source is not None:
                self.last_document_source = source.name
            return source
        m = re.match(r"^(.+?)['’]s\s+(?:press\s+)?office$", phrase)
        if m:
            # "Dale's office said": the office speaks for the person (a ministry's office, for
            # its government)
            return self._resolve(clean_phrase(m.group(1)))
        m = OWNED_DOCUMENT.match(phrase)
        if m:
            source = self._resolve(clean_phrase(m.group(1)))
            if source is not None:
                self.last_document_source = source.name
            return source
        m = THE_DOCUMENT.match(phrase)
        if m:
            # "a U.S. embassy statement": its owner by the flag it carries, else the latest
            country = country_of(m.group(1))
            if country:
                source = self.government(COUNTRIES[country][0][0])
                self.last_document_source = source.name
                return source
            if self.last_document_source:
                return self.get(self.last_document_source)
            return None
        k = self.known(phrase)
        if k is not None:
            return self.from_known(k)
        collective = self.collective(phrase)
        if collective is not None:
            return collective
        m = OFFICIALS.match(phrase)
        if m:
            # "Japanese officials said": unnamed officials speak for their government
            country = ADJ_TO_COUNTRY.get(m.group(1).lower())
            return self.government(COUNTRIES[country][0][0]) if country else None
        government = self.government(phrase)
        if government is not None:
            return government
        outlet = self.outlet(phrase)  # after governments: a ministry may also publish
        if outlet is not None:
            return outlet
        return self.person(phrase)

    def outlet(self, phrase):
        """ "state broadcaster CCTV", "the Kestrel Times newspaper", a gazetteer outlet: a
        news organisation speaks (or relays) under its own name."""
        m = MEDIA_PHRASE.match(phrase) or MEDIA_NAME.match(phrase)
        name = (m.group(1) or m.group(2)) if m else ""
        words = name.split()
        if len(words) == 2 and words[-1] in SURNAME_LIKE and not phrase.lower().startswith("the "):
            name = ""  # "Mark Post said": a person, unless "The … Post"
        index = self.gazetteer.index()
        if not name:
            low = norm(phrase)
            for o in index.outlet_by_norm.get(low):  # the last that fits
                if any(norm(n) == low for n in [o.name, *o.aliases] if n):
                    name = o.name
        if not name:
            return None
        for k in index.outlet_speaker_by_norm.get(norm(name)):
            if k.kind == "outlet" and norm(name) in {norm(n) for n in [k.name, *k.aliases]}:
                return self.from_known(k)
        for o in index.outlet_by_norm.get(norm(name)):
            if norm(name) in {norm(n) for n in [o.name, *o.aliases] if n}:
                return self.add(ExtractedSpeaker(name=o.name, kind="outlet", country=o.country))
        return self.add(ExtractedSpeaker(name=name.strip(), kind="outlet"))

    def joint(self, phrase):
        """Both parties at once: "both sides" → "Chinese and U.S. delegations"; "Japan and
        China" → "Chinese and Japanese governments"."""
        if phrase.lower() in {"both", "the two", "the pair"}:
            phrase = "both sides"  # "Both agreed to …": the two parties the article is about
        m = BOTH.match(phrase)
        countries = []
        if (
            m
            and phrase[m.end() :].strip()
            and not re.match(r"\s+(?:of|to|at|in|from)\b", phrase[m.end() :])
        ):
            return None  # "both sides found the talks useful and": a clause, not a speaker
        if m:
            noun = re.sub(r"\s+", " ", m.group(1).lower())
            # The people at the table speak for their delegations.
            delegates = {"negotiators", "chief negotiators", "teams", "envoys"}
            if noun in {"sides", "delegations", "special representatives"} | delegates:
                kind = "delegation"
            elif noun == "parties" and not phrase.lower().startswith(("both", "the two")):
                return None
            else:
                kind = "government"
            # "the ministers" is both parties; "the countries" may be any countries
            plain_the = phrase.lower().startswith("the ") and not phrase.lower().startswith(
                "the two"
            )
            if plain_the and noun not in {
                "ministers",
                "foreign ministers",
                "special representatives",
                *delegates,
            }:
                return None
        else:
            parts = re.split(r"\s*(?:,|\band\b)\s*", re.sub(r"^both\s+", "", phrase, flags=re.I))
            parts = [p for p in parts if p]
            if len(parts) != 2:
                return None
            for p in parts:
                low = re.sub(r"^the\s+", "", p.lower())
                country = NOUN_TO_COUNTRY.get(low) or CAPITAL_TO_COUNTRY.get(low)
                country = country or self.leader_country(p)
                if not country:
                    return None
                countries.append(country)
            kind = "government"
        parties = countries or sorted(self.parties)
        if len(set(parties)) != 2:
            return self.add(ExtractedSpeaker(name="Both sides", kind=kind))
        adjectives = sorted(DEMONYM_ADJ.get(c, c) for c in set(parties))
        plural = "delegations" if kind == "delegation" else "governments"
        name = f"{adjectives[0]} and {adjectives[1]} {plural}"
        return self.add(ExtractedSpeaker(name=name, kind=kind))

    def leader_country(self, phrase):
        """ "Xi and Macron agreed": the country of a person the article has already named
        with a flag ("French President Emmanuel Macron"), so two leaders speak for their
        governments."""
        tokens = HONORIFIC.sub("", phrase.strip()).split()
        if not tokens or not tokens[-1][:1].isupper():
            return ""
        for s in self.speakers:
            if s.kind == "person" and s.country and tokens[-1] in s.name.split():
                return s.country
        for name, role, at in self.mentioned:
            if at < self.position and tokens[-1] in name.split() and country_of(role):
                return country_of(role)
        return ""

    def appositive(self, phrase):
        """ "The Chinese Embassy's spokesman, Wang Baodong": a role, then the name."""
        head, sep, rest = phrase.partition(",")
        if not sep:
            return None
        name = rest.strip(" ,")
        role, bare = split_role_name(name)
        if role or len(bare.split()) < 2 or bare != name:
            return None
        if not re.search(r"[a-z]", head) or split_role_name(head)[1]:
            return None
        return self.named(bare, head.strip(), head.strip() + " " + bare)

    def note_mentions(self, body):
        """People the article names (with their role), for a later bare surname or role."""
        self.body = body
        for m in CAPITALISED_RUN.finditer(body):
            role, name = split_role_name(m.group(1))
            name = re.sub(r"['’]s$", "", name)  # "Jo Price's interview"
            if any(t.isupper() and len(t) > 2 for t in name.split()) and not name.isupper():
                # "HAYASHI Yoshio": a surname set in capitals (Japanese and Chinese style)
                name = " ".join(
                    t.title() if t.isupper() and len(t) > 2 else t for t in name.split()
                )
            tokens = name.split()
            if not 2 <= len(tokens) <= 4 or any(t in NOT_NAMES for t in tokens):
                continue
            if (
                any(t.lower() in NOT_NAME_WORDS for t in tokens)
                or name.lower() in CAPITAL_TO_COUNTRY
            ):
                continue
            # "Chancellor of the Exchequer Philip Hammond", "his Japanese counterpart, Yoshimasa
            # Hayashi": the role may sit before the run, across "of the" or a comma
            pieces = re.split(r"[.;:!?\n(]|,\s", body[max(0, m.start() - 80) : m.start()])
            before = pieces[-1] if pieces[-1].strip() or len(pieces) < 2 else pieces[-2]
            role = role_suffix(before + " " + role if role else before)
            if not role:
                after = re.match(r",\s+((?:the\s+|an?\s+)?[^,.;]{3,90})", body[m.end() :])
                if after and is_role(after.group(1)):
                    role = after.group(1)
            self.mentioned.append((name, role.strip(" ,"), m.start()))

    def gender(self, name):
        """ "m", "f" or "" from how the article refers to ``name``: "Mr Wang", "Ms Wong",
        "spokeswoman", "congressman"."""
        surname = name.split()[-1] if name.split() else ""
        text = self.body
        if re.search(rf"\b(?:Ms|Mrs|Miss|Madam|Madame)\.?\s+{re.escape(surname)}\b", text):
            return "f"
        if re.search(rf"\b(?:Mr|Monsieur|Herr)\.?\s+{re.escape(surname)}\b", text):
            return "m"
        role = self.role(name) + " " + " ".join(r for n, r, _ in self.mentioned if n == name)
        if re.search(r"woman\b", role):
            return "f"
        if re.search(r"(?:spokes|chair|congress)man\b", role):
            return "m"
        return ""

    def pronoun(self, kind, gender=""):
        if kind == "person":
            # he/she: the latest person quoted or named before the sentence being read, of the
            # pronoun's gender when the article tells it ("Ms Ward", "spokeswoman")
            def fits(n):
                return not gender or self.gender(n) in {"", gender}

            seen = [
                (self.seen.get(n, -1), n)
                for n in self.recent
                if self.get(n).kind == "person" and fits(n)
            ]
            named = [
                (at, n)
                for n, _r, at in self.mentioned
                if at < self.position and at > max(seen or [(-1, "")])[0] and fits(n)
            ]
            if named:
                at, name = max(named)
                role = next(r for n, r, a in self.mentioned if n == name and a == at)
                return self.resolve_name(name, role)
        for name in reversed(self.recent):
            s = self.get(name)
            if kind == "person" and s.kind == "person" and (not gender or fits(name)):
                return s
            if kind == "body" and s.kind in {"delegation", "government", "outlet"}:
                return s
            if kind == "group" and s.kind in {"delegation", "government"}:
                return s
        return None

    def collective(self, phrase):
        m = COLLECTIVE.match(phrase)
        rest = phrase[m.end() :] if m else ""
        if not m or (rest.strip() and not re.match(r"\s+(?:to|at|of|in|for|from|on)\b", rest)):
            return None  # "Chinese Foreign Ministry spokesman Wang Wenbin" is a person
        country = ADJ_TO_COUNTRY.get((m.group(1) or "").lower()) or NOUN_TO_COUNTRY.get(
            (m.group(2) or "").lower(), ""
        )
        body = m.group(3).lower()
        kind = BODY_WORDS[body]
        # The gazetteer may know the collective under another spelling ("the U.S. side").
        for k in self.gazetteer.index().speaker_by_kind_country.get((kind, country)):
            if k.kind == kind and k.country == country:
                names = [k.name, *k.aliases]
                # A ministry or embassy speaks for its government.
                if any(norm(n) == norm(phrase[: m.end()]) for n in names) or kind == "government":
                    return self.from_known(k)
                if body in {"side", "delegation"} and kind == "delegation":
                    return self.from_known(k)
        adjective = DEMONYM_ADJ.get(country, country)
        if body in {"side", "delegation", "team", "negotiators"}:
            name = f"{adjective} delegation"
        elif kind == "government":
            # A ministry, an embassy or a mission speaking without a person is its government.
            name = f"{adjective} government"
        else:
            name = f"{adjective} {m.group(3).title()}"
        return self.add(ExtractedSpeaker(name=name, kind=kind, country=country))

    def government(self, phrase):
        """A country (or its capital) as the subject of a speech verb speaks for its government."""
        low = re.sub(r"^the\s+", "", phrase.lower())
        country = NOUN_TO_COUNTRY.get(low) or CAPITAL_TO_COUNTRY.get(low)
        country = country or GOVERNMENT_BODIES.get(low)
        m = FLAGGED_OFFICE.match(phrase) or OFFICE_OF.match(phrase)
        if not country and m:
            # "India's Ministry of External Affairs", "the Japanese Defense Ministry", "the
            # Ministry of Foreign Affairs of Poland": any ministry or office of a state
            word = (m.group(1) or m.group(2) or "").lower()
            country = ADJ_TO_COUNTRY.get(word) or NOUN_TO_COUNTRY.get(word, "")
        if not country and re.fullmatch(r"(?:[\w-]+\s+){0,2}(?:ministry|department|embassy)", low):
            # "The ministry added …": the government of whoever the article last quoted
            for name in reversed(self.recent):
                last = self.get(name)
                if " and " in last.name or last.name == "Both sides":
                    continue  # a joint speaker has no ministry of its own
                if last.kind == "government":
                    return last
                if last.kind == "person" and last.country and last.country not in UNIONS:
                    country = last.country
                    break
        if not country and UNFLAGGED_OFFICE.fullmatch(low):
            country = self.home
        if not country:
            return None
        index = self.gazetteer.index()
        for k in index.speaker_by_kind_country.get(("government", country)):
            if k.kind == "government" and k.country == country:
                return self.from_known(k)
        for k in index.government_by_alias_norm.get(norm(phrase)):
            if k.kind == "government" and any(norm(a) == norm(phrase) for a in k.aliases):
                return self.from_known(k)
        # Unions of states speak under their own name; the archive files them as governments.
        name = country if country in UNIONS else f"{DEMONYM_ADJ.get(country, country)} government"
        return self.add(ExtractedSpeaker(name=name, kind="government", country=country))

    def person(self, phrase):
        # "Michael Posner, U.S. assistant secretary of state": the name comes first
        head, _, apposition = phrase.partition(",")
        if apposition.strip():
            role, name = split_role_name(head.strip())
            apposition = re.sub(r"^\d{1,3}\s*,\s*", "", apposition.strip())  # "Smith, 54, a ..."
            # "Senator Tom Reyes, a New Jersey Republican,": a description after the name
            described = (
                re.match(r"^(?:a|an|the)\s", apposition, re.I) and len(apposition.split()) <= 10
            )
            if name and (not role or (described and is_role(role))):
                return self.named(
                    name, role or (apposition if is_role(apposition) or described else ""), phrase
                )
        role, name = split_role_name(phrase)
        if "," in role:
            role = role_suffix(role.rsplit(",", 1)[-1])  # "Critics, including opposition lawmaker"
        if name:
            return self.named(name, role, phrase)
        return self.role_only(phrase)

    def named(self, name, role, phrase):
        name = HONORIFIC.sub("", name)
        tokens = name.split()
        if not role and len(tokens) > 1:
            # A role given elsewhere in the article ("..., who heads the Chinese delegation")
            role = next((r for n, r, _ in self.mentioned if n == name and r), "")
        k, known_role = self.known_person_in(phrase)
        if k is None:
            k = self.known(name)
        if k is not None:
            return self.from_known(k, role or known_role)
        if len(tokens) == 1:
            # A surname (or given name) of someone already met, in the article or the gazetteer.
            # Two people may share it: the one named or quoted closest before wins.
            latest = [
                (at, full, mrole)
                for full, mrole, at in self.mentioned
                if at < self.position
                and tokens[0] in full.split()
                and len(HONORIFIC.sub("", full).split()) > 1  # "Ms Ward" is no full name
            ]
            latest += [
                (self.seen[s.name], s.name, "")
                for s in self.speakers
                if s.kind == "person" and tokens[0] in s.name.split() and s.name in self.seen
            ]
            if latest:
                _at, full, mrole = max(latest)
                existing = self.get(full)
                if existing is not None:
                    return existing
                return self.named(full, mrole, (mrole + " " + full).strip())
            for s in reversed(self.speakers):
                if s.kind == "person" and tokens[0] in s.name.split():
                    return s
            for full, mrole, _ in self.mentioned:
                if tokens[0] in full.split() and len(HONORIFIC.sub("", full).split()) > 1:
                    return self.named(full, mrole, (mrole + " " + full).strip())
            matches = [
                k
                for k in self.gazetteer.index().person_by_token.get(tokens[0])
                if k.kind == "person" and tokens[0] in k.name.split()
            ]
            if len(matches) == 1:
                return self.from_known(matches[0], role)
            if not is_role(role) or tokens[0].lower() in CAPITAL_TO_COUNTRY:
                return None
        country = country_of(role) if role else ""
        speaker = ExtractedSpeaker(
            name=name, title=strip_country(role), country=country, kind="person"
        )
        return self.add(speaker, role)

    def role_only(self, phrase):
        """ "the minister", "the Chinese premier", "the Treasury chief": the latest person met
        whose role shares a word with it (and the flag, if one is given)."""
        m = re.match(r"^(?:the|a|an|one|another)\s+(.+)$", phrase, re.I)
        if not m:
            return None
        words = m.group(1).lower().replace("'s", "").split()
        if words and words[-1] in {"ministry", "department", "office", "embassy", "mission"}:
            return None  # an institution is no person (its government, when it is flagged)
        if not words or not all(
            w in ROLE_WORDS or w in ADJ_TO_COUNTRY or w in GENERIC_ROLES for w in words
        ):
            return None
        country = country_of(m.group(1))
        if re.match(r"^(?:a|an|one|another)\s", phrase, re.I):
            # "A spokesperson for the ministry": an indefinite introduces someone new, never a
            # person already met; unnamed, they speak for the body they work for.
            body = re.search(r"\b(?:for|of|at)\s+(?:the\s+)?(.+)$", m.group(1))
            if body:
                owner = self.collective("the " + body.group(1)) or self.government(body.group(1))
                if owner is not None and owner.kind == "government":
                    return owner
            if country and words[-1] in {
                "official",
                "diplomat",
                "spokesman",
                "spokeswoman",
                "spokesperson",
            }:
                return self.government(COUNTRIES[country][0][0])
            return None
        keys = [
            w for w in words if w not in ADJ_TO_COUNTRY and w not in {"the", "of", "and", "for"}
        ]
        specific = [w for w in keys if w not in GENERIC_ROLES]
        people = [
            (s.name, self.role(s.name) + " " + s.title, s.country)
            for s in map(self.get, reversed(self.recent))
            if s.kind == "person"
        ]
        people += [
            (n, r, country_of(r)) for n, r, at in reversed(self.mentioned) if at <= self.position
        ]
        for name, role, their_country in people:
            if country and their_country and their_country != country:
                continue
            role_words = set(re.findall(r"[\w-]+", role.lower()))
            if specific and any(w in role_words for w in specific):
                return self.resolve_name(name, role)
        if not specific and country:
            for name, _role, their_country in people:
                if their_country == country:
                    return self.resolve_name(name, _role)
        if country and words[-1] in {
            "official",
            "diplomat",
            "source",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "officials",
            "diplomats",
            "sources",
        }:
            return self.government(COUNTRIES[country][0][0])  # unnamed, for the government
        return None

    def resolve_name(self, name, role):
        existing = self.get(name)
        if existing is not None:
            return existing
        return self.named(name, role.strip(), (role + " " + name).strip())


TRAILING_ADJUNCT = re.compile(
    r"\s+(?:at|in|on|during|before|after|when|while|as|just|here|there|earlier|later|today|"
    r"yesterday|last|this|told|to\s+reporters|who|which|whose|according|through|via|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b.*$",
    re.S,
)


def clean_phrase(phrase):
    """Trim a subject phrase to the speaker: drop adverbs, adjuncts ("at a news briefing")
    and modifiers after the head ("the Chinese delegation to the latest round of ...")."""
    p = " ".join(phrase.split()).strip(" ,;:—–-\"“”'")
    p = re.sub(r"\s*[—–]\s*[^—–]{1,80}?\s*[—–]\s*", " ", p)  # "X — who arrived Monday — said"
    # "The statement, issued by the Foreign Office,": the document and its author
    p = re.sub(rf"({DOCUMENT}),\s+((?:issued|released|published)\s+by\s+[^,]+),?", r"\1 \2", p)
    p = re.sub(
        r"^(?:and|but|so|also|meanwhile|however|moreover|further|furthermore)\s+", "", p, flags=re.I
    )
    p = re.sub(
        r"\s+(?:also|further|again|then|later|repeatedly|once again|separately)$", "", p, flags=re.I
    )
    p = re.sub(
        r"\s*\([^)]*\)",
        lambda m: m.group(0) if re.search(r"[\u4e00-\u9fff]", m.group(0)) else "",
        p,
    )
    # "the U.S. side, among others," / "Cui, who …,": an aside between commas is not the name
    p = re.sub(
        r",\s*(?:among others|for (?:his|her|its|their) part|in turn|however|meanwhile|too|"
        r"who\b|which\b|whose\b|speaking\b|asked\b|according to\b|headed by\b|led by\b|"
        r"writing\b|in a statement\b|through\b|in turn\b|also\b)[^,]*,?",
        "",
        p,
        flags=re.I,
    )
    # "the Commerce Ministry in Beijing": a ministry sits in its own capital (an embassy does
    # not, so it keeps its flag)
    m = re.match(r"^((?:the\s+)?)(.*?\b(?:[Mm]inistry|[Dd]epartment))\s+in\s+([A-Z][\w ]+?)$", p)
    if m and m.group(3).lower() in CAPITAL_TO_COUNTRY:
        country = CAPITAL_TO_COUNTRY[m.group(3).lower()]
        p = f"{m.group(1)}{DEMONYM_ADJ.get(country, country)} {m.group(2)}"
    low = p.lower()
    if not FROM_DOCUMENT.match(p) and not OWNED_DOCUMENT.match(p):
        for cut in (" to the ", " to a ", " at the ", " of the ", " in the ", " for the "):
            idx = low.find(cut)
            if idx > 0 and COLLECTIVE.match(p[:idx]):
                p = p[:idx]
                break
    p = TRAILING_ADJUNCT.sub("", p) if not FROM_DOCUMENT.match(p) else p
    return p.strip(" ,;:")
