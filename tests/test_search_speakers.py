"""Speaker search: parts of names, aliases, native names and misspellings; composing, ranking
and the picker's suggestions, on the current engine.
"""

import pytest

from statements import search
from statements.models import Speaker


@pytest.mark.parametrize(
    ("q", "name"),
    [
        ("Hilary Clinton", "Hillary Clinton"),
        ("Cui Tian Kai", "Cui Tiankai"),
        ("崔天凯", "Cui Tiankai"),
        ("cui tiankai", "Cui Tiankai"),
        ("Tiankai", "Cui Tiankai"),
        ("Timothy Geitner", "Timothy Geithner"),
        ("Rodham", "Hillary Clinton"),
        ("Posner", "Michael Posner"),
        ("王岐山", "Wang Qishan"),
    ],
)
def test_speakers_by_part_alias_native_name_or_misspelling(db, q, name):
    results = list(Speaker.objects.search(q))
    assert results and results[0].name == name
    assert results[0].similarity > 0


def test_speaker_search_composes_and_ranks(db):
    assert not Speaker.objects.filter(country="China").search("Hilary Clinton").exists()
    assert search.search_speakers(Speaker.objects.all(), "") is not None
    assert not Speaker.objects.search("zzzzqqq").exists()


def test_speaker_suggestions(db):
    assert [s.name for s in Speaker.objects.suggestions("Hilary Clinton")] == ["Hillary Clinton"]
    assert [s.name for s in Speaker.objects.suggestions('"Cui Tiankai"')] == ["Cui Tiankai"]
    assert Speaker.objects.suggestions("mutual respect") == []
    assert Speaker.objects.suggestions("") == []
    assert len(Speaker.objects.suggestions("delegation", limit=1)) == 1
