"""Language data: word lists and patterns kept apart from the code that uses them (spaCy's
``lang/<iso>/`` layout). One loader for every stage, so a broken file fails the same way."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from incidex.errors import DataError


@lru_cache(maxsize=None)
def load_words(name: str, language: str = "en") -> dict[str, Any]:
    """One YAML file of ``lang/<language>/``, parsed once per process."""
    try:
        text = resources.files("incidex").joinpath("lang", language, name).read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as err:
        raise DataError(f"cannot read incidex/lang/{language}/{name}: {err}") from err
    if not isinstance(data, dict):
        raise DataError(f"incidex/lang/{language}/{name}: expected a mapping at the top level")
    return data
