"""App configuration for the statements app."""

from django.apps import AppConfig


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = "Statements archive"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Every write to the archive changes the page cache's content version.
        from archive.pagecache import connect_signals

        connect_signals(self)
        # A round deleted or moved to another dialogue changes the stored tallies.
        from statements.counts import tallies

        tallies.connect_signals()
