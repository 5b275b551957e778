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


def source_part(column):
    """(fact, key) of a provenance column: ``said_on_source_detail`` -> (said_on, detail)."""
    fact, _, part = column.partition("_source")
    return fact, "detail" if part == "_detail" else "kind"


def csv_cells(row, columns, parts):
    """A row's CSV cells: its values, a list joined by ";", a fact's provenance flattened
    (``said_on_source`` its kind, "inferred"; ``said_on_source_detail`` the sentence saying
    where it came from; empty when not recorded). One loop, no call a cell: at 5,000 rows of
    27 columns, three calls a cell were most of an export's CPU."""
    provenance = row.get("provenance") or {}
    cells = []
    for column in columns:
        if column in row:
            value = row[column]
        else:
            fact, key = parts[column]
            value = (provenance.get(fact) or {}).get(key, "")
        if isinstance(value, list):
            value = ";".join(value)
        if isinstance(value, str) and value[:1] in FORMULA_STARTS:
            # run as a formula by spreadsheets; a quote never is one, nor a list of slugs
            value = "'" + value
        cells.append(value)
    return cells


def stream_csv(rows, columns, dump_url):
    writer = csv.writer(Echo())
    yield writer.writerow(columns)
    parts = {column: source_part(column) for column in columns}
    piece = []
    for row in rows:
        piece.append(writer.writerow(csv_cells(row, columns, parts)))
        if len(piece) == ROWS_PER_PIECE:
            yield "".join(piece)
            piece = []
    if piece:
        yield "".join(piece)
    yield csv_verdict(writer, rows, dump_url)


def stream_written_csv(pieces, columns, dump_url):
    """A CSV whose rows come written, a piece at a time (``pgcopy.CopiedRows``), between the
    same header and verdict as ``stream_csv``'s."""
    writer = csv.writer(Echo())
    yield writer.writerow(columns)
    yield from pieces
    yield csv_verdict(writer, pieces, dump_url)


def csv_verdict(writer, rows, dump_url):
    """The last row: whole, or the first rows only (and where every record is)."""
    if rows.truncated:
        return writer.writerow(
            ["#", "truncated", f"the first {rows.count} rows only; every record: {dump_url}"]
        )
    return writer.writerow(["#", "complete", f"{rows.count} rows"])


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
