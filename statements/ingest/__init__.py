"""Turning a raw news text into an Extraction (plain Python), then into records (store/).

``pipeline.extract(raw_text, gazetteer, ...)`` runs ``pipeline.STEPS`` over one ``Document``:
clean → metadata → sentence units → rounds → speakers → transcripts → news quotes → genre →
quote rounds → themes. The parsing packages (``text``, ``names``, ``quotes``, ``rounds``) and
``metadata``/``themes`` import no Django; ``store.writer.save()`` is the only part that writes.
"""
