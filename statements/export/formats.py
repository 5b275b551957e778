"""The two download formats, streamed a piece at a time: CSV (spreadsheet-safe cells, each
fact's provenance flattened into columns) and JSON, each ending with its verdict."""

import csv
import json

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


class Echo:
    """A file-like object whose write() hands the line back, for streaming csv.writer."""

    def write(self, value):
        return value


FORMULA_STARTS = frozenset("=+-@\t\r")
# Rows written per piece of the streamed response: one piece a row cost more to send through
# Django's response machinery (charset, bytes) than to write.
ROWS_PER_PIECE = 100


def spreadsheet_safe(value):
    # A cell starting with = + - @ is run as a formula by spreadsheets; a quote never is one.
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def flat(row, column):
    """A CSV cell: the row's value, or one fact's provenance flattened: ``said_on_source`` is
    its kind ("inferred"), ``said_on_source_detail`` the sentence saying where it came from;
    empty when not recorded."""
    if column in row:
        return row[column]
    fact, _, part = column.partition("_source")
    entry = (row.get("provenance") or {}).get(fact) or {}
    return entry.get("detail" if part == "_detail" else "kind", "")


def csv_cell(value):
    if isinstance(value, list):
        return ";".join(value)
    return spreadsheet_safe(value)


def stream_csv(rows, columns, dump_url):
    writer = csv.writer(Echo())
    yield writer.writerow(columns)
    piece = []
    for row in rows:
        piece.append(writer.writerow([csv_cell(flat(row, c)) for c in columns]))
        if len(piece) == ROWS_PER_PIECE:
            yield "".join(piece)
            piece = []
    if piece:
        yield "".join(piece)
    if rows.truncated:
        yield writer.writerow(
            ["#", "truncated", f"the first {rows.count} rows only; every record: {dump_url}"]
        )
    else:
        yield writer.writerow(["#", "complete", f"{rows.count} rows"])


def stream_json(rows, dump_url):
    yield '{"results": [\n'
    separator, piece = "", []
    for row in rows:
        piece.append(separator + json.dumps(row, ensure_ascii=False))
        separator = ",\n"
        if len(piece) == ROWS_PER_PIECE:
            yield "".join(piece)
            piece = []
    if piece:
        yield "".join(piece)
    end = {"count": rows.count, "complete": not rows.truncated}
    if rows.truncated:
        end.update({"row_limit": rows.limit, "full_dump": dump_url})
    # The verdict comes last: a stream cut anywhere before it does not parse.
    yield "\n],\n" + json.dumps(end)[1:] + "\n"
