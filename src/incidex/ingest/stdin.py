"""Standard input: JSON Lines when every non-empty line is a JSON object, else one plain-text document."""

from __future__ import annotations

import sys
from collections.abc import Iterator

from incidex.errors import InputError, RecordError
from incidex.ingest.decode import decode_text
from incidex.ingest.jsonl import parse_lines
from incidex.schema import Document


def read(path: str = "-") -> Iterator[Document | RecordError]:
    text = decode_text(sys.stdin.buffer.read(), "<stdin>")
    if not text.strip():
        raise InputError("<stdin>", "empty input")
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and all(line.lstrip().startswith("{") for line in lines):
        yield from parse_lines(text.splitlines(), "<stdin>")
    else:
        yield Document(id="stdin", text=text)
