"""A synthetic archive for measuring speed: N quotes in articles, with speakers, dialogues,
rounds and themes that look like the real thing, generated deterministically from a seed.

Everything synthetic is marked so it can be removed without touching real records: slugs of
outlets, speakers, dialogues, rounds and articles start with ``synth-`` and article URLs with
``https://synthetic.invalid/`` (``.invalid`` is reserved, so no real article can have it).
Themes are the real ones from fixtures/reference.json; a name that already belongs to a real
speaker (say "Chinese delegation") is linked to that speaker rather than duplicated.

The generation is plain Python (``SyntheticArchive``, in ``articles``, over ``cast``, ``prose``
and the word lists); ``load()`` (in ``loader``) writes it in one transaction with the fastest
path each engine has (``bulk``): ``executemany`` on SQLite (FTS5 sync triggers suspended and
the index rebuilt once), ``COPY`` on PostgreSQL.
"""

from statements.synth.articles import SyntheticArchive
from statements.synth.loader import LoadReport, clear, load
from statements.synth.records import PREFIX, URL_PREFIX
from statements.synth.themes import reference_themes
from statements.synth.vocabulary import TAIL_WORDS

__all__ = [
    "PREFIX",
    "TAIL_WORDS",
    "URL_PREFIX",
    "LoadReport",
    "SyntheticArchive",
    "clear",
    "load",
    "reference_themes",
]
