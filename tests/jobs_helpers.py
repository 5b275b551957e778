"""The articles and helpers the ``ingest --jobs`` tests share: texts whose later files need
what earlier ones stored, the archive's end state by natural keys, a batch rolled back."""

from django.db import transaction

from statements.ingest.store.batch import ingest_paths
from statements.models import Article, Dialogue, DialogueRound, Outlet, Quote, Speaker

# Each later article needs what an earlier one stored: her surname alone names a speaker
# only once the archive knows her; "the water dialogue" is the round the first file made.
FIRST = """Lakes pact renewed after two days of talks

VIENNA, May 14, 2024 (Alpine Wire) -- Austria and Slovenia renewed their lakes pact on Tuesday
at the fourth round of the Austria-Slovenia Water Dialogue in Vienna.

"Clean water is a shared duty," Slovenian Environment Minister Mira Kovac told reporters.

Austrian Farm Minister Georg Huber said the two sides would publish monitoring data each month.

Source: Alpine Wire
"""

SURNAME = """Slovenia to publish river readings weekly

LJUBLJANA, May 20, 2024 (Drava Courier) -- Slovenia will publish its river readings every week,
the environment ministry said on Monday.

"Farmers downstream deserve to know what is in the water," Kovac said at a briefing.

Huber welcomed the plan and said Austria would do the same by the summer.

Source: Drava Courier
"""

ROUND = """Water talks to resume in Ljubljana

LJUBLJANA, May 28, 2024 (Alpine Wire) -- Negotiators from Austria and Slovenia met again on
Monday, two weeks after the fourth round of the Austria-Slovenia Water Dialogue.

"We are closer on the monitoring data than at any time before," Kovac told the Alpine Wire.

Source: Alpine Wire
"""

OTHER = """Port fees cut to lure shipping lines

GDANSK, June 3, 2024 (Baltic Ledger) -- Poland cut port fees in Gdansk by a tenth on Monday to
win back shipping lines that moved to Hamburg last year.

"The fees were the highest on the Baltic, and now they are not," Polish Infrastructure Minister
Tomasz Wrobel said.

Source: Baltic Ledger
"""

LATER = """Gdansk port traffic rises after fee cut

GDANSK, July 1, 2024 (Baltic Ledger) -- Container traffic through Gdansk rose in June, the
first month after the port cut its fees.

"The lines are coming back," Wrobel told the Baltic Ledger on Monday.

Source: Baltic Ledger
"""


# A government the archive did not know ("Warsaw said"), and a story of its own.
GOVERNMENT = """Poland protests new border checks

WARSAW, June 5, 2024 (Baltic Ledger) -- Poland protested on Wednesday against new border
checks on its western frontier.

"The checks break the spirit of the treaty," Warsaw said in a statement.

Source: Baltic Ledger
"""

UTILITIES = """Slovenian water utilities raise prices

LJUBLJANA, May 16, 2024 (Drava Courier) -- Water utilities in Slovenia will raise their prices
by a twentieth from July, their association said on Thursday.

"The pipes are old and the bills have to pay for them," association head Petra Zupan said.

Source: Drava Courier
"""


def write_batch(folder):
    """The files in name order: new speakers, outlets and a round; a later file using each; a
    copy of the first; a file that is no text; one that says nothing."""
    folder.mkdir()
    files = {
        "01_first.txt": FIRST,
        "02_other.txt": OTHER,
        "03_surname.txt": SURNAME,
        "04_copy.txt": FIRST,
        "05_round.txt": ROUND,
        "06_later.txt": LATER,
        "08_empty.txt": "   \n\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "07_binary.txt").write_bytes(b"\xff\xfe\x00\x00 not text \x80\x81")
    return folder


def end_state():
    """Every stored fact by its natural key and slug (keys differ after a rollback on
    PostgreSQL: the sequences go on)."""
    return {
        "articles": sorted(
            Article.objects.values_list(
                "checksum", "slug", "title", "outlet__name", "published_on", "dateline", "body"
            )
        ),
        "speakers": sorted(
            Speaker.objects.values_list(
                "name", "slug", "kind", "country", "title", "aliases", "quote_count"
            )
        ),
        "outlets": sorted(Outlet.objects.values_list("name", "slug", "country", "aliases")),
        "dialogues": sorted(Dialogue.objects.values_list("name", "slug", "aliases")),
        "rounds": sorted(
            DialogueRound.objects.values_list("dialogue__name", "start_date", "slug", "ordinal")
        ),
        "quotes": sorted(
            Quote.objects.values_list(
                "article__checksum",
                "start",
                "end",
                "speaker__name",
                "round__slug",
                "kind",
                "cue",
                "confidence",
                "said_on",
            )
        ),
        "round links": sorted(
            Article.rounds.through.objects.values_list("article__checksum", "dialogueround__slug")
        ),
    }


def outcomes(batch):
    return [(f.name, f.status, f.reason) for f in batch.files]


def ingest_and_roll_back(folder, jobs, *, twice=False):
    """The outcomes and end state of ingesting ``folder`` (again, with ``twice``), all
    rolled back afterwards, so that the next run starts from the same archive."""
    with transaction.atomic():
        batch = ingest_paths([folder], jobs=jobs)
        state = end_state()
        again = ingest_paths([folder], jobs=jobs) if twice else None
        after = end_state() if twice else None
        transaction.set_rollback(True)
    return batch, state, again, after


def written(folder, named):
    """``named``: (file name, text) pairs, written into ``folder`` in that order."""
    folder.mkdir()
    for name, text in named:
        (folder / name).write_text(text, encoding="utf-8")
    return folder
