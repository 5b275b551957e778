"""Storing an extraction: the one writer (``store.writer``, the only ingest module that writes),
what it reads (the gazetteer, from the database or a fixture, and its indexes), and batches."""
