"""RSS and Atom files: one document per entry (title, then summary or content as text).

feedparser reads the file from memory (never a URL). HTML in summaries is turned into text
with paragraph breaks kept. ``published`` is the entry's own date in its own time zone (a
report dated 01:00 +03:00 was published that day, not the day before in UTC). The id is
``{file stem}-{hash of the entry's id or link}``: stable when the same entry appears in the next
snapshot of the feed, whatever its position.
"""

from __future__ import annotations

import email.utils
import hashlib
import io
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from incidex.errors import InputError, RecordError
from incidex.ingest.decode import read_bytes
from incidex.schema import Document

_ENTRY_TAG = re.compile(rb"<(?:[A-Za-z0-9_]+:)?(?:item|entry)[\s>/]")
_FEED_ROOT = re.compile(rb"<(?:[A-Za-z0-9_]+:)?(?:rss|feed|RDF)[\s>]")
_BLOCKS = frozenset({"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote", "section", "article"})
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def html_to_text(markup: str) -> str:
    """Text of an HTML fragment, a blank line between block elements, spaces collapsed."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises ParserError and ValueError on odd fragments
        return " ".join(markup.split())
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
        elif el.tag == "br":
            el.tail = "\n" + (el.tail or "")
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", root.text_content())]
    return "\n\n".join(p for p in paragraphs if p)


def _detail_text(detail: Any, value: str) -> str:
    kind = (detail or {}).get("type", "text/html") if isinstance(detail, dict) else "text/html"
    return html_to_text(value) if kind in _HTML_TYPES else "\n\n".join(" ".join(p.split()) for p in value.split("\n\n") if p.strip())


def entry_date(entry: Any) -> date | None:
    """The entry's date in its own time zone: RFC 822 (RSS) or RFC 3339 (Atom), else feedparser's UTC."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).date()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).date()
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def entry_text(entry: Any) -> tuple[str | None, str]:
    """(title, document text): the title, a blank line, then the longest of content and summary."""
    title = " ".join(str(entry.get("title") or "").split()) or None
    bodies: list[str] = []
    for content in entry.get("content") or []:
        if content.get("value"):
            bodies.append(_detail_text(content, content["value"]))
    if entry.get("summary"):
        bodies.append(_detail_text(entry.get("summary_detail"), entry["summary"]))
    body = max(bodies, key=len) if bodies else ""
    if title and body.startswith(title):
        return title, body
    return title, "\n\n".join(part for part in (title, body) if part)


def read_feed(data: bytes, path: str) -> Iterator[Document | RecordError]:
    import feedparser

    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file, not text")
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        where = ""
        if problem is not None and hasattr(problem, "getLineNumber"):
            where = f"line {problem.getLineNumber()}: "
        raise InputError(path, f"{where}not an RSS or Atom feed" + (f" ({problem})" if problem else ""))
    starts = [m.start() for m in _ENTRY_TAG.finditer(data)]
    stem = Path(path).stem
    feed_title = " ".join(str(parsed.feed.get("title") or "").split()) or None
    for n, entry in enumerate(parsed.entries):
        line = data.count(b"\n", 0, starts[n]) + 1 if n < len(starts) else 1
        title, text = entry_text(entry)
        if not text.strip():
            yield RecordError(path, line, f"entry {n + 1} has no title, summary or content")
            continue
        key = entry.get("id") or entry.get("link") or f"{title}|{entry.get('published', '')}"
        digest = hashlib.sha256(str(key).encode("utf-8")).hexdigest()[:12]
        yield Document(id=f"{stem}-{digest}", text=text, published=entry_date(entry), title=title, source=feed_title,
                       url=entry.get("link") or None)


def read(path: str) -> Iterator[Document | RecordError]:
    data = read_bytes(path)
    if not data.strip():
        raise InputError(path, "empty file")
    yield from read_feed(data, path)


def looks_like_feed(data: bytes) -> bool:
    return _FEED_ROOT.search(data[:4096]) is not None


def read_xml(path: str) -> Iterator[Document | RecordError]:
    """``.xml`` files: read as a feed when the content is RSS/Atom/RDF, else refused."""
    data = read_bytes(path)
    if not data.strip():
        raise InputError(path, "empty file")
    if not looks_like_feed(data):
        raise InputError(path, "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
    yield from read_feed(data, path)
