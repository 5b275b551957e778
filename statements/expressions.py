"""Database expressions shared by the QuerySets and the search package (no model imports)."""

import json

from django.db import models


class KeySet(models.Expression):
    """A subquery of the given primary keys, passed as one parameter.

    ``pk__in=[...]`` with thousands of keys spends more time turning each key into a
    parameter than the database spends on the query (2,000 keys in three statements took
    ~90 ms of Python per page); this is one array (PostgreSQL) or one JSON text (SQLite).
    """

    output_field = models.BigIntegerField()

    def __init__(self, keys):
        super().__init__()
        self.keys = [int(key) for key in keys]

    def as_sql(self, compiler, connection):
        if connection.vendor == "postgresql":
            return "(SELECT unnest(%s::bigint[]))", [self.keys]
        return "(SELECT value FROM json_each(%s))", [json.dumps(self.keys)]
