"""Neutral generated notes and derived figures for the GTD / ACLED / UCDP columns.

A note says what the fields say (date, place, type, target, counts, actors, claim) in fixed
wording built from the fields alone. It never quotes the source sentence (conventions.md §8):
a group's own wording stays in the evidence, where it is marked as a quotation.
"""

from __future__ import annotations

from typing import Any

from incidex.export.countries import country_info

_COUNT_LABELS: tuple[tuple[str, str], ...] = (
    ("killed", "killed"), ("wounded", "wounded"), ("casualties", "killed or wounded"),
    ("abducted", "abducted"), ("perpetrators_killed", "killed among the perpetrators"),
)


def count_phrase(count: dict[str, Any]) -> str | None:
    """"at least 12", "about 60", "10 to 15", "an unspecified number (24-99)"; None when unknown."""
    q = count.get("qualifier", "unknown")
    low, best, high = count.get("low"), count.get("best"), count.get("high")
    if q == "unknown":
        return None
    if q == "none_reported":
        return "none"
    if q == "approx":
        return f"about {best}"
    if q == "at_least":
        return f"at least {best if best is not None else low}"
    if q == "at_most":
        return f"up to {best if best is not None else high}"
    if q == "range":
        return f"{low} to {high}"
    if q == "vague":
        bounds = f"{low}-{high}" if low is not None and high is not None else f"{low}+" if low is not None else None
        return f"an unspecified number ({bounds})" if bounds else "an unspecified number"
    return str(best)


def best_figure(count: dict[str, Any]) -> int | None:
    """The figure to put in a single-number column: best, else the low bound (vague counts)."""
    if count.get("qualifier", "unknown") == "unknown":
        return None
    if count.get("best") is not None:
        return int(count["best"])
    return int(count["low"]) if count.get("low") is not None else None


def total_deaths(event: dict[str, Any]) -> tuple[int | None, int | None, int | None]:
    """(low, best, high) of all deaths: victims + perpetrators (conventions.md §2).

    A part the text says nothing about adds nothing; a part with no upper bound ("at least 17")
    leaves the total without one. All None when neither part is known.
    """
    parts = [event[name] for name in ("killed", "perpetrators_killed") if event[name].get("qualifier", "unknown") != "unknown"]
    if not parts:
        return None, None, None
    low = sum(p.get("low") or 0 for p in parts)
    best = sum(best_figure(p) or 0 for p in parts)
    highs = [p.get("high") for p in parts]
    high = None if any(h is None for h in highs) else sum(int(h) for h in highs)  # type: ignore[arg-type]
    return low, best, high


def place_phrase(event: dict[str, Any]) -> str | None:
    name, _, _ = country_info(event.get("country"))
    parts = [event.get("sublocation"), event.get("location"), event.get("admin2"), event.get("admin1"), name]
    unique = list(dict.fromkeys(p for p in parts if p))
    return ", ".join(unique) or None


def date_phrase(event: dict[str, Any]) -> str | None:
    """"2017-08-14", "2017-05-30 to 2017-06-01", "2017-08" (known to the month), "2017" (to the year)."""
    when = event.get("date")
    if not when:
        return None
    precision = event.get("date_precision") or 1
    if precision >= 5:
        return when[:4]
    if precision == 4:
        return when[:7]
    if event.get("date_end") and event["date_end"] != when:
        return f"{when} to {event['date_end']}"
    return str(when)


def note(event: dict[str, Any]) -> str:
    """One neutral sentence-like summary of the event's fields."""
    pieces: list[str] = []
    head = ", ".join(p for p in (date_phrase(event) or "date unknown", place_phrase(event) or "place unknown") if p)
    what = event.get("attack_type") or event.get("event_type") or "Attack of unknown type"
    if event.get("weapon_type") and event["weapon_type"] != "Unknown":
        what += f" ({event['weapon_type']})"
    if event.get("suicide"):
        what = f"Suicide attack: {what}"
    target = event.get("target") or event.get("target_type")
    if target:
        what += f" against {target}"
    pieces.append(f"{head}: {what}.")
    counts = [(label, count_phrase(event[name])) for name, label in _COUNT_LABELS]
    said = [f"{phrase} {label}" for label, phrase in counts if phrase and phrase != "none"]
    if said:
        text = "; ".join(said)
        pieces.append(text[0].upper() + text[1:] + ".")
    elif any(phrase == "none" for _, phrase in counts):
        pieces.append("No casualties reported.")
    perpetrator = event.get("perpetrator")
    pieces.append(f"Perpetrator: {perpetrator}." if perpetrator else "Perpetrator not identified.")
    if event.get("claimed"):
        pieces.append("Source: the perpetrator's own claim." if event.get("claim_source") == "perpetrator"
                      else "Reported as claimed.")
    return " ".join(pieces)
