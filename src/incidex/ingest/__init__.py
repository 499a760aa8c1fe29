"""Readers: files in, :class:`~incidex.schema.Document` objects out.

One module per format; :func:`read_documents` picks the reader by file extension (or content,
for formats whose extension is ambiguous). Readers yield documents and, for malformed records
inside a readable file, :class:`~incidex.errors.RecordError` values instead of raising, so a
batch goes on past a bad line (conventions.md §7). A file that cannot be read at all raises
:class:`~incidex.errors.InputError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from incidex.errors import InputError, RecordError
from incidex.ingest.readers import READERS, reader_for
from incidex.schema import Document

Item = Document | RecordError


def expand_paths(paths: Iterable[str], recursive: bool = True) -> Iterator[str]:
    """Files named on the command line, directories walked in sorted order (stable output)."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            pattern = "**/*" if recursive else "*"
            found = sorted(p for p in path.glob(pattern) if p.is_file() and reader_for(p) is not None)
            for p in found:
                yield str(p)
        elif not path.exists():
            raise InputError(raw, "no such file or directory")
        else:
            yield raw


def read_documents(path: str, published: date | None = None, source: str | None = None) -> Iterator[Item]:
    """Documents from one path (``-`` is standard input, read as plain text or JSONL)."""
    reader = reader_for(Path(path)) if path != "-" else READERS["stdin"]
    if reader is None:
        raise InputError(path, f"unsupported file type '{Path(path).suffix}' (expected one of: {', '.join(_extensions())})")
    for item in reader(path):
        if isinstance(item, Document):
            if item.published is None:
                item.published = published
            if item.source is None and source:
                item.source = source
        yield item


def _extensions() -> list[str]:
    from incidex.ingest.readers import EXTENSIONS

    return sorted(EXTENSIONS)


__all__ = ["Item", "expand_paths", "read_documents"]
