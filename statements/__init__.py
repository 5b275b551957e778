"""The statements app: the archive's models, pages, search and ingest pipeline."""
