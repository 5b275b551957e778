"""Run every extraction step over one raw document and return an Extraction.

(Skeleton: the real steps arrive in clean.py, metadata.py, speakers.py, quotes.py, dates.py,
rounds.py and themes.py.)
"""

import hashlib

from statements.ingest.result import Extraction, Gazetteer


def checksum(raw_text: str) -> str:
    return hashlib.sha256(raw_text.encode("utf-8")).hexdigest()


def extract(
    raw_text: str,
    gazetteer: Gazetteer | None = None,
    *,
    file: str = "",
    title: str = "",
    outlet: str = "",
    published=None,
    url: str = "",
) -> Extraction:
    """Extract everything from ``raw_text``; metadata given here wins over what the text says."""
    return Extraction(
        body=raw_text.strip(),
        raw_text=raw_text,
        checksum=checksum(raw_text),
        file=file,
        title=title,
        outlet=outlet,
        published=published,
        url=url,
    )
