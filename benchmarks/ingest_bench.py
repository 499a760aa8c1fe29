"""Ingest throughput and memory into SQLite and PostgreSQL: read + extract + store, end to end.

The corpus: every MUC-4 document (``muc4/processed/{train,dev,test}.json``: ``docid``,
``doctext``; ingesting test texts is not tuning on them: no score is computed), then UCDP GED
headlines (``source_headline`` of the Pakistan and Philippines files, HXL row skipped; a
field holding several headlines joined by ";" gives one document per headline, dated by the
matching ``source_date``) until 10,000 documents, or as many distinct documents as the data
holds (the store skips repeated text, so repeats would measure skipping, not ingest).

Each backend is measured in a fresh subprocess (``python benchmarks/ingest_bench.py --child
URL CORPUS``) running the library's ingest with the default batch size, so its peak RSS
(``ru_maxrss``) is its own. PostgreSQL is a throwaway server started by
``scripts/postgres.sh`` on loopback (fsync off, as in the tests: the figure is not a durability
benchmark). Run: ``.venv/bin/python -m benchmarks.ingest_bench``.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script (the child process): make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import REPO, data_dir, machine, ucdp_rows

TARGET_DOCS = 10_000
COMMAND = ".venv/bin/python -m benchmarks.ingest_bench"


def corpus(limit: int = TARGET_DOCS) -> list[dict[str, Any]]:
    """The benchmark documents as JSONL records (id, text, published), distinct by (text, date)."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str | None]] = set()

    def add(record: dict[str, Any]) -> None:
        key = (record["text"], record.get("published"))
        if record["text"].strip() and key not in seen and len(out) < limit:
            seen.add(key)
            out.append(record)

    for split in ("train", "dev", "test"):
        with (data_dir() / "muc4" / "processed" / f"{split}.json").open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    doc = json.loads(line)
                    add({"id": doc["docid"], "text": doc["doctext"]})
    for row in ucdp_rows():
        heads = [h.strip() for h in (row.get("source_headline") or "").split(";")]
        dates = [d.strip()[:10] for d in (row.get("source_date") or "").split(";")]
        for n, head in enumerate(heads):
            date = dates[n] if len(dates) == len(heads) else (dates[0] if dates else "")
            add({"id": f"ucdp-{row['id']}-{n + 1}", "text": head, "published": date or None})
    return out


def child(url: str, path: str) -> dict[str, Any]:
    """In the measured process: ingest ``path`` into ``url``, return counts, time and peak RSS."""
    from incidex.store import open_engine
    from incidex.store.load import IngestOptions, default_extractor, ingest

    extract, version = default_extractor()
    engine = open_engine(url)
    t0 = time.perf_counter()
    summary = ingest(engine, [path], IngestOptions(), extract=extract, version=version)
    seconds = time.perf_counter() - t0
    engine.dispose()
    return {"documents": summary.stored, "read": summary.read, "events": summary.events, "errors": len(summary.errors),
            "seconds": seconds, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "extractor_version": version}


def _measure(url: str, path: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--child", url, path], capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise RuntimeError(f"ingest child failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _postgres(folder: str) -> str | None:
    started = subprocess.run(["bash", str(REPO / "scripts" / "postgres.sh"), "start", folder],
                             capture_output=True, text=True)
    return started.stdout.strip().splitlines()[-1] if started.returncode == 0 else None


def run() -> list[dict[str, Any]]:
    """One row per backend, in BENCHMARKS.md's row format."""
    from benchmarks.report import now

    docs = corpus()
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="incidex-bench-") as tmp:
        path = os.path.join(tmp, "corpus.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        pg_folder = tempfile.mkdtemp(prefix="incidex-bench-pg-")
        backends: list[tuple[str, str | None]] = [("SQLite", os.path.join(tmp, "bench.db")), ("PostgreSQL", _postgres(pg_folder))]
        try:
            for name, url in backends:
                if url is None:
                    rows.append({"benchmark": f"ingest-{name.lower()}", "title": f"Ingest into {name}",
                                 "notes": "not measured: PostgreSQL is not installed (bash scripts/postgres.sh install)"})
                    continue
                m = _measure(url, path)
                rows.append({
                    "benchmark": f"ingest-{name.lower()}", "title": f"Ingest into {name} (read + extract + store)",
                    "command": COMMAND, "machine": machine(), "date": now(), "extractor_version": m["extractor_version"],
                    "data": (f"{len(docs):,} distinct documents: all {sum(1 for d in docs if not d['id'].startswith('ucdp-')):,} "
                             f"MUC-4 train/dev/test texts + {sum(1 for d in docs if d['id'].startswith('ucdp-')):,} "
                             "UCDP GED headlines (Pakistan, Philippines)"
                             + ("" if len(docs) >= TARGET_DOCS else f"; the data holds fewer than {TARGET_DOCS:,}")),
                    "figures": {"documents": m["documents"], "events": m["events"], "seconds": round(m["seconds"], 1),
                                "docs/s": round(m["documents"] / m["seconds"], 1) if m["seconds"] else None,
                                "peak RSS (MB)": round(m["peak_rss_mb"])},
                    "notes": "one process, default batch of 200 documents per transaction"
                             + ("; PostgreSQL on loopback, fsync off" if name == "PostgreSQL" else "; SQLite WAL, synchronous=NORMAL"),
                })
        finally:
            subprocess.run(["bash", str(REPO / "scripts" / "postgres.sh"), "stop", pg_folder], capture_output=True)
    return rows


def markdown(rows: list[dict[str, Any]]) -> str:
    lines = ["| backend | documents | events | seconds | docs/s | peak RSS (MB) |", "|---|---|---|---|---|---|"]
    for r in rows:
        f = r.get("figures") or {}
        lines.append(f"| {r['title']} | {f.get('documents', '-')} | {f.get('events', '-')} | {f.get('seconds', '-')} | "
                     f"{f.get('docs/s', '-')} | {f.get('peak RSS (MB)', '-')} |")
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], sys.argv[3])))
    else:
        result = run()
        print(markdown(result))
        print()
        print(f"`{COMMAND}`; {result[0].get('data', '')}; {result[0].get('machine', '')}")
