"""The archivists' admin: correct any record, review what the extractor found, add articles.

Article text is third-party, so every place that shows a body escapes it before marking quotes.
One module per kind of record; importing them registers their ModelAdmins.
"""

from statements.admin import articles, carriers, quotes, reference, speakers  # noqa: F401
