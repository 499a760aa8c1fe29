"""incidex benchmarks: accuracy on real human-coded corpora, speed and memory.

Each module has ``run() -> dict | list[dict]``; a dict is one row of BENCHMARKS.md (see
:mod:`benchmarks.report` for the keys it understands). ``python -m benchmarks.run_all`` runs
them all and rewrites BENCHMARKS.md; ``--only NAME`` runs one.

The corpora live outside the repository (``../shared/data`` beside the checkout, or the folder
named by ``INCIDEX_DATA``) and are never copied into it.
"""

from __future__ import annotations

import os
import platform
import re
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """Where the shared corpora are: $INCIDEX_DATA, else ``../shared/data`` beside the checkout."""
    env = os.environ.get("INCIDEX_DATA")
    candidates = [Path(env)] if env else []
    candidates += [REPO.parent / "shared" / "data", Path("/work/shared/data")]
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError(
        "benchmark data not found: set INCIDEX_DATA or put the corpora in ../shared/data (see /work/shared/data/README.md)"
    )


def machine() -> str:
    """"2 cores (Intel Xeon ...), 23.4 GiB RAM, Linux, Python 3.11.9": for every row of BENCHMARKS.md."""
    cores = os.cpu_count() or 0
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        pass
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = re.sub(r"\s+", " ", line.split(":", 1)[1]).strip()
                break
    except OSError:
        model = platform.processor()
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB RAM"
                break
    except OSError:
        pass
    parts = [f"{cores} cores" + (f" ({model})" if model else ""), mem, platform.system(), f"Python {platform.python_version()}"]
    return ", ".join(p for p in parts if p)


def words(text: str) -> int:
    """Words as the speed targets count them: whitespace-separated tokens."""
    return len(text.split())


def share(a: int, b: int) -> str:
    """"0.839 (151/180)": a proportion with the counts behind it, as every row reports one."""
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


#: The UCDP GED extracts in shared/data/ucdp-ged.
UCDP_FILES = ("conflict_data_pak.csv", "conflict_data_phl.csv")


def ucdp_rows() -> Iterator[dict[str, str]]:
    """Every event row of the UCDP GED extracts, in file order, without the HXL tag row that
    follows each header ("#date+year", ...: shared/data/README.md)."""
    import csv

    for name in UCDP_FILES:
        with (data_dir() / "ucdp-ged" / name).open(encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                if i == 0 and (row.get("year") or "").startswith("#"):
                    continue
                yield row
