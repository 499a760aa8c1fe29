"""Telegram Desktop chat exports (``result.json``): one document per message.

Telegram Desktop writes one chat as ``{"name", "type", "id", "messages": [...]}``, and a whole
account as ``{"chats": {"list": [chat, ...]}}``; both are read. A message's ``text`` is a string
or a list of plain strings and entity objects (links, bold, hashtags) each with its ``text``;
the pieces are joined as they are, so offsets match what a reader sees. ``date`` (local time of
the export) gives ``published``; the id is ``{chat id or name}-{message id}``, stable across
re-exports. Service messages (joins, pins) and messages without text (a photo alone) are not
documents and are passed over silently.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from incidex.errors import InputError, RecordError
from incidex.ingest.decode import read_text
from incidex.ingest.records import parse_published
from incidex.schema import Document

MAX_EXPORT_BYTES = 2 * 1024 * 1024 * 1024
_ID_KEY = re.compile(r'"id"\s*:\s*(-?\d+)')


def is_export(data: Any) -> bool:
    return isinstance(data, dict) and (isinstance(data.get("messages"), list) or isinstance((data.get("chats") or {}).get("list"), list))


def message_text(value: Any) -> str | None:
    """The text of a message: a string, or a list of strings and ``{"text": ...}`` entities."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts: list[str] = []
        for piece in value:
            if isinstance(piece, str):
                parts.append(piece)
            elif isinstance(piece, dict) and isinstance(piece.get("text"), str):
                parts.append(piece["text"])
            else:
                return None
        return "".join(parts)
    return None


class _Lines:
    """Line numbers of messages in the file, found by walking ``"id": N`` keys in order."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.matches = [(m.start(), m.group(1)) for m in _ID_KEY.finditer(raw)]
        self.at = 0
        self.last_line = 1

    def line_of(self, message_id: Any) -> int:
        wanted = str(message_id)
        for i in range(self.at, len(self.matches)):
            if self.matches[i][1] == wanted:
                self.at = i + 1
                self.last_line = self.raw.count("\n", 0, self.matches[i][0]) + 1
                return self.last_line
        return self.last_line


def _chats(data: dict[str, Any]) -> list[dict[str, Any]]:
    if isinstance(data.get("messages"), list):
        return [data]
    return [c for c in data["chats"]["list"] if isinstance(c, dict)]


def read_export(raw: str, path: str) -> Iterator[Document | RecordError]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"line {exc.lineno}: invalid JSON: {exc.msg} (column {exc.colno})") from None
    if not is_export(data):
        raise InputError(path, "not a Telegram Desktop export (expected an object with a 'messages' list)")
    lines = _Lines(raw)
    for chat in _chats(data):
        chat_key = chat.get("id") if chat.get("id") not in (None, "") else chat.get("name")
        chat_name = chat.get("name") if isinstance(chat.get("name"), str) else None
        for number, message in enumerate(chat.get("messages") or [], start=1):
            if not isinstance(message, dict):
                yield RecordError(path, lines.last_line, f"message {number}: expected an object, got {type(message).__name__}")
                continue
            line = lines.line_of(message.get("id"))
            if message.get("type", "message") != "message":
                continue
            text = message_text(message.get("text"))
            if text is None:
                yield RecordError(path, line, f"message {message.get('id', number)}: 'text' is neither a string nor a list of text pieces")
                continue
            if not text.strip():
                continue
            if message.get("id") in (None, ""):
                yield RecordError(path, line, f"message {number}: no 'id'")
                continue
            try:
                published = parse_published(message.get("date"))
            except ValueError as exc:
                yield RecordError(path, line, f"message {message['id']}: {exc}")
                continue
            yield Document(id=f"{chat_key if chat_key is not None else 'chat'}-{message['id']}", text=text,
                           published=published, source=chat_name)


def read(path: str) -> Iterator[Document | RecordError]:
    """``.json`` files: a Telegram Desktop export, recognised by its content."""
    raw = read_text(path, MAX_EXPORT_BYTES)
    if not raw.strip():
        raise InputError(path, "empty file")
    yield from read_export(raw, path)
