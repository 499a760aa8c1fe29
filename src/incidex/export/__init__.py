"""Exports: stored events out as CSV, JSON Lines, GeoJSON or Parquet, in one of four column sets.

``export_events`` streams events from the store through a column set (``full``, ``gtd``,
``acled``, ``ucdp``: :mod:`incidex.export.columns`) into a writer. A file is written beside its
target and renamed into place at the end, so an interrupted export never leaves a truncated
file that looks complete.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from incidex.errors import StoreError
from incidex.export import csvfile, geojson, jsonl, parquet
from incidex.export.columns import COLUMN_SETS, ColumnSet
from incidex.store.engine import describe
from incidex.store.read import EventFilter, iter_events

FORMATS = MappingProxyType({"csv": csvfile.Writer, "jsonl": jsonl.Writer, "geojson": geojson.Writer,
                            "parquet": parquet.Writer})


@dataclass
class ExportSummary:
    events: int = 0  # events the filter let through
    written: int = 0  # rows or features written
    message: str | None = None  # what the writer wants said (events left out, ...)


def export_events(engine: Engine, fmt: str, columns: str = "full", flt: EventFilter = EventFilter(),
                  output: Path | None = None, stream: IO[Any] | None = None) -> ExportSummary:
    """Write the events ``flt`` selects to ``output`` (or ``stream``, default standard output)."""
    writer_cls = FORMATS[fmt]
    column_set: ColumnSet = COLUMN_SETS[columns]
    if output is None:
        target = stream if stream is not None else (sys.stdout.buffer if writer_cls.binary else sys.stdout)
        return _write(engine, writer_cls, column_set, flt, target)
    part = output.with_name(output.name + ".part")
    try:
        if writer_cls.binary:
            with part.open("wb") as fh:
                summary = _write(engine, writer_cls, column_set, flt, fh)
        else:
            with part.open("w", encoding="utf-8", newline="") as fh:
                summary = _write(engine, writer_cls, column_set, flt, fh)
        os.replace(part, output)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return summary


def _write(engine: Engine, writer_cls: Any, column_set: ColumnSet, flt: EventFilter, target: IO[Any]) -> ExportSummary:
    summary = ExportSummary()
    writer = writer_cls(column_set, target)
    try:
        for event, doc in iter_events(engine, flt):
            summary.events += 1
            if writer.write(column_set.build(event, doc), event):
                summary.written += 1
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read events: {describe(exc)}") from None
    summary.message = writer.close()
    return summary


__all__ = ["COLUMN_SETS", "ExportSummary", "FORMATS", "export_events"]
