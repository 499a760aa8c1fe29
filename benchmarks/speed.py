"""Speed and memory of the extractor on one core, beside the tools people would otherwise use.

Measured in one process, one thread (no multiprocessing), after a warm-up document:

* incidex ``extract_document`` over the MUC-4 train + dev texts (dateline and all) and over
  10,000 UCDP GED headlines (the 3,598 non-empty Pakistan + Philippines headlines, cycled: the
  corpus has fewer than 10,000; the first pass is reported apart so a cache cannot flatter it);
* the floor: spaCy's ``blank("en")`` tokenizer over the same texts;
* dateparser's ``search_dates`` over a fixed subsample of MUC-4 dev (it is slow), with its date
  accuracy on those documents against the keys, beside incidex's on the same documents;
* geotext over the same MUC-4 dev documents, with its country accuracy, beside incidex's.

Start-up (import + gazetteer load + first document, the index already built) and peak RSS
(``resource.getrusage(...).ru_maxrss`` after the whole MUC-4 dev + 10,000 headlines run) are
measured in fresh subprocesses. Words are whitespace-separated tokens.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import datetime
from itertools import islice
from typing import Any, Callable

from benchmarks import REPO, machine, share, ucdp_rows, words
from benchmarks import muc4_keys as keys

UCDP_N = 10_000
DATEPARSER_DOCS = 40
TARGET_WPS = 50_000
TARGET_STARTUP_S = 3.0
TARGET_RSS_MB = 1024


def ucdp_headlines() -> list[str]:
    """Every non-empty ``source_headline`` of the UCDP files, in file order."""
    return [h for h in ((row.get("source_headline") or "").strip() for row in ucdp_rows()) if h]


def headline_docs(n: int = UCDP_N) -> list[tuple[str, str]]:
    heads = ucdp_headlines()
    return [(f"ucdp-{i}", heads[i % len(heads)]) for i in range(n)]


def muc_docs(splits: tuple[str, ...] = ("train", "dev")) -> list[tuple[str, str]]:
    out = []
    for split in splits:
        texts = keys.raw_texts(split)
        out += [(doc_id, texts[doc_id]) for doc_id in keys.split_ids(split)]
    return out


def throughput(docs: list[tuple[str, str]], fn: Callable[[str, str], Any]) -> dict[str, float]:
    """Words/s and documents/s of ``fn(doc_id, text)`` over ``docs`` (one warm-up call first)."""
    if docs:
        fn(*docs[0])
    n_words = sum(words(t) for _, t in docs)
    t0 = time.perf_counter()
    for doc_id, text in docs:
        fn(doc_id, text)
    dt = time.perf_counter() - t0
    return {"seconds": dt, "words": n_words, "docs": len(docs),
            "wps": n_words / dt if dt else float("inf"), "dps": len(docs) / dt if dt else float("inf")}


def _incidex() -> Callable[[str, str], Any]:
    from incidex.pipeline.extract import extract_document
    from incidex.schema import Document

    return lambda doc_id, text: extract_document(Document(id=doc_id, text=text))


def _spacy() -> Callable[[str, str], Any]:
    import spacy

    tok = spacy.blank("en").tokenizer
    return lambda doc_id, text: tok(text)


_STARTUP = r"""
import time, sys
t0 = time.perf_counter()
from incidex.pipeline.extract import extract_document
from incidex.schema import Document
t1 = time.perf_counter()
extract_document(Document(id="first", text=sys.argv[1]))
t2 = time.perf_counter()
print(f"{t1 - t0:.4f} {t2 - t0:.4f}")
"""

_RSS = r"""
import json, resource, sys
from incidex.pipeline.extract import extract_document
from incidex.schema import Document
docs = json.load(open(sys.argv[1], encoding="utf-8"))
for doc_id, text in docs:
    extract_document(Document(id=doc_id, text=text))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


_THROUGHPUT = r"""
import json
from benchmarks.speed import _incidex, _spacy, headline_docs, muc_docs, throughput, ucdp_headlines
muc, heads = muc_docs(), headline_docs()
inc, spc = _incidex(), _spacy()
print(json.dumps({
    "muc": throughput(muc, inc), "head": throughput(heads, inc),
    "head1": throughput(heads[: len(ucdp_headlines())], inc),
    "spacy_muc": throughput(muc, spc), "spacy_head": throughput(heads, spc),
}))
"""


#: Fresh processes measured; each figure is the best of them (as timeit reports the minimum
#: time): the machine's other work only ever slows a run down.
THROUGHPUT_RUNS = 3


def fresh_throughput(runs: int = THROUGHPUT_RUNS) -> dict[str, dict[str, float]]:
    """Every throughput row measured in fresh interpreters, each a first pass with cold caches:
    the benchmarks run before it in the same process (MUC-4 scoring holds hundreds of thousands
    of objects) slow the garbage collector and would be measured with it, and a user's extraction
    process holds none of them. The best of ``runs`` processes per row."""
    best: dict[str, dict[str, float]] = {}
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _THROUGHPUT], capture_output=True, text=True, cwd=REPO, check=True)
        for name, row in json.loads(out.stdout.strip().splitlines()[-1]).items():
            if name not in best or row["wps"] > best[name]["wps"]:
                best[name] = row
    return best


def startup_seconds(first_text: str, repeats: int = 3) -> dict[str, float]:
    """Fresh interpreter each time: import + gazetteer load + first document (median of runs),
    and the whole process wall time including interpreter start."""
    inner, import_only, wall = [], [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", _STARTUP, first_text], capture_output=True, text=True, cwd=REPO, check=True)
        wall.append(time.perf_counter() - t0)
        imp, total = (float(x) for x in out.stdout.split())
        import_only.append(imp)
        inner.append(total)
    med = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731
    return {"startup": med(inner), "import": med(import_only), "process_wall": med(wall)}


def peak_rss_mb(docs: list[tuple[str, str]]) -> float:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(docs, fh)
        path = fh.name
    try:
        out = subprocess.run([sys.executable, "-c", _RSS, path], capture_output=True, text=True, cwd=REPO, check=True)
    finally:
        import os

        os.unlink(path)
    return int(out.stdout.strip().splitlines()[-1]) / 1024  # Linux reports KiB


# -- baselines with accuracy on the same MUC-4 rows -------------------------------------------

def _rows() -> list[tuple[str, str, Any]]:
    """MUC-4 dev documents with a relevant, not threatened-only key template, with their first such template."""
    texts, templates = keys.raw_texts("dev"), keys.raw_templates("dev")
    rows = []
    for doc_id in keys.split_ids("dev"):
        ts = [t for t in templates.get(doc_id, ()) if t.relevant and not t.threatened_only]
        if ts:
            rows.append((doc_id, texts[doc_id], ts[0]))
    return rows


def _body(text: str) -> str:
    """The text after the dateline's "--" (the filing date is not an incident date)."""
    head, sep, rest = text.partition("--")
    return rest if sep and len(head) < 200 else text


def dateparser_eval(rows: list[tuple[str, str, Any]]) -> dict[str, Any]:
    from dateparser.search import search_dates

    n_ok = n = 0
    n_words = 0
    t0 = time.perf_counter()
    for _, text, t in rows:
        ref = keys.dateline_date(text)
        settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        if ref:
            settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day)
        body = _body(text)
        n_words += words(body)
        found = search_dates(body, languages=["en"], settings=settings) or []
        ranges = t.dates(ref)
        if not ranges:
            continue
        n += 1
        day = found[0][1].date() if found else None
        n_ok += bool(day and any(r.contains(day) for r in ranges))
    dt = time.perf_counter() - t0
    return {"n": n, "ok": n_ok, "seconds": dt, "wps": n_words / dt if dt else 0.0}


def geotext_eval(rows: list[tuple[str, str, Any]]) -> dict[str, Any]:
    """geotext matches capitalised words, so it reads a title-cased copy of the all-caps text."""
    from geotext import GeoText

    n_ok = n = 0
    n_words = 0
    t0 = time.perf_counter()
    for _, text, t in rows:
        body = _body(text).title()
        n_words += words(body)
        mentions = GeoText(body).country_mentions
        if not t.countries:
            continue
        n += 1
        country = next(iter(mentions), None)
        n_ok += country in t.countries
    dt = time.perf_counter() - t0
    return {"n": n, "ok": n_ok, "seconds": dt, "wps": n_words / dt if dt else 0.0}


def incidex_doc_eval(rows: list[tuple[str, str, Any]]) -> dict[str, Any]:
    """incidex on the same rows: the first in-scope event's date and country vs the first key template."""
    from benchmarks import muc4

    events = muc4.extract_split("dev").events
    d_ok = d_n = c_ok = c_n = 0
    for doc_id, text, t in rows:
        ref = keys.dateline_date(text)
        evs = [e for e in events.get(doc_id, []) if muc4.scope_reason(e, ref) is None]
        ranges = t.dates(ref)
        if ranges:
            d_n += 1
            day = next((muc4._day(e.get("date")) for e in evs if e.get("date")), None)
            d_ok += bool(day and any(r.contains(day) for r in ranges))
        if t.countries:
            c_n += 1
            country = next((e.get("country") for e in evs if e.get("country")), None)
            c_ok += country in t.countries
    return {"date_n": d_n, "date_ok": d_ok, "country_n": c_n, "country_ok": c_ok}


# -- the row ----------------------------------------------------------------------------------

def _status(value: float, target: float, below: bool = False) -> str:
    ok = value < target if below else value >= target
    return "meets" if ok else "MISSES"


def run() -> dict[str, Any]:
    from incidex.pipeline.extract import extractor_version

    heads = headline_docs()
    t = fresh_throughput()
    r_muc, r_head, r_head1, s_muc, s_head = t["muc"], t["head"], t["head1"], t["spacy_muc"], t["spacy_head"]
    start = startup_seconds(keys.raw_texts("dev")[keys.split_ids("dev")[0]])
    dev_docs = muc_docs(("dev",))
    rss = peak_rss_mb(dev_docs + heads)

    rows = _rows()
    sub = rows[:DATEPARSER_DOCS]
    dp = dateparser_eval(sub)
    gt = geotext_eval(rows)
    inc_sub = incidex_doc_eval(sub)
    inc_all = incidex_doc_eval(rows)


    figures = {
        "incidex words/s, MUC-4 train+dev": f"{r_muc['wps']:,.0f} ({r_muc['docs']} docs, {r_muc['words']:,} words, {r_muc['dps']:,.1f} docs/s)",
        "incidex words/s, 10,000 UCDP headlines": f"{r_head['wps']:,.0f} ({r_head['dps']:,.0f} docs/s)",
        "incidex words/s, UCDP headlines first pass (unique)": f"{r_head1['wps']:,.0f} ({r_head1['docs']} docs)",
        "spaCy blank('en') tokenizer words/s, MUC-4 / UCDP": f"{s_muc['wps']:,.0f} / {s_head['wps']:,.0f}",
        "start-up s (import + gazetteer + first doc)": f"{start['startup']:.2f} (import {start['import']:.2f}; whole process {start['process_wall']:.2f})",
        "peak RSS MB (MUC-4 dev + 10,000 headlines)": f"{rss:,.0f}",
        f"dateparser search_dates words/s ({len(sub)} MUC-4 dev docs)": f"{dp['wps']:,.0f}",
        f"date accuracy, first date in doc: dateparser / incidex ({len(sub)} docs)":
            f"{share(dp['ok'], dp['n'])} / {share(inc_sub['date_ok'], inc_sub['date_n'])}",
        f"geotext words/s ({len(rows)} MUC-4 dev docs)": f"{gt['wps']:,.0f}",
        f"country accuracy, first country in doc: geotext / incidex ({len(rows)} docs)":
            f"{share(gt['ok'], gt['n'])} / {share(inc_all['country_ok'], inc_all['country_n'])}",
    }
    targets = {
        "incidex words/s, MUC-4 train+dev": f">= {TARGET_WPS:,} ({_status(r_muc['wps'], TARGET_WPS)})",
        "incidex words/s, 10,000 UCDP headlines": f">= {TARGET_WPS:,} ({_status(r_head['wps'], TARGET_WPS)})",
        "start-up s (import + gazetteer + first doc)": f"< {TARGET_STARTUP_S} ({_status(start['startup'], TARGET_STARTUP_S, below=True)})",
        "peak RSS MB (MUC-4 dev + 10,000 headlines)": f"< {TARGET_RSS_MB} ({_status(rss, TARGET_RSS_MB, below=True)})",
    }
    return {
        "benchmark": "speed",
        "title": "Speed and memory, one process, one core",
        "command": ".venv/bin/python -m benchmarks.run_all --only speed",
        "data": (f"MUC-4 raw train+dev texts ({r_muc['docs']} docs); UCDP GED source_headline, "
                 f"{len(ucdp_headlines()):,} non-empty headlines cycled to {UCDP_N:,}; dateparser on the first "
                 f"{len(sub)} MUC-4 dev docs with a key template, geotext and incidex on all {len(rows)}"),
        "figures": figures,
        "targets": targets,
        "notes": (f"Throughput rows: each a first pass with cold caches in a fresh process, the best of "
                  f"{THROUGHPUT_RUNS} processes (the machine's other work only slows a run; single runs vary "
                  "by about 10%). "
                  "Accuracy rows compare the first date / country each tool finds in a document with the "
                  "document's first key template (dateparser relative to the dateline date; geotext on a "
                  "title-cased copy, as it matches capitalised words; incidex's first in-scope event)."),
        "extractor_version": extractor_version(),
        "machine": machine(),
    }


# -- profile ----------------------------------------------------------------------------------

def stage_times(root: Any) -> dict[str, float]:
    """Self time per incidex module: time in a library called from a module counts to that module."""
    out: dict[str, float] = {}

    def walk(frame: Any, owner: str) -> None:
        path = (frame.file_path or "").replace("\\", "/")
        if "/incidex/" in path and "/benchmarks/" not in path:
            owner = path.split("/incidex/", 1)[1]
        child_time = sum(c.time for c in frame.children)
        out[owner] = out.get(owner, 0.0) + max(0.0, frame.time - child_time)
        for c in frame.children:
            walk(c, owner)

    walk(root, "(outside incidex)")
    return out


def profile(limit: int | None = None) -> dict[str, Any]:
    """pyinstrument over the extractor on MUC-4 dev: per-module times and the text summary."""
    from pyinstrument import Profiler

    docs = muc_docs(("dev",))[:limit] if limit else muc_docs(("dev",))
    inc = _incidex()
    inc(*docs[0])  # the gazetteer and vocabularies load outside the profile
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for doc_id, text in docs:
        inc(doc_id, text)
    profiler.stop()
    session = profiler.last_session
    times = stage_times(session.root_frame())
    text = profiler.output_text(unicode=False, color=False, show_all=False)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return {"docs": len(docs), "duration": session.duration, "stages": dict(sorted(times.items(), key=lambda kv: -kv[1])),
            "summary": "\n".join(islice(lines, 0, 80))}
