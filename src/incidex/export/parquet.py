"""Apache Parquet via pyarrow: typed columns (dates as date32, counts as int64), evidence as a
list of structs, written in row groups so memory stays flat on large exports."""

from __future__ import annotations

from datetime import date
from typing import IO, Any

from incidex.export.columns import ColumnSet, Kind, Row

ROW_GROUP = 10_000


def arrow_schema(columns: ColumnSet):  # type: ignore[no-untyped-def]
    import pyarrow as pa

    evidence = pa.list_(pa.struct([("field", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())]))
    types: dict[Kind, Any] = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
                              "date": pa.date32(), "evidence": evidence}
    return pa.schema([(name, types[kind]) for name, kind in columns.columns])


class Writer:
    binary = True

    def __init__(self, columns: ColumnSet, stream: IO[bytes]) -> None:
        import pyarrow.parquet as pq

        self.columns = columns
        self.schema = arrow_schema(columns)
        self.dates = [name for name, kind in columns.columns if kind == "date"]
        self.writer = pq.ParquetWriter(stream, self.schema, compression="zstd")
        self.rows: list[Row] = []

    def write(self, row: Row, event: dict[str, Any]) -> bool:
        for name in self.dates:
            if isinstance(row.get(name), str):
                row[name] = date.fromisoformat(row[name])
        self.rows.append(row)
        if len(self.rows) >= ROW_GROUP:
            self._flush()
        return True

    def _flush(self) -> None:
        import pyarrow as pa

        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> str | None:
        self._flush()
        self.writer.close()
        return None
