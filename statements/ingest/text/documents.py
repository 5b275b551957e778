"""Reading documents from disk: text files only, with a one-line reason for anything else."""

import json
from pathlib import Path

MAX_BYTES = 2 * 1024 * 1024  # a news article is a few kilobytes; a book is not an article


class DocumentError(ValueError):
    """A file that is not a readable article; the message is the one-line reason."""


def read_text(path) -> str:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise DocumentError(f"cannot read: {e.strerror}") from None
    if not path.is_file():
        raise DocumentError("not a regular file")
    if size == 0:
        raise DocumentError("empty file")
    if size > MAX_BYTES:
        raise DocumentError(f"too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
    data = path.read_bytes()
    return decode(data)


def decode(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise DocumentError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DocumentError(f"not UTF-8 (invalid byte at position {e.start})") from None
    if not text.strip():
        raise DocumentError("no text (only white space)")
    return text


def read_manifest(folder) -> dict:
    """Archivist metadata for the documents of a folder (manifest.json), keyed by file name."""
    path = Path(folder) / "manifest.json"
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: meta for name, meta in data.items() if not name.startswith("_")}
