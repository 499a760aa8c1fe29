"""Web pages: the article's main text and its metadata (title, date, canonical URL, site), offline.

trafilatura separates the article from navigation, asides and footers and reads the page's
own metadata (``og:``/``article:`` tags, JSON-LD); nothing is fetched. The publication date is
taken only from the page's metadata and markup, never guessed from dates in the text, which
are often the incident's. Paragraphs are separated by blank lines, as the segmenter expects.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from incidex.errors import InputError, RecordError
from incidex.ingest.decode import decode_text, read_bytes
from incidex.ingest.records import parse_published
from incidex.schema import Document

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
#: Only the page's own metadata: "extensive" search would pick dates out of the article text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def decode_html(data: bytes, path: str) -> str:
    """UTF-8, or the charset the page declares in a ``<meta>`` tag (strictly: no silent replacement)."""
    declared = _CHARSET.search(data[:4096])
    if declared is not None:
        name = declared.group(1).decode("ascii", "replace").lower()
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            raise InputError(path, f"unknown character set '{name}' declared in the page") from None
        if codec not in ("utf-8", "utf-8-sig") and b"\x00" not in data[:8192]:
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                line = data[: exc.start].count(b"\n") + 1
                raise InputError(path, f"line {line}: not {name} text as the page declares (byte 0x{data[exc.start]:02x})") from None
    return decode_text(data, path)


def html_document(markup: str, path: str, doc_id: str) -> Document:
    """One Document from one page's markup; InputError when no text can be found in it."""
    import trafilatura

    found = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, include_tables=True,
                                        date_extraction_params=_DATE_PARAMS)
    title = _clean(getattr(found, "title", None))
    lines = [line.strip() for line in (getattr(found, "text", None) or "").splitlines() if line.strip()]
    if not lines:  # too short for trafilatura's article heuristics: take every text node
        everything = " ".join(trafilatura.html2txt(markup).split())
        lines = [everything] if everything else []
    if not lines:
        raise InputError(path, "no text found in the page")
    if title and len(lines) > 1 and lines[0] == title:
        lines = lines[1:]  # the headline is metadata; the body starts with the dateline
    published: date | None
    try:
        published = parse_published(getattr(found, "date", None))
    except ValueError:
        published = None
    return Document(id=doc_id, text="\n\n".join(lines), published=published, title=title,
                    source=_clean(getattr(found, "sitename", None)), url=_clean(getattr(found, "url", None)))


def read(path: str) -> Iterator[Document | RecordError]:
    data = read_bytes(path)
    markup = decode_html(data, path)
    if not markup.strip():
        raise InputError(path, "empty file")
    yield html_document(markup, path, Path(path).stem)


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None
