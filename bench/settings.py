"""The production settings, with static files collected under bench/out instead of var/ (so
a benchmark never writes where a developer's server reads)."""

from archive.settings import *  # noqa: F403
from archive.settings import BASE_DIR

STATIC_ROOT = BASE_DIR / "bench" / "out" / "static"
