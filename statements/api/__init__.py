"""The read-only JSON API at /api/ (docs/api.md): Django REST framework views over the same
QuerySets and FilterSets as the pages, described by an OpenAPI 3 schema (drf-spectacular)."""
