"""Start and stop the servers under test, on loopback only, as child processes of ours."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

LOOPBACK = "127.0.0.1"
ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def production_env(database_url):
    """The environment of a production deployment, bound to this machine."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-only-secret-key-not-used-anywhere-else-4b1d7c0e9a",
        DJANGO_ALLOWED_HOSTS=LOOPBACK,
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_LOG_LEVEL="ERROR",
        # The bench times rendering: with the page cache on, the workload's repeated
        # addresses would be answered from memory (bench.pagecache measures the cache).
        DJANGO_PAGE_CACHE_SECONDS="0",
    )
    return env


class Server:
    """A child process serving HTTP on 127.0.0.1:port; stopped by its own pid only."""

    def __init__(self, name, argv, port, env=None, log=None):
        self.name, self.argv, self.port, self.env = name, argv, port, env
        self.log = log
        self.process = None

    @property
    def base(self):
        return f"http://{LOOPBACK}:{self.port}"

    def __enter__(self):
        out = open(self.log, "wb") if self.log else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            self.argv,
            cwd=ROOT,
            env=self.env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited with {self.process.returncode}; see {self.log}"
                )
            try:
                with urllib.request.urlopen(self.base + "/", timeout=30):
                    return self
            except OSError:
                time.sleep(0.3)
        self.__exit__(None, None, None)
        raise RuntimeError(f"{self.name} did not answer on {self.base} within 60 s")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            # The server's own process group (start_new_session): its workers go with it.
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        return False


def gunicorn(database_url, workers, log, port=None):
    """Gunicorn on ``port`` (None: any free one)."""
    port = port or free_port()
    argv = [
        str(BIN / "gunicorn"),
        "archive.wsgi:application",
        "--bind",
        f"{LOOPBACK}:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--timeout",
        "120",
    ]
    return Server("gunicorn", argv, port, env=production_env(database_url), log=log)


def datasette(db_path, log, time_limit_ms=30000, port=None):
    """Datasette with its defaults except: the time limits, raised so that it does the same
    work as the archive (by default it gives up on a facet after 200 ms and leaves it out);
    and no facet suggestions, extra queries over the whole table that the archive's pages have
    no counterpart for (about 0.3 s a page at 50,000 quotes). On ``port`` (None: any free
    one)."""
    port = port or free_port()
    argv = [
        str(BIN / "datasette"),
        "serve",
        "--immutable",
        str(db_path),
        "--host",
        LOOPBACK,
        "--port",
        str(port),
        "--setting",
        "sql_time_limit_ms",
        str(time_limit_ms),
        "--setting",
        "facet_time_limit_ms",
        str(time_limit_ms),
        "--setting",
        "default_page_size",
        "25",
        "--setting",
        "suggest_facets",
        "off",
    ]
    return Server("datasette", argv, port, log=log)


def collectstatic(database_url):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=production_env(database_url),
        check=True,
    )
