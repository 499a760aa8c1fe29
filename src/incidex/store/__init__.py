"""The store: documents, events, evidence, runs and reviews in SQLite (default) or PostgreSQL.

``open_engine(db)`` connects and migrates; :mod:`~incidex.store.load` ingests;
:mod:`~incidex.store.read` reads events back in their schema form; :mod:`~incidex.store.stats`
counts. The layout is in :mod:`~incidex.store.tables`, its history in
:mod:`~incidex.store.migrations`; docs/store.md says how it fits together.
"""

from __future__ import annotations

from incidex.store.engine import DEFAULT_DB, ENV_VAR, display_url, open_engine, resolve_url
from incidex.store.read import EventFilter, get_event, iter_events

__all__ = ["DEFAULT_DB", "ENV_VAR", "EventFilter", "display_url", "get_event", "iter_events", "open_engine", "resolve_url"]
