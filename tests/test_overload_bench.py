"""bench.overload counts what issue 14's goal counts: a 200 cut short is a truncated page,
not a served one, and a slow refusal is told apart by the server's own Server-Timing."""

import socket
import threading

import pytest

from bench import overload


def serve_once(replies):
    """A loopback server answering each connection with the next raw reply, then closing."""
    listener = socket.create_server(("127.0.0.1", 0))

    def run():
        for reply in replies:
            conn, _ = listener.accept()
            with conn:
                conn.recv(65536)
                conn.sendall(reply)
        listener.close()

    threading.Thread(target=run, daemon=True).start()
    return listener.getsockname()[1]


PAGE = b"<!doctype html><html><body>a page</body></html>\n"


def reply(status, body, length=None, timing=None):
    head = f"HTTP/1.1 {status}\r\nContent-Length: {len(body) if length is None else length}\r\n"
    if timing:
        head += f"Server-Timing: {timing}\r\n"
    return head.encode() + b"Connection: close\r\n\r\n" + body


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (reply("200 OK", PAGE), {"served_within_1s": 1, "truncated": 0}),
        # Fewer bytes than announced: http.client raises IncompleteRead.
        (reply("200 OK", PAGE[:20], length=len(PAGE)), {"served_within_1s": 0, "truncated": 1}),
        # Whole by its length, but the page stops before its end (a stream cut short).
        (reply("200 OK", PAGE[:20]), {"served_within_1s": 0, "truncated": 1}),
        (reply("503 Service Unavailable", b"busy"), {"503": 1, "503_within_100ms": 1}),
    ],
    ids=["whole", "short-of-its-length", "cut-short", "refused"],
)
def test_each_answer_is_counted_as_what_it_is(raw, expected):
    port = serve_once([raw])
    records, wall = overload.offer(port, ["/"], 10, 0.1, client_timeout=5, max_clients=2)
    report = overload.summarise(records, wall)
    assert {k: report[k] for k in expected} == expected
    assert report["offered"] == 1 and report["timeouts"] == 0


def test_a_slow_refusal_is_split_into_the_servers_part_and_the_rest():
    fast_on_server = {"queue": 0.001, "wait": 0.05, "refuse": 0.0003, "total": 0.0513}
    slow_on_server = {"queue": 0.001, "wait": 0.05, "refuse": 0.2, "total": 0.251}
    records = [
        (503, 0.02, {"total": 0.01}, 0.0, "/a"),
        (503, 0.15, fast_on_server, 0.09, "/b"),  # the client sent it 90 ms late
        (503, 0.26, slow_on_server, 0.0, "/c"),
        (200, 1.4, {"total": 1.3}, 0.0, "/slow-page/"),
    ]
    report = overload.summarise(records, 1.0)
    assert report["503"] == 3 and report["503_within_100ms"] == 1
    assert report["503_server_over_100ms"] == 1
    assert report["slow_503"]["count"] == 2
    assert report["slow_503"]["server_within_100ms"] == 1
    assert report["served_later_paths"] == {"/slow-page/": 1}


def test_without_server_timing_the_server_columns_are_left_out():
    report = overload.summarise([(503, 0.02, {}, 0.0, "/")], 1.0)
    assert "503_server_p99_ms" not in report
    assert report["503_within_100ms"] == 1
