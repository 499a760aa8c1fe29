"""Turning one raw record (a JSONL object, a CSV row) into a Document, with the checks users need."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from incidex.errors import RecordError
from incidex.schema import Document


def parse_published(value: Any) -> date | None:
    """``YYYY-MM-DD`` or an ISO 8601 timestamp; empty means unknown. Raises ValueError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"'published' is not a date (YYYY-MM-DD): {text!r}") from None


def document_from_record(record: Any, path: str, line: int, fallback_id: str) -> Document | RecordError:
    """A Document from a mapping with ``id``/``text``/``published`` (+ optional metadata)."""
    if not isinstance(record, dict):
        return RecordError(path, line, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return RecordError(path, line, "missing or empty 'text'")
    doc_id = record.get("id")
    doc_id = str(doc_id).strip() if doc_id not in (None, "") else fallback_id
    try:
        published = parse_published(record.get("published"))
    except ValueError as exc:
        return RecordError(path, line, str(exc))
    return Document(
        id=doc_id,
        text=text,
        published=published,
        title=_opt(record.get("title")),
        source=_opt(record.get("source")),
        url=_opt(record.get("url")),
    )


def _opt(value: Any) -> str | None:
    return None if value in (None, "") else str(value)
