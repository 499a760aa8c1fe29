"""Place resolution on UCDP GED headlines: country and first-level region against UCDP's coding.

Data: ``ucdp-ged/conflict_data_{pak,phl}.csv`` (the HXL tag row skipped). Each event row gives
a news headline (``source_headline``) and UCDP's own coding of where the event happened
(``country``/``iso3``, ``adm_1``). A headline is often about the event, sometimes a timeline
title naming only the country; several events share a headline. The unit is a distinct
(headline, iso3, adm_1) triple.

* country accuracy: over headlines where :func:`find_places` resolves at least one place, the
  share whose predicted country (the vote of the headline's places) is UCDP's; the
  majority-class baseline predicts the commonest country for every headline;
* adm_1 accuracy: over headlines with a UCDP adm_1 where a place finer than the country is
  resolved, the share whose first such place lies in UCDP's adm_1. UCDP writes "Sulu
  province", "Khyber Pakhtunkwa province": suffixes are dropped and names compared after
  folding (token-sorted fuzzy ratio >= 85 for spelling variants and word order: "Mindoro
  Oriental"). Documented equivalences: Compostela Valley is Davao de Oro since 2019; UCDP keeps
  the Federally Administered Tribal Areas, merged into Khyber Pakhtunkhwa in 2018, which is
  where GeoNames (current boundaries) files them; and for the Philippines UCDP's adm_1 is the
  province, which GeoNames files as admin2 (its admin1 are the regions), so a Philippine
  adm_1 is compared with both. The majority baseline predicts each country's commonest adm_1.

The same row reports the speed of :func:`find_places` over MUC-4 dev (see :func:`speed`).

Run: ``.venv/bin/python -m benchmarks.ucdp_places``.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from benchmarks import data_dir, machine, ucdp_rows
from rapidfuzz import fuzz

from incidex.gazetteer.normalize import fold

TARGET_COUNTRY = 0.90
TARGET_ADM1 = 0.75
TARGET_WPS = 200_000
TARGET_WPS_SENTENCES = 300_000
_SUFFIXES = ("province", "region", "territory", "capital", "agency", "district", "state", "division")
#: UCDP adm_1 -> the GeoNames admin1 that holds it today (see the module docstring).
EQUIVALENT = {"federally administered tribal areas": "khyber pakhtunkhwa",
              "compostela valley": "davao de oro"}  # renamed in 2019; GeoNames has the new name


@dataclass(frozen=True)
class Row:
    headline: str
    iso2: str
    adm1: str


def _iso2(iso3: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3)
    return c.alpha_2 if c else ""


def rows() -> list[Row]:
    out: set[Row] = set()
    for r in ucdp_rows():
        h = (r.get("source_headline") or "").strip()
        if h:
            out.add(Row(h, _iso2(r.get("iso3") or ""), (r.get("adm_1") or "").strip()))
    return sorted(out, key=lambda r: (r.iso2, r.headline, r.adm1))


def norm_region(name: str) -> str:
    """"Khyber Pakhtunkwa province" -> "khyber pakhtunkwa"; "Azad Jammu & Kashmir" -> "azad jammu and kashmir"."""
    s = fold(name.replace("&", " and "))
    toks = s.split()
    while len(toks) > 1 and toks[-1] in _SUFFIXES:
        toks = toks[:-1]
    s = " ".join(toks)
    return EQUIVALENT.get(s, s)


def same_region(gold: str, predicted: str | None) -> bool:
    if not predicted:
        return False
    a, b = norm_region(gold), norm_region(predicted)
    return a == b or fuzz.token_sort_ratio(a, b) >= 85 or (len(b) > 4 and (a.startswith(b + " ") or b.startswith(a + " ")))


def run() -> dict[str, Any]:
    from incidex.pipeline.places import find_places

    data = rows()
    started = time.perf_counter()
    named = country_ok = 0
    country_gold: Counter[str] = Counter()
    adm_n = adm_ok = 0
    adm_gold: dict[str, Counter[str]] = {}
    adm_rows: list[Row] = []
    misses: Counter[str] = Counter()
    for r in data:
        found = [m for m in find_places(r.headline) if m.kind != "sublocation" and m.country]
        if not found:
            continue
        named += 1
        country_gold[r.iso2] += 1
        votes = Counter(m.country for m in found)
        top = max(votes.items(), key=lambda kv: (kv[1], -next(i for i, m in enumerate(found) if m.country == kv[0])))[0]
        country_ok += top == r.iso2
        if not r.adm1:
            continue
        fine = [m for m in found if m.geo_precision is not None and m.geo_precision <= 4 and m.country == top]
        if not fine:
            continue
        adm_n += 1
        adm_rows.append(r)
        adm_gold.setdefault(r.iso2, Counter())[norm_region(r.adm1)] += 1
        m = fine[0]
        ok = same_region(r.adm1, m.admin1) or (r.iso2 == "PH" and same_region(r.adm1, m.admin2))
        adm_ok += ok
        if not ok:
            misses[f"{norm_region(r.adm1)} <- {m.admin1 or m.admin2} ({m.text})"] += 1
    seconds = time.perf_counter() - started
    fast = speed()
    majority = country_gold.most_common(1)[0][1] / named if named else 0.0
    adm_majority = sum(adm_gold[r.iso2].most_common(1)[0][1] for r in {Row('', c, '') for c in adm_gold}) / adm_n if adm_n else 0.0
    figures = {
        "headlines (distinct headline/country/adm_1)": len(data),
        "headlines naming a place": named,
        "country accuracy": round(country_ok / named, 3) if named else None,
        "country majority-class baseline": round(majority, 3),
        "adm_1 evaluated (place finer than country)": adm_n,
        "adm_1 accuracy": round(adm_ok / adm_n, 3) if adm_n else None,
        "adm_1 majority-per-country baseline": round(adm_majority, 3),
        "seconds": round(seconds, 1),
        **fast,
    }
    return {
        "benchmark": "ucdp-places",
        "title": "UCDP GED headlines (Pakistan, Philippines): country and adm_1 of the places named",
        "command": ".venv/bin/python -m benchmarks.ucdp_places",
        "data": "shared/data/ucdp-ged conflict_data_pak.csv + conflict_data_phl.csv (source_headline, iso3, adm_1)",
        "machine": machine(),
        "figures": figures,
        "targets": {"country accuracy": f">= {TARGET_COUNTRY}", "adm_1 accuracy": f">= {TARGET_ADM1}",
                    "find_places words/s, warm, documents": f">= {TARGET_WPS:,}",
                    "find_places words/s, warm, sentences": f">= {TARGET_WPS_SENTENCES:,}"},
        "notes": "commonest adm_1 misses: " + "; ".join(f"{k} x{v}" for k, v in misses.most_common(12)),
    }


def speed(repeat: int = 3) -> dict[str, float]:
    """Words per second of :func:`find_places` over MUC-4 dev, one core, after a warm-up pass:
    whole documents, and one call per sentence (as the extractor calls it); and of
    :func:`document_country` over each document's lead (its first ``extract.LEAD_CHARS``
    characters, as the extractor calls it). CPU time, best of ``repeat``. Words are whitespace-separated tokens."""
    import json
    import re

    from incidex.pipeline.extract import LEAD_CHARS
    from incidex.pipeline.places import document_country, find_places

    path = data_dir() / "muc4" / "processed" / "dev.json"
    docs = [json.loads(line)["doctext"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    words = sum(len(d.split()) for d in docs)
    sentences = [s for d in docs for s in re.split(r"(?<=[.!?])\s+", d) if s.strip()]
    started = time.process_time()
    for d in docs:
        find_places(d)
    cold = time.process_time() - started
    out = {"MUC-4 dev words": words, "find_places words/s, first pass": round(words / cold)}
    for name, items in (("documents", docs), ("sentences", sentences)):
        best = float("inf")
        for _ in range(repeat):
            started = time.process_time()
            for d in items:
                find_places(d)
            best = min(best, time.process_time() - started)
        out[f"find_places words/s, warm, {name}"] = round(words / best)
    leads = [d[:LEAD_CHARS] for d in docs]
    lead_words = sum(len(d.split()) for d in leads)
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for d in leads:
            document_country(d)
        best = min(best, time.process_time() - started)
    out["document_country words/s, warm, leads"] = round(lead_words / best)
    return out


def markdown(row: dict[str, Any]) -> str:
    lines = [f"### {row['title']}", "", "| figure | value | target |", "|---|---|---|"]
    for k, v in row["figures"].items():
        lines.append(f"| {k} | {v} | {row['targets'].get(k, '')} |")
    lines += ["", f"Command: `{row['command']}`  ", f"Machine: {row['machine']}", "", row["notes"]]
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown(run()))
