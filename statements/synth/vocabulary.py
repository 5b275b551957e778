"""The statement vocabulary of the synthetic archive: set phrases, nouns, adjectives, verbs and
the made-up proper names of the long tail, each list in order of how often it is used."""

import random


def words(text):
    return text.split()


def spaced(items):
    """Underscores in a word list's items stand for spaces ("are_ready_to")."""
    return [item.replace("_", " ") for item in items]


# Picks follow a Zipf law over each list's order. Set phrases carry their own weights, tuned so
# that "human rights" appears in roughly one statement in six and "territorial integrity" in one
# in fifty, as in the seed articles.
PHRASES = [
    ("human rights", 30),
    ("mutual respect", 12),
    ("cooperation", 10),
    ("dialogue and consultation", 7),
    ("mutual trust", 7),
    ("internal affairs", 6),
    ("equality and mutual respect", 6),
    ("win-win cooperation", 5),
    ("core interests", 5),
    ("the rule of law", 5),
    ("territorial integrity", 4),
    ("national sovereignty", 4),
    ("mutual benefit", 4),
    ("peace and stability", 4),
    ("individual cases", 3),
    ("people-to-people exchanges", 3),
    ("mutual understanding", 3),
    ("international law", 3),
    ("the UN Charter", 2.5),
    ("freedom of expression", 2.5),
    ("economic and trade cooperation", 2.5),
    ("the right to development", 2),
    ("non-interference in internal affairs", 2),
    ("double standards", 2),
    ("national conditions", 2),
    ("the development path", 2),
    ("climate change", 2),
    ("regional stability", 2),
    ("religious freedom", 1.5),
    ("press freedom", 1.5),
    ("judicial reform", 1.5),
    ("social security", 1.5),
    ("poverty alleviation", 1.5),
    ("market access", 1.5),
    ("free trade", 1.5),
    ("ethnic minorities", 1.2),
    ("racial discrimination", 1.0),
    ("a Cold War mentality", 1.0),
    ("peaceful coexistence", 1.0),
    ("common ground while shelving differences", 0.8),
    ("intellectual property rights", 0.8),
    ("nuclear non-proliferation", 0.8),
    ("multilateralism", 0.8),
    ("the international order", 0.8),
    ("universal values", 0.7),
    ("grassroots elections", 0.5),
    ("the Universal Declaration of Human Rights", 0.5),
    ("fair trial", 0.5),
    ("arbitrary detention", 0.5),
    ("labor rights", 0.5),
    ("women's rights", 0.5),
    ("the rights of persons with disabilities", 0.3),
    ("economic, social and cultural rights", 0.3),
    ("civil and political rights", 0.3),
    ("cyberspace governance", 0.4),
    ("supply chain security", 0.4),
    ("the exchange rate", 0.4),
    ("legitimate rights and interests", 1.0),
]
NOUNS = words(
    "relations dialogue development issues progress exchanges differences concerns stability "
    "peace security interests partnership principles efforts measures policies talks "
    "situation engagement commitment responsibility framework mechanism consensus "
    "communication challenges reform trade economy investment growth prosperity region "
    "community people citizens society values culture energy technology health education "
    "poverty freedom justice democracy transparency accountability sanctions tariffs markets "
    "currency agreement treaty delegation visit summit declaration statement proposal "
    "initiative roadmap negotiations ties friendship solidarity confidence provocation "
    "interference accusations pressure criticism minorities journalists media internet "
    "elections courts prisoners detainees dissidents refugees migrants labor workers women "
    "children environment pollution pandemic vaccines food water infrastructure connectivity "
    "legislation governance institutions obligations assurances guarantees misunderstandings "
    "misjudgment channels platform arrangements expectations priorities achievements "
    "setbacks obstacles disputes incidents allegations evidence reports findings "
    "recommendations observers inspectors monitors experts scholars students tourists "
    "farmers entrepreneurs companies banks exports imports subsidies quotas procurement "
    "shipping fisheries aviation satellites semiconductors telecommunications standards "
    "visas consulates embassies envoys ministries parliaments congress judges lawyers "
    "petitioners activists NGOs charities churches mosques temples monasteries schools "
    "universities hospitals villages provinces borders waters airspace islands reefs "
    "straits pipelines railways ports harbors corridors"
)
ADJECTIVES = words(
    "bilateral mutual constructive sincere frank practical comprehensive strategic long-term "
    "stable healthy positive fruitful in-depth open equal common shared international "
    "regional global fundamental legitimate important serious historical objective peaceful "
    "sustainable economic social cultural political legal judicial religious ethnic "
    "democratic irresponsible groundless so-called unilateral multilateral inclusive balanced "
    "pragmatic steady new further broad key candid cordial tangible concrete lasting "
    "unprecedented arbitrary discriminatory punitive reciprocal transparent verifiable "
    "humanitarian maritime environmental technological"
)
VERBS = [  # base, past, gerund
    (v, p, g)
    for v, p, g in (
        item.split("/")
        for item in words(
            "strengthen/strengthened/strengthening promote/promoted/promoting "
            "deepen/deepened/deepening expand/expanded/expanding enhance/enhanced/enhancing "
            "respect/respected/respecting protect/protected/protecting "
            "safeguard/safeguarded/safeguarding uphold/upheld/upholding "
            "advance/advanced/advancing maintain/maintained/maintaining build/built/building "
            "develop/developed/developing support/supported/supporting "
            "address/addressed/addressing resolve/resolved/resolving manage/managed/managing "
            "handle/handled/handling discuss/discussed/discussing implement/implemented/"
            "implementing honour/honoured/honouring defend/defended/defending "
            "improve/improved/improving review/reviewed/reviewing oppose/opposed/opposing "
            "reject/rejected/rejecting welcome/welcomed/welcoming "
            "consolidate/consolidated/consolidating facilitate/facilitated/facilitating "
            "encourage/encouraged/encouraging explore/explored/exploring "
            "pursue/pursued/pursuing seek/sought/seeking ensure/ensured/ensuring "
            "achieve/achieved/achieving politicize/politicized/politicizing "
            "undermine/undermined/undermining restore/restored/restoring "
            "revive/revived/reviving clarify/clarified/clarifying "
            "monitor/monitored/monitoring reaffirm/reaffirmed/reaffirming"
        )
    )
]
MODALS = words(
    "will should must are_ready_to will_continue_to are_willing_to need_to hope_to "
    "stand_ready_to have_agreed_to intend_to"
)
STANCES = words(
    "supports welcomes values opposes rejects is_concerned_about attaches_great_importance_to "
    "is_committed_to firmly_opposes appreciates condemns has_noted deplores "
    "remains_open_to is_deeply_worried_about"
)
EVALUATIONS = words(
    "the_foundation_of_our_relationship in_the_interest_of_both_peoples "
    "a_matter_of_principle not_negotiable essential_for_lasting_peace "
    "the_common_aspiration_of_the_international_community a_shared_responsibility "
    "the_right_way_forward a_long-term_task beyond_dispute"
)
EVALUATIVES = words(
    "necessary important essential beneficial crucial unacceptable regrettable natural vital"
)
TIME_REFS = words(
    "last_week this_year in_recent_years on_Monday on_Tuesday on_Wednesday on_Thursday "
    "on_Friday last_month in_the_coming_months since_the_last_round during_the_talks "
    "at_the_current_stage in_the_past_decade"
)
PLACES = words(
    "Xinjiang Tibet Hong_Kong Taiwan Kashmir Crimea Donbas Gaza the_West_Bank "
    "the_South_China_Sea the_East_China_Sea the_Korean_Peninsula Myanmar Afghanistan Syria "
    "Yemen Sudan Libya the_Sahel the_Arctic the_Mekong Venezuela Belarus Nagorno-Karabakh "
    "Kosovo Cyprus Somalia Haiti Ethiopia's_Tigray_region the_Red_Sea the_Strait_of_Hormuz "
    "the_Taiwan_Strait the_Balkans Central_Asia the_Horn_of_Africa Lhasa Urumqi Macao"
)
TAIL_KINDS = words(
    "case region initiative province basin corridor accord incident project memorandum "
    "declaration plan protocol zone county"
)
TAIL_SYLLABLES = words(
    "ka ra mo li ven dor sa ta lu bel mir na ko zan tel por gu vi ash ren ol ul esh tor "
    "kal bra dri fen gol hal jor kes lom mun nor pel quin ros sul tam var wen yor zel"
)
TAIL_SIZE = 20000


def build_tail_words(n=TAIL_SIZE):
    """Made-up proper names for the long tail of rare words; the same for every seed, so the
    benchmark's rare terms are stable (rank 1 is common, rank 20,000 nearly absent)."""
    rng = random.Random("synth-tail-words")
    seen, out = set(), []
    while len(out) < n:
        word = "".join(rng.choice(TAIL_SYLLABLES) for _ in range(rng.choice((2, 3, 3, 4))))
        if len(word) >= 5 and word not in seen:
            seen.add(word)
            out.append(word.capitalize())
    return out


TAIL_WORDS = build_tail_words()
