"""Speaker search on SQLite through the FTS5 trigram index (migration 0004_speaker_trigrams).

The index only narrows the speakers Python scores, so the results must be exactly those of
scoring every speaker in Python, as search_speakers did before the index: compared here over
names in several scripts and with punctuation, and queries that are exact, partial,
misspelt, in capitals, one or two letters long, or junk.
"""

import random
from importlib import import_module
from types import SimpleNamespace

import pytest
from django.db import connection

from statements.models import Speaker
from statements.search import names as search

pytestmark = pytest.mark.sqlite

NAMES = [
    # name, aliases (one per line), native name
    ("Sergey V. Lavrov", "Sergei Lavrov\nLavrov, Sergey Viktorovich", "Сергей Викторович Лавров"),
    ("Jean-Marc Ayrault", "J.-M. Ayrault", ""),
    ("Conor O'Brien", "Conor O’Brien", ""),
    ("Ursula von der Leyen", "von der Leyen (EU)", ""),
    ("Kim Jong-un", "Kim Jong Un\nKim Jong-un II", "김정은"),
    ("Nguyễn Phú Trọng", "Nguyen Phu Trong", "阮富仲"),
    ("Recep Tayyip Erdoğan", "Erdogan", ""),
    ("İsmail Kahraman", "ISMAIL KAHRAMAN", ""),
    ("Nikos Dendias", "ΝΙΚΟΣ ΔΕΝΔΙΑΣ", "Νίκος Δένδιας"),
    ("Abdullah bin Zayed Al Nahyan", "Abdullah bin Zayed", "عبدالله بن زايد آل نهيان"),
    ("Donald Trump", "", "唐纳德·特朗普"),
    ("Wang Yi", "Wang Yi (PRC)", "王毅"),
    ("Yang Jiechi", "", "杨洁篪"),
    ("Li Keqiang", "", "李克强"),
    ("Xi Jinping", "Xi Jin-ping", "习近平"),
    ("Fumio Kishida", "", "岸田文雄"),
    ("Yoshimasa Hayashi", "", "林芳正"),
    ("A. B. Ng", "Ng_AB", ""),
    ("Delegation of the U.S.", "U.S. delegation", ""),
    ("Office of the 14th Dalai Lama", "", "ཏཱ་ལའི་བླ་མ"),
]

QUERIES = [
    "Hilary Clinton",
    "Hillary Rodham Clinton",
    "Cui Tian Kai",
    "cui tiankai",
    "崔天凯",
    "崔天",
    "Сергей Лавров",
    "сергей",
    "Sergei Lavrov",
    "LAVROV",
    "Lavrov, Sergey",
    "v. lavrov",
    "Jean Marc",
    "jean-marc",
    "O'Brien",
    "obrien",
    "O’Brien",
    "von der",
    "Kim Jong Un",
    "jong-un",
    "Nguyen",
    "Trọng",
    "trong",
    "Erdogan",
    "erdoğan",
    "İsmail",
    "ismail",
    "Νίκος",
    "δενδιας",
    "ΔΕΝΔΙΑΣ",
    "زايد",
    "Wang",
    "Wang Yi",
    "Wong Yi",
    "Yi",
    "Li",
    "Xi",
    "Xi Jinping",
    "Xi Jin Ping",
    "习近平",
    "王",
    "Ng",
    "a",
    "U.S.",
    "us",
    "delegation",
    "Chinese delegation",
    "rights",
    "human rights",
    "mutual respect",
    "Timothy Geitner",
    "Posner",
    "zzzzqqq",
    "!!",
    "(",
    "14th",
    "Dalai",
    "ལའི",
    "ན",
]


@pytest.fixture
def speakers(db):
    made = [
        Speaker.objects.create(
            name=name, slug=f"trigram-test-{i}", aliases=aliases, native_name=native
        )
        for i, (name, aliases, native) in enumerate(NAMES)
    ]
    return made


def old_trigrams(text):
    grams = set()
    for word in search.WORD.findall(text.lower()):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def old_strict_word_similarity(query, document):
    wanted = old_trigrams(query)
    if not wanted:
        return 0.0
    words = search.WORD.findall(document.lower())
    span = len(search.WORD.findall(query)) + 2
    best = 0.0
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + span) + 1):
            got = old_trigrams(" ".join(words[i:j]))
            best = max(best, len(wanted & got) / len(wanted | got))
    return best


def python_scores(q):
    """What search_speakers did before the index, verbatim: score every speaker in Python."""
    q = search._name_query(q)
    needle = q.lower()
    scores = {}
    for pk, name, aliases, native in Speaker.objects.values_list(*search.SPEAKER_FIELDS):
        document = f"{name} {aliases} {native}"
        score = old_strict_word_similarity(q, document)
        if score >= search.SPEAKER_THRESHOLD or needle in document.lower():
            scores[pk] = round(score, 6)
    return scores


def indexed_scores(q, monkeypatch):
    monkeypatch.setattr(search, "MAX_SPEAKER_MATCHES", 10**6)
    return {s.pk: s.similarity for s in search.search_speakers(Speaker.objects.all(), q)}


def mutations(text, rng):
    """Misspellings and fragments of text, as people type them."""
    i = rng.randrange(len(text))
    j = rng.randrange(i, len(text)) + 1
    letter = rng.choice("aeiouyklmnrst")
    yield text[:i] + text[i + 1 :]  # a letter left out
    yield text[:i] + letter + text[i:]  # one added
    yield text[:i] + letter + text[i + 1 :]  # one wrong
    yield text[:i] + text[i + 1 : i + 2] + text[i : i + 1] + text[i + 2 :]  # two swapped
    yield text[i:j]  # a fragment
    yield text[i : i + 2]  # two letters
    yield text[i : i + 3]  # three
    yield text.upper()
    yield text.replace(" ", "")
    yield text.replace(" ", " " + letter, 1)


def test_index_and_python_agree_on_chosen_queries(speakers, monkeypatch):
    for q in QUERIES:
        assert indexed_scores(q, monkeypatch) == python_scores(q), q


def test_index_and_python_agree_on_misspellings_and_fragments(speakers, monkeypatch):
    rng = random.Random(20261123)
    documents = list(Speaker.objects.values_list("name", "aliases", "native_name"))
    queries = set()
    for document in documents:
        for text in document:
            for line in text.splitlines():
                if line.strip():
                    queries.update(mutations(line, rng))
    # A fragment that is only a space searches nothing: the list comes back unfiltered.
    queries = {q for q in queries if search._name_query(q)}
    assert len(queries) > 500
    for q in sorted(queries):
        assert indexed_scores(q, monkeypatch) == python_scores(q), q


def test_the_index_narrows_the_candidates(speakers):
    similar, contains = search._speaker_candidates("Hilary Clinton")
    with connection.cursor() as cursor:
        cursor.execute(f"{similar[0]} UNION {contains[0]}", similar[1] + contains[1])
        found = {row[0] for row in cursor.fetchall()}
    clinton = Speaker.objects.get(name="Hillary Clinton").pk
    assert clinton in found
    assert len(found) < Speaker.objects.count() / 4
    # Too short to find as a substring: Python checks that part on every row.
    assert search._speaker_candidates("Li")[1] is None


def test_names_in_other_scripts_are_always_scored(speakers):
    marked = {pk for pk, _, words in fts_rows() if words.endswith(search.SPEAKER_OTHER_SCRIPT_MARK)}
    assert marked == {Speaker.objects.get(name="Office of the 14th Dalai Lama").pk}
    similar, _ = search._speaker_candidates("zzzzqqq")
    with connection.cursor() as cursor:
        cursor.execute(similar[0], similar[1])
        assert {row[0] for row in cursor.fetchall()} == marked


def test_cut_and_order_follow_the_result(speakers):
    results = list(Speaker.objects.search("a"))
    assert len(results) <= search.MAX_SPEAKER_MATCHES
    keys = [(-s.similarity, s.name, s.pk) for s in results]
    assert keys == sorted(keys)


def fts_rows():
    with connection.cursor() as cursor:
        cursor.execute("SELECT rowid, document, words FROM speaker_fts ORDER BY rowid")
        return cursor.fetchall()


def test_triggers_follow_insert_update_delete(speakers, monkeypatch):
    assert not Speaker.objects.search("Qxzwv").exists()
    speaker = Speaker.objects.create(name="Anna Qxzwv-Lind", slug="qxzwv")
    assert list(Speaker.objects.search("Qxzwv")) == [speaker]
    assert list(Speaker.objects.search("Anna Qxzvw")) == [speaker]  # misspelt
    speaker.aliases = "Anna Lindqvist\nA. Q. Lind"
    speaker.save()
    assert list(Speaker.objects.search("lindqvist")) == [speaker]
    Speaker.objects.filter(pk=speaker.pk).update(native_name="Анна Линдквист")
    assert list(Speaker.objects.search("Линдквист")) == [speaker]
    Speaker.objects.filter(pk=speaker.pk).update(country="Sweden")  # not indexed: no-op
    rows = dict((pk, (document, words)) for pk, document, words in fts_rows())
    assert rows[speaker.pk] == (
        "Anna Qxzwv-Lind Anna Lindqvist\nA. Q. Lind Анна Линдквист",
        "  Anna  Qxzwv  Lind  Anna  Lindqvist  A    Q    Lind  Анна  Линдквист  ",
    )
    speaker.delete()
    assert not Speaker.objects.search("Qxzwv").exists()
    assert speaker.pk not in {row[0] for row in fts_rows()}
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO speaker_fts(speaker_fts) VALUES ('integrity-check')")
    assert [row[0] for row in fts_rows()] == sorted(Speaker.objects.values_list("pk", flat=True))


def test_migration_forward_is_idempotent_and_refills(speakers):
    migration = import_module("statements.migrations.0004_speaker_trigrams")
    before = fts_rows()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM speaker_fts WHERE rowid = %s", [speakers[0].pk])
    # The test runs in a transaction, where SQLite's schema editor is refused; forward
    # only needs execute().
    with connection.cursor() as cursor:
        editor = SimpleNamespace(connection=connection, execute=cursor.execute)
        migration.forward(None, editor)
        migration.forward(None, editor)
    assert fts_rows() == before
