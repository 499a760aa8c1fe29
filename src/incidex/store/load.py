"""Ingest: read documents, extract their events, store both, in batches that commit whole.

Crash safety rests on two rules. (1) A document, its events and their evidence are written in
the same transaction, so the store never holds a document whose extraction is half there.
(2) A document already stored (same content hash) is skipped, so running the same command
again after a crash does only the work the crash lost; extraction is deterministic and event
ids are ``{doc_id}:{n}``, so the result is the same as an uninterrupted run.

Nothing here prints: errors go to ``on_error`` as one-line messages and into the run record,
progress to ``progress`` (an object with ``advance(events=, errors=, documents=)``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Protocol

from sqlalchemy import Engine, select
from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError

from incidex.errors import InputError, RecordError, StoreError
from incidex.ingest import expand_paths, read_documents
from incidex.schema import Document, Event
from incidex.store import tables
from incidex.store.engine import describe
from incidex.store.write import (
    add_to_run, content_hash, document_row, find_documents, finish_run, insert_documents, replace_events, start_run,
)

Extractor = Callable[[Document], list[Event]]
DEFAULT_BATCH_SIZE = 200


class Progress(Protocol):
    def advance(self, events: int = 0, errors: int = 0, documents: int = 1) -> None: ...


@dataclass(frozen=True)
class IngestOptions:
    published: date | None = None  # reference date for documents that carry none
    source: str | None = None  # source name for documents that carry none
    reextract: bool = False  # re-run extraction on stored documents from an older extractor version
    batch_size: int = DEFAULT_BATCH_SIZE  # documents per transaction


@dataclass
class IngestSummary:
    run_id: int = 0
    read: int = 0  # documents read from the inputs
    stored: int = 0  # new documents stored
    skipped: int = 0  # already stored (same content), left alone
    reextracted: int = 0  # stored documents whose events were replaced
    events: int = 0  # events written (new documents and re-extractions)
    errors: list[str] = field(default_factory=list)  # records skipped (exit 1)
    input_errors: list[str] = field(default_factory=list)  # paths that could not be read (exit 2)
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        return 2 if self.input_errors else 1 if self.errors else 0

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0


MAX_ID_LENGTH = tables.documents.c.id.type.length or 500


def unstorable(doc: Document) -> str | None:
    """Why the store cannot hold ``doc`` as it is (the same answer on SQLite and PostgreSQL), or None."""
    if len(doc.id) > MAX_ID_LENGTH:
        return f"id longer than {MAX_ID_LENGTH} characters"
    for name in ("id", "text", "title", "source", "url"):
        value = getattr(doc, name)
        if value and "\x00" in value:
            return f"NUL character in '{name}', which a database cannot store"
    return None


class _NoProgress:
    def advance(self, events: int = 0, errors: int = 0, documents: int = 1) -> None:
        return None


def default_extractor() -> tuple[Extractor, str]:
    from incidex.pipeline.extract import extract_document, extractor_version

    return extract_document, extractor_version()


class Loader:
    """One ingest run over one store; use :func:`ingest` unless you need the pieces."""

    def __init__(self, engine: Engine, options: IngestOptions, extract: Extractor, version: str,
                 on_error: Callable[[str], None] | None = None, progress: Progress | None = None) -> None:
        self.engine = engine
        self.options = options
        self.extract = extract
        self.version = version
        self.on_error = on_error or (lambda message: None)
        self.progress: Progress = progress or _NoProgress()
        self.summary = IngestSummary()
        self._batch: list[tuple[str, Document]] = []
        self._pending_errors: list[str] = []

    # -- the run ---------------------------------------------------------------------------
    def run(self, paths: Sequence[str]) -> IngestSummary:
        started = time.perf_counter()
        settings: dict[str, Any] = {
            "paths": list(paths), "published": self.options.published, "source": self.options.source,
            "reextract": self.options.reextract, "batch_size": self.options.batch_size,
        }
        self.summary.run_id = self._guard(lambda: start_run(self.engine, "ingest", self.version, settings))
        status = "failed"
        try:
            for raw in paths:
                self._read_path(raw)
            self._flush()
            if self.options.reextract and not paths:
                self._reextract_stored()
            status = "finished"
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        finally:
            self.summary.seconds = time.perf_counter() - started
            try:
                finish_run(self.engine, self.summary.run_id, status)
            except SQLAlchemyError:
                pass  # the run record is bookkeeping; the data committed so far stands
        return self.summary

    def _read_path(self, raw: str) -> None:
        try:
            files = list(expand_paths([raw]))
        except InputError as exc:
            self._input_error(exc)
            return
        for path in files:
            try:
                for item in read_documents(path, published=self.options.published, source=self.options.source):
                    if isinstance(item, RecordError):
                        self._record_error(str(item))
                        self.progress.advance(errors=1, documents=0)
                        continue
                    self.summary.read += 1
                    self._batch.append((path, item))
                    if len(self._batch) >= self.options.batch_size:
                        self._flush()
            except InputError as exc:
                self._input_error(exc)

    # -- errors ----------------------------------------------------------------------------
    def _input_error(self, exc: InputError) -> None:
        message = str(exc)
        self.summary.input_errors.append(message)
        self._pending_errors.append(message)
        self.on_error(message)
        self.progress.advance(errors=1, documents=0)

    def _record_error(self, message: str) -> None:
        self.summary.errors.append(message)
        self._pending_errors.append(message)
        self.on_error(message)

    def _extract(self, doc: Document, origin: str) -> list[Event] | None:
        try:
            return self.extract(doc)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch (conventions.md §7)
            self._record_error(f"{origin}: document '{doc.id}': extraction failed ({type(exc).__name__}: {exc})")
            return None

    def _guard(self, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to the database: {describe(exc)}") from None

    # -- one batch -------------------------------------------------------------------------
    def _flush(self) -> None:
        batch, self._batch = self._batch, []
        if not batch and not self._pending_errors:
            return
        hashes = [content_hash(doc) for _, doc in batch]
        with self.engine.connect() as conn:
            by_hash, by_id = self._guard(lambda: find_documents(conn, hashes, [doc.id for _, doc in batch]))
        new: list[tuple[str, dict[str, Any], list[Event]]] = []
        redo: list[tuple[str, list[Event]]] = []
        seen_hashes: set[str] = set()
        seen_ids: set[str] = set()
        skipped = 0
        for (origin, doc), digest in zip(batch, hashes):
            stored = by_hash.get(digest)
            events: list[Event] | None
            if stored is not None or digest in seen_hashes:
                if (stored is not None and self.options.reextract and stored.extractor_version != self.version
                        and stored.id not in seen_ids):
                    seen_ids.add(stored.id)
                    events = self._extract(replace(doc, id=stored.id), origin)
                    if events is not None:
                        redo.append((stored.id, events))
                        self.progress.advance(events=len(events))
                    else:
                        self.progress.advance(errors=1)
                    continue
                skipped += 1
                self.progress.advance()
                continue
            if doc.id in by_id or doc.id in seen_ids:
                self._record_error(f"{origin}: document id '{doc.id}' is already stored with other text or date; "
                                   "skipped (give it another id)")
                self.progress.advance(errors=1)
                continue
            problem = unstorable(doc)
            if problem is not None:
                self._record_error(f"{origin}: document '{doc.id[:80]}': {problem}")
                self.progress.advance(errors=1)
                continue
            events = self._extract(doc, origin)
            if events is None:
                self.progress.advance(errors=1)
                continue
            seen_hashes.add(digest)
            seen_ids.add(doc.id)
            new.append((origin, document_row(doc, digest, self.version, origin, self.summary.run_id), events))
            self.progress.advance(events=len(events))
        self._commit(new, redo, read=len(batch), skipped=skipped)

    def _commit(self, new: list[tuple[str, dict[str, Any], list[Event]]], redo: list[tuple[str, list[Event]]],
                read: int, skipped: int) -> None:
        """Write a batch and the run's counters in one transaction.

        Should the database refuse a row (a value it cannot hold, another process storing the
        same document meanwhile), the batch is written again one document per transaction so
        that only the refused document is skipped and reported.
        """
        errors, self._pending_errors = self._pending_errors, []
        try:
            n = self._write(new, redo, {"documents_read": read, "documents_skipped": skipped}, errors)
        except (IntegrityError, DataError):
            new, redo, n = self._write_one_by_one(new, redo)
            errors += self._pending_errors
            self._pending_errors = []
            counts = {"documents_read": read, "documents_skipped": skipped, "documents_stored": len(new),
                      "documents_reextracted": len(redo), "events_stored": n}
            self._guard(lambda: self._write([], [], counts, errors))
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to the database: {describe(exc)}") from None
        self.summary.stored += len(new)
        self.summary.skipped += skipped
        self.summary.reextracted += len(redo)
        self.summary.events += n

    def _write(self, new: list[tuple[str, dict[str, Any], list[Event]]], redo: list[tuple[str, list[Event]]],
               counts: dict[str, int], errors: list[str]) -> int:
        with self.engine.begin() as conn:
            n = insert_documents(conn, [(row, events) for _, row, events in new])
            for doc_id, events in redo:
                n += replace_events(conn, doc_id, events, self.version)
            add_to_run(conn, self.summary.run_id, {"documents_stored": len(new), "documents_reextracted": len(redo),
                                                   "events_stored": n, **counts}, errors)
            return n

    def _write_one_by_one(self, new: list[tuple[str, dict[str, Any], list[Event]]], redo: list[tuple[str, list[Event]]]
                          ) -> tuple[list[tuple[str, dict[str, Any], list[Event]]], list[tuple[str, list[Event]]], int]:
        kept_new: list[tuple[str, dict[str, Any], list[Event]]] = []
        kept_redo: list[tuple[str, list[Event]]] = []
        n = 0
        for item in new:
            try:
                n += self._guard_refusal(lambda: self._write([item], [], {"documents_stored": 0, "documents_reextracted": 0,
                                                                          "events_stored": 0}, []))
                kept_new.append(item)
            except (IntegrityError, DataError) as exc:
                self._record_error(f"{item[0]}: document '{item[1]['id']}': the database refused it ({describe(exc)})")
        for doc_id, events in redo:
            try:
                n += self._guard_refusal(lambda: self._write([], [(doc_id, events)], {"documents_stored": 0,
                                                                                      "documents_reextracted": 0,
                                                                                      "events_stored": 0}, []))
                kept_redo.append((doc_id, events))
            except (IntegrityError, DataError) as exc:
                self._record_error(f"<store>: document '{doc_id}': the database refused its events ({describe(exc)})")
        return kept_new, kept_redo, n

    def _guard_refusal(self, fn: Callable[[], int]) -> int:
        """Like :meth:`_guard`, but a refused row stays an IntegrityError/DataError for the caller."""
        try:
            return fn()
        except (IntegrityError, DataError):
            raise
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to the database: {describe(exc)}") from None

    # -- re-extraction of what is stored -----------------------------------------------------
    def _reextract_stored(self) -> None:
        """Every stored document from another extractor version, in id order, batch by batch."""
        d = tables.documents
        last = ""
        while True:
            query = (select(d).where(d.c.extractor_version != self.version, d.c.id > last)
                     .order_by(d.c.id).limit(self.options.batch_size))
            with self.engine.connect() as conn:
                rows = self._guard(lambda: conn.execute(query).all())
            if not rows:
                return
            last = rows[-1].id
            redo: list[tuple[str, list[Event]]] = []
            for row in rows:
                doc = Document(id=row.id, text=row.text, published=row.published, title=row.title, source=row.source,
                               url=row.url, language=row.language)
                events = self._extract(doc, row.origin or "<store>")
                if events is None:
                    self.progress.advance(errors=1)
                    continue
                redo.append((row.id, events))
                self.progress.advance(events=len(events))
            self._commit([], redo, read=0, skipped=0)


def ingest(engine: Engine, paths: Iterable[str], options: IngestOptions = IngestOptions(), *,
           extract: Extractor | None = None, version: str | None = None,
           on_error: Callable[[str], None] | None = None, progress: Progress | None = None) -> IngestSummary:
    """Read ``paths`` (files, directories, ``-``), extract, store; see the module docstring.

    With ``options.reextract`` and no paths, re-extracts every stored document whose events
    came from another extractor version.
    """
    if extract is None or version is None:
        default, default_version = default_extractor()
        extract = extract or default
        version = version or default_version
    return Loader(engine, options, extract, version, on_error, progress).run(list(paths))


__all__ = ["DEFAULT_BATCH_SIZE", "Extractor", "IngestOptions", "IngestSummary", "Loader", "Progress", "ingest"]
