"""The human-edited data files the gazetteer and the place finder read, each loaded once.

``place_aliases.yaml`` goes into the index, so its bytes (with the source packages' versions)
name the index file: editing it makes the next :func:`incidex.gazetteer.load` rebuild.
``places_vocab.yaml`` feeds both the builder (region words stripped from region names) and the
place finder; ``places_stoplist.yaml`` is read at run time only.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from incidex.errors import DataError

#: Files whose content is baked into the index.
INDEX_INPUTS: tuple[str, ...] = ("place_aliases.yaml", "places_vocab.yaml")


def _read(name: str) -> str:
    path = resources.files("incidex").joinpath("data", name)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"data file {name} is missing from the package") from exc


def _yaml(name: str) -> Any:
    try:
        return yaml.safe_load(_read(name))
    except yaml.YAMLError as exc:
        raise DataError(f"data file {name} is not valid YAML: {exc}") from exc


@lru_cache(maxsize=1)
def aliases() -> dict[str, Any]:
    data = _yaml("place_aliases.yaml")
    if not isinstance(data, dict) or not isinstance(data.get("aliases"), list):
        raise DataError("place_aliases.yaml: expected a mapping with an 'aliases' list")
    return data


@lru_cache(maxsize=1)
def vocab() -> dict[str, Any]:
    data = _yaml("places_vocab.yaml")
    if not isinstance(data, dict):
        raise DataError("places_vocab.yaml: expected a mapping")
    return data


@lru_cache(maxsize=1)
def stoplist() -> dict[str, Any]:
    data = _yaml("places_stoplist.yaml")
    if not isinstance(data, dict):
        raise DataError("places_stoplist.yaml: expected a mapping")
    return data


@lru_cache(maxsize=1)
def data_hash() -> str:
    """Short hash of the data files baked into the index."""
    digest = hashlib.sha1()
    for name in INDEX_INPUTS:
        digest.update(name.encode())
        digest.update(_read(name).encode("utf-8"))
    return digest.hexdigest()[:10]
