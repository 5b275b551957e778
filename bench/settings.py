"""The production settings, with static files collected under bench/out instead of var/ (so
a benchmark never writes where a developer's server reads), and on PostgreSQL the session
settings the run asks for (``python -m bench --work-mem``), set on every connection the
pages and the floor open, never on the server."""

import os

from archive.settings import *  # noqa: F403
from archive.settings import BASE_DIR, DATABASES

STATIC_ROOT = BASE_DIR / "bench" / "out" / "static"

_session = os.environ.get("BENCH_PG_SESSION", "").split()
if _session and DATABASES["default"]["ENGINE"].endswith("postgresql"):
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _flags = " ".join(f"-c {setting}" for setting in _session)
    _options["options"] = f"{_options.get('options', '')} {_flags}".strip()
