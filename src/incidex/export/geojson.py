"""GeoJSON (RFC 7946) FeatureCollection of points, for QGIS and web maps.

Each event with coordinates is a Point feature at ``[longitude, latitude]`` whose properties
are the row (evidence as a JSON string: GIS tools read flat attributes). Events without
coordinates cannot be drawn; they are left out and counted in the closing message.
Written as a stream, one feature a line, so a large export never sits in memory.
"""

from __future__ import annotations

import json
from typing import IO, Any

from incidex.export.columns import ColumnSet, Row


class Writer:
    binary = False

    def __init__(self, columns: ColumnSet, stream: IO[str]) -> None:
        self.columns = columns
        self.stream = stream
        self.written = 0
        self.without_coordinates = 0
        stream.write('{"type": "FeatureCollection", "features": [\n')

    def write(self, row: Row, event: dict[str, Any]) -> bool:
        lat, lon = event.get("latitude"), event.get("longitude")
        if lat is None or lon is None:
            self.without_coordinates += 1
            return False
        props = dict(row)
        if "evidence" in props and not isinstance(props["evidence"], str):
            props["evidence"] = json.dumps(props["evidence"], ensure_ascii=False)
        feature = {"type": "Feature", "id": event["event_id"],
                   "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}
        self.stream.write(("," if self.written else "") + json.dumps(feature, ensure_ascii=False) + "\n")
        self.written += 1
        return True

    def close(self) -> str | None:
        self.stream.write("]}\n")
        if self.without_coordinates:
            n = self.without_coordinates
            return f"{n} event{'' if n == 1 else 's'} without coordinates left out of the GeoJSON"
        return None
