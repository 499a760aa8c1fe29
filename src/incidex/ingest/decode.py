"""Bytes to text for every reader: refuse binary and undecodable files with a message that says why."""

from __future__ import annotations

from pathlib import Path

from incidex.errors import InputError

#: One document of plain text larger than this is almost certainly not a report.
MAX_TEXT_BYTES = 50 * 1024 * 1024


def read_bytes(path: str, limit: int = MAX_TEXT_BYTES) -> bytes:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > limit:
            raise InputError(path, f"file too large ({size / 1e6:.0f} MB > {limit / 1e6:.0f} MB); split it or use JSONL")
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None


def decode_text(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM) only: guessing encodings silently corrupts evidence offsets."""
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(path, f"line {line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); convert it with iconv -t UTF-8") from None


def read_text(path: str, limit: int = MAX_TEXT_BYTES) -> str:
    return decode_text(read_bytes(path, limit), path)
