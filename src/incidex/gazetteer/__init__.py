"""Offline gazetteer: GeoNames places, regions and countries behind one small interface.

``load()`` opens the on-disk index (building it once if missing) and returns a
:class:`Gazetteer`; ``build_index()`` builds it explicitly (``incidex data build``).
"""

from __future__ import annotations

from incidex.gazetteer.build import build_index, data_dir, index_paths
from incidex.gazetteer.index import Gazetteer, Place, load

__all__ = ["Gazetteer", "Place", "build_index", "data_dir", "index_paths", "load"]
