"""The real themes the synthetic quotes are tagged with: read from fixtures/reference.json and
matched by their keywords."""

import json
import re

from django.conf import settings


def theme_tagger(themes):
    """A function text -> theme slugs, from each theme's keywords (whole words, any case)."""
    by_keyword = {}
    for slug, keywords in themes.items():
        for kw in keywords:
            by_keyword.setdefault(kw.lower(), set()).add(slug)
    if not by_keyword:
        return lambda text: []
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(k) for k in sorted(by_keyword, key=len, reverse=True)) + r")\b",
        re.IGNORECASE,
    )

    def tag(text):
        found = set()
        for m in pattern.finditer(text):
            found |= by_keyword[m.group(1).lower()]
        return sorted(found)

    return tag


def reference_themes():
    """The controlled vocabulary from fixtures/reference.json: slug -> (name, description,
    keywords)."""
    path = settings.BASE_DIR / "fixtures" / "reference.json"
    out = {}
    for record in json.loads(path.read_text(encoding="utf-8")):
        if record["model"] == "statements.theme":
            f = record["fields"]
            out[f["slug"]] = (f["name"], f.get("description", ""), f.get("keywords", ""))
    return out
