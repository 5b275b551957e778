"""The Statements Archive project package: settings, root URLs and WSGI entry point."""
