"""Plain text and Markdown: one file, one document, id = file stem."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from incidex.errors import InputError, RecordError
from incidex.ingest.decode import read_text
from incidex.schema import Document


def read(path: str) -> Iterator[Document | RecordError]:
    text = read_text(path)
    if not text.strip():
        raise InputError(path, "empty file")
    yield Document(id=Path(path).stem, text=text)
