"""CSV: one row per event, a header of the column set's names; evidence as a JSON string.

Full columns are exactly :func:`incidex.schema.flatten`'s, so a CSV from ``export`` and one
from ``extract --format csv`` have the same layout.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Any

from incidex.export.columns import ColumnSet, Row


class Writer:
    binary = False

    def __init__(self, columns: ColumnSet, stream: IO[str]) -> None:
        self.columns = columns
        self.writer = csv.DictWriter(stream, fieldnames=columns.names, extrasaction="raise")
        self.writer.writeheader()

    def write(self, row: Row, event: dict[str, Any]) -> bool:
        if "evidence" in row and not isinstance(row["evidence"], str):
            row = {**row, "evidence": json.dumps(row["evidence"], ensure_ascii=False)}
        self.writer.writerow(row)
        return True

    def close(self) -> str | None:
        return None
