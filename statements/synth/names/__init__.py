"""Personal names of the synthetic speakers by name group (Latin and native script), a module
per part of the world, and the nicknames and other spellings archivists list as aliases
(`spellings.py`)."""

from statements.synth.names.asia import ASIA
from statements.synth.names.europe import EUROPE
from statements.synth.names.middle_east_africa import MIDDLE_EAST_AFRICA
from statements.synth.names.spellings import ALTERNATES, ascii_fold, pairs

# Name pools: "Latin:native" where the name has its own script. Family names first in the
# group's usual order is decided by the builder, not here.
NAMES = {**ASIA, **EUROPE, **MIDDLE_EAST_AFRICA}

__all__ = ["ALTERNATES", "NAMES", "ascii_fold", "pairs"]
