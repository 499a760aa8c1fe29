"""Errors users can act on. The library raises these; only the CLI prints them.

Each error carries where it happened (file, line) so that the one-line message the CLI
prints names the place to look (conventions.md §7).
"""

from __future__ import annotations


class IncidexError(Exception):
    """Base class: ``str(err)`` is the whole one-line message."""

    exit_code = 1


class InputError(IncidexError):
    """A path that cannot be read as documents at all (missing, binary, undecodable): exit 2."""

    exit_code = 2

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class RecordError(IncidexError):
    """One malformed record inside a readable file: skipped, reported, exit 1 at the end."""

    exit_code = 1

    def __init__(self, path: str, line: int, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        super().__init__(f"{path}:{line}: {reason}")


class DataError(IncidexError):
    """A packaged data file (vocabulary, gazetteer index) is missing or broken."""

    exit_code = 3


class StoreError(IncidexError):
    """The database cannot be opened, migrated or written."""

    exit_code = 2
