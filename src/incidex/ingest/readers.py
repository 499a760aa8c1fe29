"""The registry of readers by extension: the one place a new format is added."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from incidex.errors import RecordError
from incidex.ingest import csvfile, feeds, html, jsonl, pdf, stdin, telegram, text
from incidex.schema import Document

Reader = Callable[[str], Iterator[Document | RecordError]]

EXTENSIONS: dict[str, Reader] = {
    ".txt": text.read,
    ".md": text.read,
    ".jsonl": jsonl.read,
    ".ndjson": jsonl.read,
    ".csv": csvfile.read,
    ".html": html.read,
    ".htm": html.read,
    ".xhtml": html.read,
    ".pdf": pdf.read,
    ".json": telegram.read,  # Telegram Desktop export (result.json), recognised by content
    ".rss": feeds.read,
    ".atom": feeds.read,
    ".xml": feeds.read_xml,  # read as a feed only when the content is one
}
READERS: dict[str, Reader] = {"stdin": stdin.read}


def reader_for(path: Path) -> Reader | None:
    return EXTENSIONS.get(path.suffix.lower())
