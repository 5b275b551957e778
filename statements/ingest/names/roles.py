"""Roles and titles ("Vice Foreign Minister"): the words they are made of, and how a phrase
splits into a role and a name."""

import re

from statements.ingest.names.countries import ADJ_TO_COUNTRY, COUNTRY_ADJ, NOUN_RX, NOUN_TO_COUNTRY

HONORIFIC = re.compile(
    r"^(?:Mr|Mrs|Ms|Miss|Mx|Madame|Madam|Mme|Mlle|Dr|Prof|Sen|Rep|Gov|Gen|Adm|Amb|Sir|Dame)"
    r"\.?\s+"
)

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
    evp svp vp asst. asst dep. sec. exec. amb. hr/vp ec commissioner safety
    education health culture transport industry science technology overseas counterpart
    planning strategy operations communications coordination cooperation investment bureau
    division unification veterans immigration intelligence protocol legal consular
"""
ROLE_WORDS = set(_ROLE_WORDS.split())
NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.|[A-Z][a-z]*\.?|(?:de|van|von|bin|al|el|der|den|da|dos|del|di|du|"
    r"le|la)|al-\w+)$"
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
_CALENDAR_WORDS = """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December
"""
_CALENDAR = set(_CALENDAR_WORDS.split())
NOT_NAME_WORDS = {"internet", "twitter", "facebook", "covid-19"}
# Particles inside a name: "Ursula von der Leyen", "Luiz Inácio Lula da Silva"
PARTICLE = r"(?:de|van|von|der|den|bin|al|da|dos|del|di|du|la|le)"
CAPITALISED_RUN = re.compile(
    rf"(?<![\w'’.-])((?:[A-Z]\.|[A-Z][\w'’-]*)(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]*|{PARTICLE}"
    rf"(?=(?:\s+{PARTICLE})*\s+[A-Z])))*)(?![\w-])"
)
PERSON_MENTION = re.compile(
    r"(?<![\w.'’-])((?:[A-Z][a-z]+(?:['’][A-Z][a-z]+|-[A-Za-z][a-z]+)*|[A-Z]\.)"
    r"(?:\s+(?:[A-Z][a-z]+(?:['’][A-Z][a-z]+|-[A-Za-z][a-z]+)*|[A-Z]\.)){1,2})(?![\w-])"
)


# Surnames that are also English words a name test would refuse ("He", "An"): they are a
# name after a title ("Vice Premier He") or before a given name ("He Lifeng").
SURNAME_WORDS = {"He", "An"}
# Title-case headline verbs: "He Says Talks Failed" is no person "He Says"
_HEADLINE_VERBS = {"says", "said", "will", "would", "is", "was", "has", "had", "calls", "urges"}


# "BEIJING:", "NEW DELHI, June 4:", "SEOUL/PANMUNJOM --" before a subject
DATELINE_LABEL = re.compile(r"^[A-Z][A-Z.'’/ -]{2,}(?:,[^:]{0,30})?\s*(?::|--|—|–)\s+(?=\S)")


def is_role_word(token):
    """ "Minister", "vice-Premier", "Ambassador-at-Large", "EVP": a word a title is made of."""
    w = token.lower().strip(",")
    if w in ROLE_WORDS or w + "." in ROLE_WORDS:  # "Rep." with its full stop or without
        return True
    parts = w.split("-")
    return len(parts) > 1 and all(p in ROLE_WORDS or p in {"at", "large", "in"} for p in parts)


def drop_initials(name):
    """ "Lorne W. Craner" → "Lorne Craner": middle initials off (first and last names kept)."""
    tokens = name.split()
    if len(tokens) < 3:
        return name
    kept = [tokens[0]] + [t for t in tokens[1:-1] if not re.fullmatch(r"[A-Z]\.", t)]
    return " ".join([*kept, tokens[-1]])


def strip_country(role):
    """ "Chinese Vice Foreign Minister" → "Vice Foreign Minister" (the title without the flag)."""
    role = re.sub(r"^(?:his|her|its|their|a|an|the)\s+", "", role.strip(), flags=re.I)
    out = COUNTRY_ADJ.sub("", role, count=1)
    out = re.sub(r"^[\w.]+['’]s\s+", "", out) if re.match(rf"^(?:{NOUN_RX})['’]s\s", out) else out
    return re.sub(r"\s{2,}", " ", out).strip(" ,")


def split_role_name(phrase):
    """ "Chinese Vice Foreign Minister Cui Tiankai" → (role, name); name is the trailing run of
    capitalised words that are not role words. Returns ("", "") when there is no name."""
    # "BEIJING: Chinese vice-Premier …": a dateline or label before a colon is no part of it
    phrase = DATELINE_LABEL.sub("", phrase)
    tokens = phrase.split()
    i = len(tokens)
    while (
        i > 0
        and NAME_TOKEN.match(tokens[i - 1])
        and not is_role_word(tokens[i - 1])
        and tokens[i - 1].lower() not in ROLE_NOUNS  # "Economist Paul Grant"
    ):
        i -= 1
    name_tokens = tokens[i:]
    # Lower-case particles may sit inside a name, never at its start.
    while name_tokens and name_tokens[0][0].islower():
        name_tokens = name_tokens[1:]
        i += 1
    if name_tokens and name_tokens[0] in SURNAME_WORDS:
        titled = i > 0 and tokens[i - 1][:1].isupper() and is_role_word(tokens[i - 1])
        given = len(name_tokens) > 1 and name_tokens[1].lower() not in _HEADLINE_VERBS
        if not titled and not given:
            return "", ""
    elif not name_tokens or name_tokens[0] in NOT_NAMES:
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
        if w == "and" and i > 1 and _is_name_word(words[i - 2]):
            break  # "Trade Minister Ann Berg and Chinese Vice Premier": the name ends it
        if words[i - 1].strip(",") in _CALENDAR:
            break  # "on Monday Trade Minister": a day is no part of a title
        roleish = is_role_word(w) or w in ADJ_TO_COUNTRY or w in GENERIC_ROLES or w in ROLE_NOUNS
        possessive = w in {"his", "her", "its", "their"}
        if roleish or possessive or words[i - 1][:1].isupper() and w not in {"said", "says"}:
            i -= 1
        else:
            break
    role = " ".join(words[i:]).strip(" ,")
    role = re.sub(r"(?:\s+(?:of|the|for|and))+$", "", role)
    role = re.sub(r"^(?:(?:of|for|and|to)\s+)+", "", role)  # "a picture of U.S. Envoy X"
    return role if is_role(role) else ""


def _is_name_word(token):
    """A capitalised word that is neither a title's word nor a country's: part of a name."""
    w = token.strip(",")
    return (
        bool(NAME_TOKEN.match(w))
        and w[:1].isupper()
        and not is_role_word(w)
        and w.lower() not in ADJ_TO_COUNTRY
        and w.lower() not in NOUN_TO_COUNTRY
        and w not in ORG_WORDS
    )


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
    return any(is_role_word(w) or w in GENERIC_ROLES or w in ROLE_NOUNS for w in words)
