"""JSON Lines: one document a line (``id``, ``text``, ``published``; optional ``title``, ``source``, ``url``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from incidex.errors import InputError, RecordError
from incidex.ingest.decode import decode_text, read_bytes
from incidex.ingest.records import document_from_record
from incidex.schema import Document

MAX_JSONL_BYTES = 4 * 1024 * 1024 * 1024


def read(path: str) -> Iterator[Document | RecordError]:
    text = decode_text(read_bytes(path, MAX_JSONL_BYTES), path)
    yield from parse_lines(text.splitlines(), path)


def parse_lines(lines: list[str], path: str) -> Iterator[Document | RecordError]:
    stem = Path(path).stem if path != "-" else "stdin"
    seen = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordError(path, number, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        yield document_from_record(record, path, number, f"{stem}-{number}")
    if seen == 0:
        raise InputError(path, "empty file")
