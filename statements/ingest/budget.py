"""The extractor's budget: how large an article may be and how long extracting it may take.

``pipeline.extract()`` checks the size before any step runs (a refusal costs one encode) and
the time after each step; where it can, it also sets a hard stop (a real-time interval timer,
only in the main thread) so that no one step can run on past the limit. A refused text raises
``ExtractionRefused`` whose message names the limit and the variable that sets it. No Django:
the limits come from the environment (see docs/deployment.md).

INGEST_MAX_BYTES    largest article accepted, in bytes of UTF-8 (default 2 MiB)
INGEST_MAX_SECONDS  longest an extraction may run, in seconds (default 10; 0 for no limit)

A text with one line longer than ``max_line`` characters (default 300,000: a news paragraph is
a few thousand) has lost its line breaks; it is refused before any step too, since the steps
that read a paragraph at a time would read all of it at once.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
DEFAULT_MAX_SECONDS = 10.0
DEFAULT_MAX_LINE = 300_000


class ExtractionRefused(ValueError):
    """A text over the size or time budget; the message says which limit and how to raise it."""


def _number(environ, name, default, kind):
    value = environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = kind(value)
    except ValueError:
        raise ValueError(f"{name} must be a number, not {value!r}") from None
    if number < 0:
        raise ValueError(f"{name} must be zero or more, not {value!r}")
    return number


@dataclass(frozen=True)
class Budget:
    max_bytes: int = DEFAULT_MAX_BYTES
    max_seconds: float = DEFAULT_MAX_SECONDS  # 0: no time limit
    max_line: int = DEFAULT_MAX_LINE  # characters in the longest line

    @classmethod
    def from_env(cls, environ=None) -> Budget:
        environ = os.environ if environ is None else environ
        return cls(
            max_bytes=_number(environ, "INGEST_MAX_BYTES", DEFAULT_MAX_BYTES, int),
            max_seconds=_number(environ, "INGEST_MAX_SECONDS", DEFAULT_MAX_SECONDS, float),
        )

    def check_size(self, raw: str):
        # Each character is at least one byte: only a text near the limit is encoded.
        if len(raw) * 4 <= self.max_bytes:
            return
        size = len(raw.encode("utf-8", "surrogatepass"))
        if size > self.max_bytes:
            raise ExtractionRefused(
                f"the text is too large to extract ({size:,} bytes; the limit is "
                f"{self.max_bytes:,}, set by INGEST_MAX_BYTES)"
            )

    def check_lines(self, raw: str):
        if len(raw) <= self.max_line:
            return
        longest = max(map(len, raw.splitlines()))  # "\r" ends a line too
        if longest > self.max_line:
            raise ExtractionRefused(
                f"the text has a line of {longest:,} characters (the limit is "
                f"{self.max_line:,}): it has lost its line breaks; put each paragraph on its "
                "own line"
            )

    def refusal(self, step="") -> ExtractionRefused:
        at = f" (stopped in {step})" if step else ""
        return ExtractionRefused(
            f"extraction took longer than the limit of {self.max_seconds:g} s{at}, set by "
            "INGEST_MAX_SECONDS; split the text or raise the limit"
        )

    @contextmanager
    def clock(self):
        """Yield a ``Clock``: call ``clock.step(name)`` before each step; it refuses once the
        time is up. In the main thread, with no other timer set, a SIGALRM also stops a step
        that overruns."""
        clock = Clock(self)
        hard = (
            self.max_seconds
            and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
            and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
        )
        if not hard:
            yield clock
            return

        def stop(signum, frame):
            raise self.refusal(clock.current)

        previous = signal.signal(signal.SIGALRM, stop)
        try:
            signal.setitimer(signal.ITIMER_REAL, self.max_seconds)
            yield clock
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


class Clock:
    """The time one extraction has left."""

    def __init__(self, budget: Budget):
        self.budget = budget
        self.ends = time.monotonic() + budget.max_seconds if budget.max_seconds else None
        self.current = ""

    def step(self, name):
        """Refuse if the time ran out during the step before; then ``name`` runs."""
        if self.ends is not None and time.monotonic() > self.ends:
            raise self.budget.refusal(self.current)
        self.current = name
