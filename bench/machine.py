"""What a run was measured on, stored with its figures: the machine, the software versions, the
commit, PostgreSQL's settings, and the load average at the start and the end."""

import contextlib
import os
import platform
import subprocess
from pathlib import Path

from bench import servers

ROOT = servers.ROOT

# What a reader needs to reproduce a PostgreSQL run: printed and stored with the figures.
PG_SETTINGS = (
    "server_version",
    "shared_buffers",
    "work_mem",
    "effective_cache_size",
    "random_page_cost",
    "effective_io_concurrency",
    "max_parallel_workers_per_gather",
    "jit",
    "statement_timeout",
    "autovacuum",
)


def machine(database_url):
    import sqlite3

    import django
    from django.db import connection

    info = {
        "nproc": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "sqlite": sqlite3.sqlite_version,
        "engine": connection.vendor,
        "commit": _git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes": bool(_git("status", "--porcelain", "--untracked-files=no")),
    }
    if connection.vendor == "postgresql":
        # As the pages' own connections see them (bench/settings.py adds the session's).
        with connection.cursor() as c:
            info["postgresql_settings"] = settings = {}
            for name in PG_SETTINGS:
                c.execute(f"SHOW {name}")
                settings[name] = c.fetchone()[0]
        info["postgresql"] = settings["server_version"]
    try:
        import datasette.version

        info["datasette"] = datasette.version.__version__
    except ImportError:
        pass
    with contextlib.suppress(OSError, IndexError):
        info["gunicorn"] = subprocess.run(
            [str(servers.BIN / "gunicorn"), "--version"], capture_output=True, text=True
        ).stdout.split()[-1]
    return info


def _git(*argv):
    """What the measured code is: the commit, and whether tracked files differ from it."""
    try:
        run = subprocess.run(["git", *argv], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return ""
    return run.stdout.strip()


def _cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def conditions(info):
    """One line: the server settings and the machine's load, to state with every figure."""
    parts = [f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"]
    for name, value in (info.get("postgresql_settings") or {}).items():
        parts.append(f"{name}={value}")
    return "; ".join(parts)
