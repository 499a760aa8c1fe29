"""Read side of the gazetteer: the small interface every other module uses.

A :class:`Gazetteer` holds a read-only SQLite connection and the sorted hash array; nothing
else is loaded at start, so a process answers its first lookup in well under a second. Each
hash's candidate list is cached after its first query (names repeat within and across
documents).
"""

from __future__ import annotations

import sqlite3
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from incidex.errors import DataError
from incidex.gazetteer.build import ensure_index
from incidex.gazetteer.normalize import block_of, fold, key_hash, name_keys, normalize, to_signed

FLAG_SLOTS = 1 << 24
FLAG_MASK = np.uint64(FLAG_SLOTS - 1)
_COLUMNS = "e.id, e.kind, e.name, e.country, e.admin1, e.admin2, e.admin1_code, e.admin2_code, e.lat, e.lon, " \
           "e.population, e.geonames_id, e.tier, e.precision"


@dataclass(frozen=True)
class Place:
    """One gazetteer entity as a name matched it.

    ``kind`` is ``place`` (a populated place), ``admin1``, ``admin2``, ``country`` or ``area``
    (an alias area spanning several regions). ``form`` is the folded name that matched and
    ``main`` whether it is the entity's own name rather than a GeoNames alternate."""

    id: int
    kind: str
    name: str
    country: str | None
    admin1: str | None
    admin2: str | None
    admin1_code: str | None
    admin2_code: str | None
    lat: float | None
    lon: float | None
    population: int
    geonames_id: int | None
    tier: int
    precision: int
    form: str = ""
    main: bool = True

    @property
    def is_region(self) -> bool:
        return self.kind in ("admin1", "admin2", "area")


def _place(row: tuple, form: str = "", main: int = 1) -> Place:
    return Place(*row, form=form, main=bool(main))


class Gazetteer:
    """Lookups over one built index (see :mod:`incidex.gazetteer.build`)."""

    def __init__(self, db_path: Path, npz_path: Path) -> None:
        if not db_path.exists() or not npz_path.exists():
            raise DataError(f"{db_path}: gazetteer index missing; run 'incidex data build'")
        self.path = db_path
        self._con = sqlite3.connect(f"file:{db_path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        with np.load(npz_path) as npz:
            self.hashes: np.ndarray = npz["hashes"]
            self.tiers: np.ndarray = npz["tiers"]
            prefixes = npz["prefixes"]
        # one byte per slot of the low hash bits: 1 = some key may hash here, 2 = some key prefix may.
        # A gather into it screens n-grams before the exact (binary) search.
        self.flags = np.zeros(FLAG_SLOTS, dtype=np.uint8)
        self.flags[(self.hashes & FLAG_MASK).astype(np.intp)] |= 1
        self.flags[(prefixes & FLAG_MASK).astype(np.intp)] |= 2
        self.flag_bytes = self.flags.tobytes()  # for scalar probes from Python
        self.hash_array = array("Q", self.hashes.tobytes())  # for bisect on a few hashes
        self.tier_bytes = self.tiers.tobytes()
        self._by_hash = lru_cache(maxsize=1 << 15)(self._query_hash)
        self._entity = lru_cache(maxsize=4096)(self._query_entity)
        self._region_code = lru_cache(maxsize=4096)(self._query_region_code)
        self._country = lru_cache(maxsize=512)(self._query_country)
        borders: dict[str, set[str]] = {}
        for a, b in self._con.execute("SELECT country, other FROM neighbour"):
            borders.setdefault(a, set()).add(b)
            borders.setdefault(b, set()).add(a)
        self._neighbours = {cc: frozenset(v) for cc, v in borders.items()}

    def __reduce__(self) -> tuple:
        # A Dask worker gets the paths and reopens the index; connections do not pickle.
        return (_reopen, (str(self.path),))

    # --- hash level -----------------------------------------------------------------------------
    def lookup(self, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For an array of n-gram hashes: which are names (bool mask) and the tier of each (0 if none)."""
        found = np.zeros(len(hashes), dtype=bool)
        tiers = np.zeros(len(hashes), dtype=np.uint8)
        if len(self.hashes) == 0 or len(hashes) == 0:
            return found, tiers
        maybe = np.flatnonzero(self.flags[(hashes & FLAG_MASK).astype(np.intp)] & 1)
        if len(maybe):
            sub = hashes[maybe]
            pos = np.searchsorted(self.hashes, sub)
            pos[pos == len(self.hashes)] = 0
            ok = self.hashes[pos] == sub
            found[maybe[ok]] = True
            tiers[maybe[ok]] = self.tiers[pos[ok]]
        return found, tiers

    def lookup_few(self, hashes: list[int]) -> list[int]:
        """Tier of each hash (0 when it is no name), by binary search: cheaper than numpy for a handful."""
        arr = self.hash_array
        n = len(arr)
        out = []
        for h in hashes:
            k = bisect_left(arr, h)
            out.append(self.tier_bytes[k] if k < n and arr[k] == h else 0)
        return out

    def may_continue(self, hashes: np.ndarray) -> np.ndarray:
        """Which n-gram hashes may be the start of a longer name (screen only: false positives occur)."""
        return (self.flags[(hashes & FLAG_MASK).astype(np.intp)] & 2) != 0

    def by_hash(self, h: int) -> tuple[Place, ...]:
        """Every entity filed under one key hash, best tier first."""
        return self._by_hash(int(h))

    def _query_hash(self, h: int) -> tuple[Place, ...]:
        rows = self._con.execute(
            f"SELECT {_COLUMNS}, n.form, n.main FROM name n JOIN entity e ON e.id = n.entity WHERE n.hash = ? "
            "ORDER BY e.tier DESC, e.population DESC", (to_signed(h),)).fetchall()
        return tuple(_place(r[:14], r[14], r[15]) for r in rows)

    # --- name level -------------------------------------------------------------------------------
    def candidates(self, name: str) -> list[Place]:
        """Every entity a name (any spelling, any case) can mean, best tier first, deduplicated."""
        out: dict[int, Place] = {}
        for key in name_keys(name):
            for p in self.by_hash(key_hash(key)):
                if p.id not in out:
                    out[p.id] = p
        return sorted(out.values(), key=lambda p: (-p.tier, -p.population))

    def fuzzy(self, name: str, country: str | None = None, limit: int = 10, cutoff: float = 80.0) -> list[tuple[Place, float]]:
        """Transliteration-tolerant search: rapidfuzz over the names of one block only.

        The block is the first letters of the name's consonant skeleton, so "Dayr az Zawr",
        "Deir ez-Zor" and "Deir al-Zour" meet while the rest of the gazetteer is never scanned."""
        from rapidfuzz import fuzz

        key = normalize(name)
        if not key:
            return []
        target = fold(name)
        sql = f"SELECT {_COLUMNS}, n.form, n.main FROM name n JOIN entity e ON e.id = n.entity WHERE n.block = ?"
        args: tuple = (block_of(key),)
        if country:
            sql += " AND e.country = ?"
            args += (country.upper(),)
        best: dict[int, tuple[Place, float]] = {}
        for r in self._con.execute(sql, args):
            form = r[14]
            score = max(fuzz.ratio(target, form), fuzz.ratio(key, normalize(form)))
            if score < cutoff:
                continue
            prev = best.get(r[0])
            if prev is None or score > prev[1]:
                best[r[0]] = (_place(r[:14], form, r[15]), score)
        ranked = sorted(best.values(), key=lambda x: (-x[1], -x[0].tier, -x[0].population))
        return ranked[:limit]

    # --- entities -----------------------------------------------------------------------------------
    def entity(self, entity_id: int) -> Place | None:
        return self._entity(entity_id)

    def _query_entity(self, entity_id: int) -> Place | None:
        row = self._con.execute(f"SELECT {_COLUMNS} FROM entity e WHERE e.id = ?", (entity_id,)).fetchone()
        return _place(row) if row else None

    def region_by_code(self, code: str) -> Place | None:
        """An admin1 ("IQ.15") or admin2 ("PK.03.1173641") region by its GeoNames code."""
        return self._region_code(code)

    def _query_region_code(self, code: str) -> Place | None:
        row = self._con.execute(
            f"SELECT {_COLUMNS} FROM entity e WHERE (e.kind = 'admin1' AND e.admin1_code = ?) "
            "OR (e.kind = 'admin2' AND e.admin2_code = ?) LIMIT 1", (code, code)).fetchone()
        return _place(row) if row else None

    def region(self, country: str | None, name: str) -> Place | None:
        """The admin1 (else admin2) region of ``country`` called ``name`` in any spelling."""
        regions = [p for p in self.candidates(name) if p.kind in ("admin1", "admin2", "area")
                   and (country is None or p.country == country.upper())]
        if not regions:
            return None
        return min(regions, key=lambda p: ({"admin1": 0, "area": 1, "admin2": 2}[p.kind], -p.population))

    def country(self, name: str) -> Place | None:
        """A country by name ("Iraq", "Syrian Arab Republic", "Burma") or ISO alpha-2 code."""
        if len(name) == 2 and name.isalpha():
            return self._country(name.upper())
        found = [p for p in self.candidates(name) if p.kind == "country"]
        return found[0] if found else None

    def _query_country(self, code: str) -> Place | None:
        row = self._con.execute(f"SELECT {_COLUMNS} FROM entity e WHERE e.kind = 'country' AND e.country = ?",
                                (code,)).fetchone()
        return _place(row) if row else None

    def neighbours(self, country: str | None) -> frozenset[str]:
        """The countries that border ``country`` (ISO alpha-2; empty for an island or an unknown code)."""
        return self._neighbours.get(country or "", frozenset())

    def stats(self) -> dict[str, int]:
        counts = dict(self._con.execute("SELECT kind, COUNT(*) FROM entity GROUP BY kind").fetchall())
        counts["names"] = self._con.execute("SELECT COUNT(*) FROM name").fetchone()[0]
        counts["keys"] = int(len(self.hashes))
        return counts


def _reopen(path: str) -> Gazetteer:
    p = Path(path)
    return Gazetteer(p, p.with_suffix(".npz"))


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer of this process, opened once (and built first if missing)."""
    db_path, npz_path = ensure_index()
    return Gazetteer(db_path, npz_path)
