"""PDF reports and bulletins: the text layer of every page, pages separated by a blank line.

pypdf reads the text the PDF carries; a scanned PDF has none and is refused with a message
(OCR it first). The file's metadata dates say when the file was made, not when the report was
published, so they are not used as ``published``: pass ``--published``.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

from incidex.errors import InputError, RecordError
from incidex.ingest.decode import read_bytes
from incidex.schema import Document

MAX_PDF_BYTES = 200 * 1024 * 1024


def pdf_text(data: bytes, path: str) -> tuple[str, str | None]:
    """(text of all pages, title from the metadata); InputError when the file is not a readable PDF."""
    from pypdf import PdfReader

    # pypdf logs every oddity it repairs; the one message that matters is the InputError below.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if b"%PDF-" not in data[:1024]:
        raise InputError(path, "not a PDF file (no %PDF- header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, "the PDF is encrypted with a password")
        pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
        title = reader.metadata.title if reader.metadata is not None else None
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on malformed files
        raise InputError(path, f"cannot read the PDF: {type(exc).__name__}: {exc}") from None
    text = "\n\n".join(p for p in pages if p.strip())
    return text, (" ".join(str(title).split()) or None) if title else None


def read(path: str) -> Iterator[Document | RecordError]:
    text, title = pdf_text(read_bytes(path, MAX_PDF_BYTES), path)
    if not text.strip():
        raise InputError(path, "no text layer in the PDF (a scanned document?); OCR it first")
    yield Document(id=Path(path).stem, text=text, title=title)
