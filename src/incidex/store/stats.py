"""Counts over the store for ``incidex stats``: events by country, month and type, with totals.

Totals leave out events whose only source is the perpetrators' own claim (``claim_source:
"perpetrator"``, conventions.md §4) unless asked. Sums of people use each count's ``best``,
or its ``low`` when the text gave only a vague quantity ("dozens"): the conservative figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Engine, and_, func, select

from incidex.store import tables
from incidex.store.engine import guarded
from incidex.store.read import EventFilter, conditions


@dataclass(frozen=True)
class Group:
    key: str | None
    events: int
    killed: int
    wounded: int


@dataclass
class Stats:
    documents: int = 0
    events: int = 0  # every stored event
    counted: int = 0  # events in the totals below
    perpetrator_claims: int = 0  # events whose source is the perpetrators' own claim
    include_claims: bool = False
    killed: int = 0
    wounded: int = 0
    perpetrators_killed: int = 0
    abducted: int = 0
    by_country: list[Group] = field(default_factory=list)
    by_month: list[Group] = field(default_factory=list)
    by_type: list[Group] = field(default_factory=list)
    runs: int = 0
    unfinished_runs: int = 0
    errors: int = 0
    documents_without_events: int = 0


def people(name: str) -> ColumnElement[Any]:
    """Sum of a count over events: best, or low for vague quantities; unknown counts add nothing."""
    ev = tables.events
    return func.coalesce(func.sum(func.coalesce(ev.c[f"{name}_best"], ev.c[f"{name}_low"])), 0)


@guarded
def collect(engine: Engine, include_claims: bool = False) -> Stats:
    ev, doc, runs = tables.events, tables.documents, tables.runs
    cond = conditions(EventFilter(include_perpetrator_claims=include_claims))
    where = and_(*cond) if cond else None
    s = Stats(include_claims=include_claims)
    with engine.connect() as conn:
        s.documents = conn.execute(select(func.count()).select_from(doc)).scalar_one()
        s.events = conn.execute(select(func.count()).select_from(ev)).scalar_one()
        s.perpetrator_claims = conn.execute(select(func.count()).select_from(ev).where(ev.c.claim_source == "perpetrator")).scalar_one()
        totals = select(func.count(), people("killed"), people("wounded"), people("perpetrators_killed"), people("abducted"))
        totals = totals.select_from(ev)
        if where is not None:
            totals = totals.where(where)
        s.counted, s.killed, s.wounded, s.perpetrators_killed, s.abducted = (int(v) for v in conn.execute(totals).one())
        month = func.substr(ev.c.date, 1, 7)
        for key, target in ((ev.c.country, s.by_country), (month, s.by_month), (ev.c.attack_type, s.by_type)):
            query = select(key.label("key"), func.count().label("n"), people("killed"), people("wounded")).select_from(ev)
            if where is not None:
                query = query.where(where)
            query = query.group_by(key)
            for row in conn.execute(query):
                target.append(Group(row[0], int(row[1]), int(row[2]), int(row[3])))
        s.by_country.sort(key=lambda g: (-g.events, g.key is None, g.key or ""))
        s.by_type.sort(key=lambda g: (-g.events, g.key is None, g.key or ""))
        s.by_month.sort(key=lambda g: (g.key is None, g.key or ""))
        s.runs = conn.execute(select(func.count()).select_from(runs)).scalar_one()
        s.unfinished_runs = conn.execute(select(func.count()).select_from(runs).where(runs.c.status != "finished")).scalar_one()
        s.errors = int(conn.execute(select(func.coalesce(func.sum(runs.c.errors_count), 0))).scalar_one())
        with_events = select(ev.c.doc_id).distinct().subquery()
        s.documents_without_events = s.documents - conn.execute(select(func.count()).select_from(with_events)).scalar_one()
    return s


__all__ = ["Group", "Stats", "collect", "people"]
