"""Column sets for exports: incidex's own (full) and the layouts of GTD, ACLED and UCDP GED.

Each set is a list of (column, kind) and a function from one stored event (schema form) and its
document's metadata to a row. docs/export.md gives the mapping column by column and says what
cannot be filled. Every set carries ``claimed`` and ``claim_source``, so a perpetrator's own
claims can be kept apart (conventions.md §4); the GTD/ACLED/UCDP sets carry a generated
neutral note instead of any source text (§8).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal

from sqlalchemy import Boolean, Float, Integer

from incidex.export.countries import country_info
from incidex.export.notes import best_figure, note, total_deaths
from incidex.schema import COUNT_FIELDS, EVENT_FIELDS
from incidex.store import tables

Kind = Literal["str", "int", "float", "bool", "date", "evidence"]
Row = dict[str, Any]


@dataclass(frozen=True)
class ColumnSet:
    name: str
    columns: tuple[tuple[str, Kind], ...]
    build: Callable[[dict[str, Any], dict[str, Any]], Row]

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.columns]


# -- full: every schema field, counts flattened (schema.flatten's names) ---------------------------
def _full_columns() -> tuple[tuple[str, Kind], ...]:
    out: list[tuple[str, Kind]] = []
    for name in EVENT_FIELDS:
        if name in COUNT_FIELDS:
            out += [(f"{name}_{part}", "str" if part == "qualifier" else "int") for part in tables.COUNT_PARTS]
        elif name == "evidence":
            out.append((name, "evidence"))
        elif name in ("date", "date_end"):
            out.append((name, "date"))
        else:
            sql_type = tables.events.c[name].type
            kind: Kind = ("bool" if isinstance(sql_type, Boolean) else "int" if isinstance(sql_type, Integer)
                          else "float" if isinstance(sql_type, Float) else "str")
            out.append((name, kind))
    return tuple(out)


def full_row(event: dict[str, Any], _doc: dict[str, Any]) -> Row:
    row: Row = {}
    for key, value in event.items():
        if key in COUNT_FIELDS:
            for part in tables.COUNT_PARTS:
                row[f"{key}_{part}"] = value.get(part)
        else:
            row[key] = value
    return row


# -- shared derivations -------------------------------------------------------------------------
def citation(doc: dict[str, Any]) -> str | None:
    """Title, source, date, URL of the report: how GTD's ``scite1`` and UCDP's ``source_article`` cite."""
    published = doc.get("published")
    parts = [doc.get("title"), doc.get("source"), published.isoformat() if published else None, doc.get("url")]
    text = "; ".join(str(p) for p in parts if p)
    return text or None


def _ymd(value: str | None) -> tuple[int | None, int | None, int | None]:
    if not value:
        return None, None, None
    y, m, d = value.split("-")
    return int(y), int(m), int(d)


#: UCDP where_prec (1 exact place ... 7 waters) -> GTD specificity (1 exact ... 5 country/unknown).
GTD_SPECIFICITY = MappingProxyType({1: 1, 2: 2, 3: 3, 4: 4, 5: 4, 6: 5, 7: 5})
#: UCDP where_prec -> ACLED geo_precision (1 town, 2 near a town / small region, 3 larger region).
ACLED_GEO_PRECISION = MappingProxyType({1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3})
#: UCDP date_prec (1 day, 2 two-six days, 3 week, 4 month, 5 year) -> ACLED time_precision (1 day, 2 week, 3 month+).
ACLED_TIME_PRECISION = MappingProxyType({1: 1, 2: 2, 3: 2, 4: 3, 5: 3})
#: incidex's short "Vehicle" -> GTD's label.
GTD_WEAPON_LABELS = MappingProxyType({"Vehicle": "Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)"})
#: GTD target types whose dead UCDP counts on side b (armed or state actors); others are civilians.
ARMED_TARGET_TYPES = frozenset({"Military", "Police", "Government (General)", "Government (Diplomatic)",
                                "Terrorists/Non-State Militias", "Violent Political Party"})
UNKNOWN_TARGET_TYPES = frozenset({None, "Unknown", "Other"})


# -- GTD ----------------------------------------------------------------------------------------
GTD_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("eventid", "str"), ("iyear", "int"), ("imonth", "int"), ("iday", "int"), ("approxdate", "str"),
    ("extended", "int"), ("resolution", "date"), ("country_txt", "str"), ("provstate", "str"), ("city", "str"),
    ("latitude", "float"), ("longitude", "float"), ("specificity", "int"), ("location", "str"), ("summary", "str"),
    ("suicide", "int"), ("attacktype1_txt", "str"), ("targtype1_txt", "str"), ("target1", "str"), ("gname", "str"),
    ("claimed", "int"), ("claim_source", "str"), ("weaptype1_txt", "str"), ("nkill", "int"), ("nkillter", "int"),
    ("nwound", "int"), ("nhostkid", "int"), ("scite1", "str"), ("dbsource", "str"),
)


def gtd_row(event: dict[str, Any], doc: dict[str, Any]) -> Row:
    year, month, day = _ymd(event.get("date"))
    precision = event.get("date_precision") or 1
    if precision >= 4:
        day = 0  # GTD writes 0 for an unknown day (and month)
    if precision >= 5:
        month = 0
    # A span of days is a duration; a month- or year-wide span (precision 4-5) is only uncertainty.
    extended = bool(event.get("date_end") and event["date_end"] != event.get("date") and precision <= 3)
    name, _, _ = country_info(event.get("country"))
    _, nkill, _ = total_deaths(event)
    weapon = event.get("weapon_type")
    return {
        "eventid": event["event_id"], "iyear": year, "imonth": month, "iday": day,
        "approxdate": event.get("date_text") if precision > 1 else None,
        "extended": int(extended), "resolution": event.get("date_end") if extended else None,
        "country_txt": name, "provstate": event.get("admin1"), "city": event.get("location"),
        "latitude": event.get("latitude"), "longitude": event.get("longitude"),
        "specificity": GTD_SPECIFICITY.get(event.get("geo_precision")),  # type: ignore[arg-type]
        "location": event.get("sublocation"), "summary": note(event), "suicide": int(bool(event.get("suicide"))),
        "attacktype1_txt": event.get("attack_type") or "Unknown", "targtype1_txt": event.get("target_type") or "Unknown",
        "target1": event.get("target"), "gname": event.get("perpetrator") or "Unknown",
        "claimed": int(bool(event.get("claimed"))), "claim_source": event.get("claim_source"),
        "weaptype1_txt": GTD_WEAPON_LABELS.get(weapon, weapon) if weapon else "Unknown",
        "nkill": nkill, "nkillter": best_figure(event["perpetrators_killed"]), "nwound": best_figure(event["wounded"]),
        "nhostkid": best_figure(event["abducted"]), "scite1": citation(doc), "dbsource": "incidex",
    }


# -- ACLED --------------------------------------------------------------------------------------
ACLED_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("event_id_cnty", "str"), ("event_date", "date"), ("year", "int"), ("time_precision", "int"),
    ("event_type", "str"), ("sub_event_type", "str"), ("actor1", "str"), ("actor2", "str"), ("iso", "int"),
    ("country", "str"), ("admin1", "str"), ("admin2", "str"), ("location", "str"), ("latitude", "float"),
    ("longitude", "float"), ("geo_precision", "int"), ("source", "str"), ("notes", "str"), ("fatalities", "int"),
    ("claimed", "bool"), ("claim_source", "str"),
)


def acled_row(event: dict[str, Any], doc: dict[str, Any]) -> Row:
    year, _, _ = _ymd(event.get("date"))
    name, _, numeric = country_info(event.get("country"))
    _, fatalities, _ = total_deaths(event)
    return {
        "event_id_cnty": event["event_id"], "event_date": event.get("date"), "year": year,
        "time_precision": ACLED_TIME_PRECISION.get(event.get("date_precision")) if event.get("date") else None,  # type: ignore[arg-type]
        "event_type": event.get("event_type"), "sub_event_type": event.get("sub_event_type"),
        "actor1": event.get("perpetrator"), "actor2": event.get("target"), "iso": numeric, "country": name,
        "admin1": event.get("admin1"), "admin2": event.get("admin2"), "location": event.get("location"),
        "latitude": event.get("latitude"), "longitude": event.get("longitude"),
        "geo_precision": ACLED_GEO_PRECISION.get(event.get("geo_precision")),  # type: ignore[arg-type]
        "source": doc.get("source"), "notes": note(event), "fatalities": fatalities,
        "claimed": bool(event.get("claimed")), "claim_source": event.get("claim_source"),
    }


# -- UCDP GED -----------------------------------------------------------------------------------
UCDP_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("id", "str"), ("year", "int"), ("side_a", "str"), ("side_b", "str"), ("source_article", "str"),
    ("source_headline", "str"), ("where_prec", "int"), ("where_coordinates", "str"), ("where_description", "str"),
    ("adm_1", "str"), ("adm_2", "str"), ("latitude", "float"), ("longitude", "float"), ("geom_wkt", "str"),
    ("country", "str"), ("date_prec", "int"), ("date_start", "date"), ("date_end", "date"), ("deaths_a", "int"),
    ("deaths_b", "int"), ("deaths_civilians", "int"), ("deaths_unknown", "int"), ("best", "int"), ("high", "int"),
    ("low", "int"), ("claimed", "bool"), ("claim_source", "str"), ("notes", "str"),
)


def ucdp_row(event: dict[str, Any], doc: dict[str, Any]) -> Row:
    year, _, _ = _ymd(event.get("date"))
    name, _, _ = country_info(event.get("country"))
    low, best, high = total_deaths(event)
    victims = best_figure(event["killed"])
    target_type = event.get("target_type")
    lat, lon = event.get("latitude"), event.get("longitude")
    where = [event.get("sublocation"), event.get("location")]
    return {
        "id": event["event_id"], "year": year, "side_a": event.get("perpetrator"), "side_b": event.get("target"),
        "source_article": citation(doc), "source_headline": doc.get("title"), "where_prec": event.get("geo_precision"),
        "where_coordinates": event.get("location"),
        "where_description": ", ".join(dict.fromkeys(p for p in where if p)) or None,
        "adm_1": event.get("admin1"), "adm_2": event.get("admin2"), "latitude": lat, "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else None,
        "country": name, "date_prec": event.get("date_precision"), "date_start": event.get("date"),
        "date_end": event.get("date_end") or event.get("date"),
        "deaths_a": best_figure(event["perpetrators_killed"]),
        "deaths_b": victims if target_type in ARMED_TARGET_TYPES else None,
        "deaths_civilians": victims if target_type not in ARMED_TARGET_TYPES | UNKNOWN_TARGET_TYPES else None,
        "deaths_unknown": victims if target_type in UNKNOWN_TARGET_TYPES else None,
        "best": best, "high": high, "low": low,
        "claimed": bool(event.get("claimed")), "claim_source": event.get("claim_source"), "notes": note(event),
    }


COLUMN_SETS: MappingProxyType[str, ColumnSet] = MappingProxyType({
    "full": ColumnSet("full", _full_columns(), full_row),
    "gtd": ColumnSet("gtd", GTD_COLUMNS, gtd_row),
    "acled": ColumnSet("acled", ACLED_COLUMNS, acled_row),
    "ucdp": ColumnSet("ucdp", UCDP_COLUMNS, ucdp_row),
})

__all__ = ["COLUMN_SETS", "ColumnSet", "Kind", "Row", "citation", "full_row", "gtd_row", "acled_row", "ucdp_row"]
