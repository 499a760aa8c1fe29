"""CSV with a header row: columns ``id``, ``text``, ``published`` (+ optional metadata)."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from incidex.errors import InputError, RecordError
from incidex.ingest.decode import decode_text, read_bytes
from incidex.ingest.records import document_from_record
from incidex.schema import Document

MAX_CSV_BYTES = 4 * 1024 * 1024 * 1024


def read(path: str) -> Iterator[Document | RecordError]:
    text = decode_text(read_bytes(path, MAX_CSV_BYTES), path)
    if not text.strip():
        raise InputError(path, "empty file")
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    if "text" not in header:
        raise InputError(path, f"line 1: no 'text' column in the header (found: {', '.join(header) or 'nothing'})")
    stem = Path(path).stem
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RecordError(path, line, f"malformed CSV: {exc}")
            return
        if None in row:  # more fields than the header names
            yield RecordError(path, reader.line_num, f"{len(header) + len(row[None])} fields, header has {len(header)}")
            continue
        yield document_from_record(row, path, reader.line_num, f"{stem}-{reader.line_num}")
