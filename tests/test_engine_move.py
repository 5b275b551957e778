"""An archive built on SQLite moves to PostgreSQL whole: dumpdata from one, loaddata into the
other, and the second dump equals the first record for record.

Runs in the PostgreSQL pass (it needs a server to move to). The SQLite archive and the
scratch PostgreSQL database (the test database's name + ``_move``) are made and removed here.
"""

import json
import os
import subprocess
import sys

import psycopg
import pytest
from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.postgres

ADD_RECORDS = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
django.setup()
from statements.models import Speaker
from tests import factories
factories.article_with_quotes(40, url="https://news.example.org/moved?id=1&lang=en")
Speaker.objects.create(
    name="Zhao Mingde", slug="zhao-mingde", native_name="赵明德", title="T" * 300,
    aliases="Zhao M.\\nMr Zhao", country="China",
)
"""


def manage(*args, database_url):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env["DATABASE_URL"] = database_url
    result = subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def dump(database_url, path):
    manage(
        "manage.py",
        "dumpdata",
        "statements",
        "--natural-foreign",
        "--natural-primary",
        "--indent",
        "1",
        "-o",
        str(path),
        database_url=database_url,
    )
    records = json.loads(path.read_text(encoding="utf-8"))
    return sorted(records, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False))


@pytest.fixture
def scratch_postgres(db):
    params = connection.settings_dict
    name = f"{params['NAME']}_move"
    admin = psycopg.connect(
        host=params["HOST"],
        port=params["PORT"] or 5432,
        user=params["USER"],
        password=params["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    yield "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/".format(**params) + name
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def test_an_sqlite_archive_moves_to_postgresql_unchanged(tmp_path, scratch_postgres):
    sqlite = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    manage("manage.py", "migrate", "--no-input", "-v0", database_url=sqlite)
    manage("manage.py", "seed", "-v0", database_url=sqlite)
    manage("-c", ADD_RECORDS, database_url=sqlite)
    before = dump(sqlite, tmp_path / "from-sqlite.json")

    manage("manage.py", "migrate", "--no-input", "-v0", database_url=scratch_postgres)
    manage(
        "manage.py", "loaddata", str(tmp_path / "from-sqlite.json"), database_url=scratch_postgres
    )
    after = dump(scratch_postgres, tmp_path / "from-postgres.json")

    models = {r["model"] for r in before}
    assert {"statements.article", "statements.quote", "statements.speaker"} <= models
    assert sum(r["model"] == "statements.quote" for r in before) >= 40
    assert after == before
