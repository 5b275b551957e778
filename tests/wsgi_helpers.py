"""Calling a WSGI application in-process as a server would, and reading what it answered."""

import io
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit
from wsgiref.util import setup_testing_defaults


def environ(path, **extra):
    """A GET's WSGI environ for ``path`` (with its query string) on the test host."""
    parts = urlsplit(path)
    env = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": parts.path,
        "QUERY_STRING": parts.query,
        "HTTP_HOST": "testserver",
        "wsgi.input": io.BytesIO(),
        **extra,
    }
    setup_testing_defaults(env)
    return env


@dataclass
class Answer:
    status: int
    headers: dict
    body: bytes

    @property
    def text(self):
        return self.body.decode()


def call(app, path, **extra):
    """One request, its body read whole and closed, as a WSGI server does."""
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=int(status.split()[0]), headers=dict(headers))

    body = app(environ(path, **extra), start_response)
    try:
        content = b"".join(body)
    finally:
        if hasattr(body, "close"):
            body.close()
    return Answer(answer["status"], answer["headers"], content)


def server_timing(answer):
    """The Server-Timing header's phases, in milliseconds."""
    phases = (part.split(";dur=") for part in answer.headers["Server-Timing"].split(", "))
    return {name: float(ms) for name, ms in phases}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
