"""Run the benchmarks and rewrite BENCHMARKS.md: ``python -m benchmarks.run_all [--only NAME ...]``.

Every benchmark module is imported up front: a missing one (for instance ``ucdp_places`` or
``ingest_bench``, written with the stages they measure) stops the run with a message that names
it, rather than leaving its section silently out of BENCHMARKS.md. A benchmark that raises is
reported on standard error and in its own section, the others still run, and the exit status
is 1.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import traceback
from typing import Any, Callable

try:
    from benchmarks import calibration, fixtures_eval, muc4, report, speed, wikievents
    from benchmarks import ingest_bench, readme_tables, ucdp_counts, ucdp_places
except ImportError as exc:  # fail loudly: a benchmark that cannot be imported is not skipped
    raise SystemExit(f"benchmarks.run_all: cannot import a benchmark module ({exc}); "
                     "every module listed in benchmarks/README.md must exist before `make bench`") from exc

from benchmarks import REPO, machine

README = REPO / "benchmarks" / "README.md"
_PROFILE_START, _PROFILE_END = "<!-- profile:start -->", "<!-- profile:end -->"


def _profile() -> dict[str, Any]:
    """pyinstrument over MUC-4 dev; the summary also goes into benchmarks/README.md."""
    from incidex.pipeline.extract import extractor_version

    p = speed.profile()
    total = sum(p["stages"].values()) or 1.0
    table = ["| module | seconds | share |", "|---|---|---|"]
    table += [f"| {k} | {v:.2f} | {v / total:.0%} |" for k, v in list(p["stages"].items())[:15]]
    slowest = next((k for k in p["stages"] if k.startswith("pipeline/") or k.startswith("gazetteer/")), None)
    section = "\n".join([
        _PROFILE_START,
        f"Profile of `extract_document` over MUC-4 dev ({p['docs']} documents, {p['duration']:.1f} s under the "
        f"profiler, {report.now()}, extractor {extractor_version()}); regenerate with "
        "`.venv/bin/python -m benchmarks.run_all --only profile`.",
        "",
        f"Slowest stage: **{slowest}** ({p['stages'].get(slowest, 0.0) / total:.0%} of the time)." if slowest else "",
        "",
        "Self time per incidex module (time spent in libraries counts to the incidex module that called them):",
        "",
        *table,
        "",
        "pyinstrument summary:",
        "",
        "```",
        p["summary"],
        "```",
        _PROFILE_END,
    ])
    text = README.read_text(encoding="utf-8") if README.is_file() else "# Benchmarks\n"
    if _PROFILE_START in text and _PROFILE_END in text:
        text = re.sub(re.escape(_PROFILE_START) + r".*?" + re.escape(_PROFILE_END), lambda _: section, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n## Profile\n\n" + section + "\n"
    README.write_text(text, encoding="utf-8")
    return {
        "benchmark": "profile",
        "title": "Profile: where the extractor spends its time (MUC-4 dev)",
        "command": ".venv/bin/python -m benchmarks.run_all --only profile",
        "data": f"MUC-4 dev raw texts ({p['docs']} docs)",
        "figures": {"slowest stage": f"{slowest} ({p['stages'].get(slowest, 0.0) / total:.0%})" if slowest else "n/a",
                    **{f"{k} s": f"{v:.2f}" for k, v in list(p["stages"].items())[:6]}},
        "notes": "Full summary in benchmarks/README.md (Profile).",
        "extractor_version": extractor_version(),
        "machine": machine(),
    }


def _muc4(include_test: bool) -> Callable[[], list[dict[str, Any]]]:
    return lambda: muc4.run(("dev", "test") if include_test else ("dev",))


def benchmarks(include_test: bool = True) -> dict[str, Callable[[], Any]]:
    """Name -> run(): the names ``--only`` accepts, in run order."""
    return {
        "muc4": _muc4(include_test),
        "calibration": calibration.run,
        "ucdp": ucdp_places.run,
        "ucdp-counts": ucdp_counts.run,
        "wikievents": wikievents.run,
        "fixtures": fixtures_eval.run,
        "speed": speed.run,
        "profile": _profile,
        "ingest": ingest_bench.run,
    }


def _rows(name: str, result: Any) -> list[dict[str, Any]]:
    rows = result if isinstance(result, list) else [result]
    out = []
    for i, r in enumerate(rows):
        if not isinstance(r, dict):
            raise TypeError(f"benchmark {name} returned {type(r).__name__}, expected dict or list of dicts")
        r = dict(r)
        r.setdefault("benchmark", name if len(rows) == 1 else f"{name}-{i + 1}")
        r.setdefault("command", f".venv/bin/python -m benchmarks.run_all --only {name}")
        r.setdefault("machine", machine())
        r.setdefault("date", report.now())
        out.append(r)
    return out


def main(argv: list[str] | None = None) -> int:
    table = benchmarks()
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run_all", description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=sorted(table), metavar="NAME",
                        help=f"run only this benchmark (repeatable): {', '.join(table)}")
    parser.add_argument("--no-test", action="store_true",
                        help="skip the MUC-4 test split (runs on it are logged in BENCHMARKS.md)")
    args = parser.parse_args(argv)
    table = benchmarks(include_test=not args.no_test)
    names = args.only or list(table)
    failed = []
    t_all = time.perf_counter()
    for name in names:
        print(f"[bench] {name} ...", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            rows = _rows(name, table[name]())
        except Exception as exc:  # noqa: BLE001 - reported loudly, recorded, and the exit status says so
            traceback.print_exc()
            failed.append(name)
            rows = [{"benchmark": name, "title": f"{name}: FAILED", "date": report.now(), "machine": machine(),
                     "command": f".venv/bin/python -m benchmarks.run_all --only {name}",
                     "figures": {"error": f"{type(exc).__name__}: {exc}"}}]
        dt = time.perf_counter() - t0
        for r in rows:
            r.setdefault("seconds", round(dt, 1))
            report.save(r)
        print(f"[bench] {name}: {len(rows)} row(s) in {dt:.1f} s", file=sys.stderr, flush=True)
    path = report.write()
    if not failed and set(names) == set(table):
        readme_tables.rewrite()  # a partial run would mix figures of two extractor versions
    print(f"[bench] wrote {path.relative_to(REPO)} in {time.perf_counter() - t_all:.1f} s"
          + (f"; FAILED: {', '.join(failed)}" if failed else ""), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
