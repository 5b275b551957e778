"""How names and keywords are compared: ``norm`` (the key a name is looked up by) and
``caseless`` (a cheap test before a case-insensitive pattern is run)."""

import re

_THE = re.compile(r"^(?:the)\s+")
_SPACES = re.compile(r"[\s.]+")


# The only letters other than A-Z and a-z that re.I matches to one of them (checked over all
# of Unicode): with these made plain, text that an ASCII pattern of literal characters
# matches under re.I holds that pattern in lower case once the text is lower-cased.
CASELESS_ASCII = str.maketrans({"İ": "i", "ı": "i", "\u212a": "k", "ſ": "s"})


def caseless(text):
    """``text`` for ``may_match_ignoring_case``."""
    return text.translate(CASELESS_ASCII).lower()


def may_match_ignoring_case(literal, folded):
    """False only when ``re.compile(re.escape(literal), re.I)`` cannot match the text whose
    ``caseless()`` is ``folded``."""
    return not literal.isascii() or literal.lower() in folded


def norm(text):
    """The key names are compared by: lower case, no leading "the", dots and runs of spaces
    as one space."""
    text = _THE.sub("", (text or "").strip().lower())
    return _SPACES.sub(" ", text).strip()
