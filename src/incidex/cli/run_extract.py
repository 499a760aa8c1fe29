"""The work behind ``incidex extract``: read, extract, write, report errors by conventions.md §7."""

from __future__ import annotations

import csv
import json
import sys
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import IO

from rich.console import Console

from incidex.cli.progress import RunProgress, count_lines
from incidex.errors import InputError, RecordError
from incidex.ingest import expand_paths, read_documents
from incidex.schema import EVENT_FIELDS, Event, flatten


#: Tables written to a file or a pipe are laid out this wide, so logs and READMEs stay readable.
TABLE_WIDTH = 150


def estimate_documents(paths: list[str]) -> int | None:
    total = 0
    for path in paths:
        if path == "-":
            return None
        suffix = Path(path).suffix.lower()
        try:
            if suffix in (".jsonl", ".ndjson"):
                total += count_lines(path)
            elif suffix == ".csv":
                total += max(count_lines(path) - 1, 0)
            else:
                total += 1
        except OSError:
            continue
    return total


class EventWriter:
    """Writes events as they come, so a long run's output is usable before it ends."""

    def __init__(self, fmt: str, stream: IO[str]) -> None:
        self.fmt = fmt
        self.stream = stream
        self.rows: list[Event] = []
        self._csv: csv.DictWriter | None = None

    def write(self, event: Event) -> None:
        data = event.to_dict()
        if self.fmt == "jsonl":
            self.stream.write(json.dumps(data, ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            row = flatten(data)
            if self._csv is None:
                self._csv = csv.DictWriter(self.stream, fieldnames=list(row))
                self._csv.writeheader()
            self._csv.writerow(row)
        else:
            self.rows.append(event)

    def close(self) -> None:
        if self.fmt == "csv" and self._csv is None:
            flat = flatten({name: {} if name.endswith(("killed", "wounded", "casualties", "abducted")) else None for name in EVENT_FIELDS})
            csv.DictWriter(self.stream, fieldnames=list(flat)).writeheader()
        if self.fmt == "table":
            from incidex.cli.tables import events_table

            Console(file=self.stream, width=TABLE_WIDTH).print(events_table(self.rows))


def run_extract(paths: list[str], published: date | None, fmt: str, output: Path | None, show: bool, quiet: bool,
                err: Console) -> int:
    from incidex.pipeline.extract import extract_document

    code = 0
    files: list[str] = []
    for raw in paths:
        try:
            files.extend(expand_paths([raw]))
        except InputError as exc:
            err.print(f"incidex: {exc}", markup=False)
            code = 2
    shown: list[Event] = []
    with ExitStack() as stack:
        stream: IO[str] = stack.enter_context(output.open("w", encoding="utf-8", newline="")) if output else sys.stdout
        writer = EventWriter(fmt, stream)
        total = estimate_documents(files)
        progress = RunProgress("extract", total, console=err) if not quiet else None
        if progress:
            stack.enter_context(progress)
        for path in files:
            try:
                for item in read_documents(path, published=published):
                    if isinstance(item, RecordError):
                        err.print(f"incidex: {item}", markup=False)
                        code = max(code, 1)
                        if progress:
                            progress.advance(errors=1)
                        continue
                    events = extract_document(item)
                    for event in events:
                        writer.write(event)
                    if show:
                        shown.extend(events)
                    if progress:
                        progress.advance(events=len(events))
            except InputError as exc:
                err.print(f"incidex: {exc}", markup=False)
                code = 2
        writer.close()
    if show:
        from incidex.cli.tables import events_table

        out = Console(width=None if sys.stdout.isatty() else TABLE_WIDTH)
        out.print(events_table(shown))
        if output:
            out.print(f"{len(shown)} events written to {output} ({fmt})", highlight=False)
    return code
