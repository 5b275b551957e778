"""Turning a raw news text into an Extraction (plain Python), then into records (writer.py).

Steps, each a module with no Django imports: clean → metadata → speakers/quotes → dates and
rounds → themes. ``extract(raw_text, gazetteer, meta)`` runs them all; ``writer.save()`` is the
only part that touches the database.
"""
