"""JSON Lines: one object per event. Full columns write the event exactly in its schema form
(nested counts, evidence list), so each line validates against ``schema/event.schema.json``."""

from __future__ import annotations

import json
from typing import IO, Any

from incidex.export.columns import ColumnSet, Row


class Writer:
    binary = False

    def __init__(self, columns: ColumnSet, stream: IO[str]) -> None:
        self.columns = columns
        self.stream = stream

    def write(self, row: Row, event: dict[str, Any]) -> bool:
        obj = event if self.columns.name == "full" else row
        self.stream.write(json.dumps(obj, ensure_ascii=False) + "\n")
        return True

    def close(self) -> str | None:
        return None
