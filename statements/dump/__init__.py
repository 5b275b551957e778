"""The full dump: every record as JSON Lines in the API's shape, with a checksum, and its
loader (``manage.py dumparchive`` / ``loadarchive``; docs/api.md, "Full dump"). Both
stream: memory stays flat whatever the archive's size.

A dump is one header line, one line per record (outlets, themes, dialogues, speakers,
rounds, articles with their carriers and copy keys, quotes: each refers only to records above
it, by slug), and a trailer
with the count of each type and the SHA-256 of every line before it. A file cut short has
no trailer, and a changed one another checksum: the loader finds out at the end and its
transaction writes nothing.
Records keep their ids, so permalinks (/quotes/<id>/) survive a move between engines.
"""

from statements.dump.loading import MODELS, load_dump, read_dump
from statements.dump.writing import DumpError, dump_lines

__all__ = ["MODELS", "DumpError", "dump_lines", "load_dump", "read_dump"]
