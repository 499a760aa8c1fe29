"""DATES stage: find the dates in one piece of text and place them on the calendar.

One compiled regular expression finds every candidate (a union of the forms below, tried in
order at each word start); a small handler per form checks the context the form needs and
returns a parsed hit; hits are then resolved against the reference date. Word lists live in
``lang/en/dates_*.yaml``; nothing here knows a month name.

What is a date, and what it means (the decisions two careful coders could make differently):

- Precision is UCDP ``date_prec`` for the length of the window: 1 one day, 2 two to six days,
  3 seven days (a week), 4 eight to thirty-one days (a month), 5 longer (a year). Every
  mention of more than one day carries ``value`` (first day) and ``value_end`` (last day).
- Parts of a month: early / the beginning of = days 1-10, mid / the middle of = 11-20,
  late / the end of = 21-last; ten-day windows, so precision 4 by the rule above (UCDP codes
  an 8-30 day range as 4); "the first week of June" is 1-7, precision 3. Parts of a year:
  early = Jan-Apr, mid = May-Aug, late = Sep-Dec, precision 5.
- A date without a year takes the year that puts it on or before the reference date (the most
  recent occurrence); a bare month takes the most recent month that began on or before it.
  Ranges are placed by their first day; the last day is the first occurrence after it.
- Weekdays: the most recent such day on or before the reference (the reference itself when it
  is that weekday); "last Tuesday" skips the reference day itself, "next Tuesday" looks ahead.
- "last week" is the previous Monday-Sunday week (precision 3); "this week" and "earlier this
  week" run from this week's Monday to the reference; "last month" / "last year" are the
  previous calendar month / year; "this month" / "this year" run to the reference.
- "last night" and "overnight" are the night before the report: reference - 1 day, precision 1.
  "this morning", "this evening", "tonight", "today" and "in the past few hours" are the
  reference date.
- "N days ago" is reference - N (precision 1); "N weeks / months / years ago" is reference minus
  N of them, with precision 3 / 4 / 5 and no ``value_end``; "a few days ago" is the window
  reference - 6 .. reference - 2 (precision 2).
- Anaphoric phrases ("the same day", "the next day", "two days later", "that night") count from
  the date in force; with none, ``value`` is None. "the day before", "the day after" and
  "N days before/after" count only at a clause end: "the day before the vote" is not about the
  date in force.
- "on the 9th" is the 9th of the reference month, or of the month before when the 9th is still
  to come; an ordinal without "on" before it, or followed by a noun ("the 9th floor"), is no date.
- Numeric dates: "03/06/2017" is read day-first unless ``day_first`` (inferred for the whole
  document by :func:`infer_day_first`) says otherwise; a part over 12 settles the order for that
  date whatever the default. "12/05" without a year is a date only at the start of a line
  (bulletins) or after "on", "from", "between" and the like.
- A four-digit year alone is a date only after "in", "during", "throughout" ("in 2017"): "since
  2015", "Resolution 2017", "Brigade 1990" are not. Two-digit years ("12 JAN 90") take the
  century that puts them nearest the reference, at most one year after it.
- Two dates of the same kind joined by "to", "-", "until" (or "and" after "between") are one
  range ("30 May to 2 June", "between April and May 1989", "from 2015 to 2017"); "3 and 6 June"
  without "between" is two days. A bare month or year after "between", "from", "to", "and" is
  kept only as part of such a range or list ("postponed to June" is no date).
- A day and month that name something ("the 19 April Movement", "26 July Avenue") or recur
  ("every 21 May") are no date.
- Month names that are English words (May, March, August) must be capitalised in mixed-case
  text; in all-caps or all-lowercase text (MUC-4) "MAY" needs a day or a year beside it.
  Abbreviations ("Jan", "Mar") need a day or a year beside them. A bare month needs "in",
  "during", "throughout", "month of" or "last/this/next" before it; in caseless text "THIS
  MARCH" and "THE LAST MARCH" are the noun. "10 may" in caseless text is the modal verb when a
  verb follows ("THE 10 MAY HAVE DIED"), unless "on" or the like comes before the number.
- Hijri dates are converted with hijridate (Umm al-Qura). A year-less Hijri date takes the most
  recent occurrence on or before the reference; "Ramadan 2017" (a Gregorian year) is the
  Ramadan that began in 2017; a year outside hijridate's range gives ``value`` None. Day 30 of
  a 29-day month is read as the day after the 29th (other reckonings start months a day later).
- No reference date: relative and year-less dates keep their words with ``value`` None.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Callable

from hijridate import Gregorian, Hijri

from incidex.errors import DataError
from incidex.lang import load_words
from incidex.pipeline.mentions import DateMention, replaced
from incidex.pipeline.prefilter import Gated, gated

__all__ = ["find_dates", "parse_dateline", "infer_day_first", "dates_the_telling", "telling_between"]

_SEP_RX = r"[\s\-'’ʿʼ`‘]*"  # between the letter runs of a month name: "Dhul-Qa'dah" ~ "Dhul Qadah"
_RANGE_SEP = r"(?P<{p}sep>-|–|—|to|and|through|till|until|&)"
_CALENDAR_LIMITS = (1800, 2200)  # a Gregorian year outside is no year ("3 June 1500 troops")
_ORDINAL_SUFFIX = re.compile(r"st|nd|rd|th", re.IGNORECASE)


# --------------------------------------------------------------------------- data


def _load(name: str) -> dict[str, Any]:
    """One YAML word list from ``lang/en`` (parsed once per process)."""
    return load_words(name)


def _skeleton(word: str) -> str:
    """Letters only, lower case: the key under which month variants are looked up."""
    return re.sub(r"[^a-z]", "", word.lower())


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _phrase_units(phrase: str) -> list[str]:
    """A phrase as regex units: any whitespace between words, a hyphen optional or a space."""
    units: list[str] = []
    for i, word in enumerate(phrase.lower().split()):
        if i:
            units.append(r"\s+")
        for j, part in enumerate(word.split("-")):
            if j:
                units.append(r"[\s-]?")
            units.extend(re.escape(ch) for ch in part)
    return units


def _month_units(variant: str) -> list[str]:
    """A month spelling as regex units: its letter runs joined by optional separators."""
    units: list[str] = []
    for i, run in enumerate(re.findall(r"[a-z0-9]+", variant.lower())):
        if i:
            units.append(_SEP_RX)
        units.extend(run)
    return units


def _trie(sequences: list[list[str]]) -> str:
    """An alternation of unit sequences folded into a prefix tree, so that the regex engine
    rejects a non-matching word on its first letter instead of trying every phrase."""
    root: dict[str, Any] = {}
    for seq in sequences:
        node = root
        for unit in seq:
            node = node.setdefault(unit, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [unit + emit(child) for unit, child in sorted(node.items()) if unit]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        if ends:
            body = ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
        return body

    return "(?:" + emit(root) + ")"


def _union(phrases: Any) -> str:
    """One alternation of phrases (longest match first, as a prefix tree)."""
    if any(not isinstance(p, str) for p in phrases):
        raise DataError(f"lang/en/dates_*.yaml: expected words, got {sorted(map(repr, phrases))}")
    return _trie([_phrase_units(p) for p in set(phrases)])


@dataclass(frozen=True)
class _Grammar:
    """Everything compiled from the word lists, built once (see :func:`_grammar`)."""

    master: re.Pattern[str]  # for lowercased text (literals without IGNORECASE are much faster)
    forms: tuple[tuple[str, str], ...]  # (name, regex) in the order the master tries them
    form_names: tuple[str, ...]
    months: dict[str, tuple[str, int]]
    abbreviations: frozenset[str]
    ambiguous: frozenset[str]
    need_number: frozenset[str]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    days_from_reference: dict[str, int]
    periods: dict[str, dict[str, Any]]
    days_from_in_force: dict[str, int]
    number_words: dict[str, int]
    vague_counts: dict[str, tuple[int, int]]
    ago_units: dict[str, tuple[int, int]]
    month_parts: dict[str, tuple[int, int]]
    year_parts: dict[str, tuple[int, int]]
    before_bare_month: re.Pattern[str]
    before_bare_year: re.Pattern[str]
    before_ordinal: re.Pattern[str]
    before_numeric: re.Pattern[str]
    before_between: re.Pattern[str]
    before_may_day: re.Pattern[str]
    before_range: re.Pattern[str]
    before_recurring: re.Pattern[str]
    before_determiner: re.Pattern[str]
    date_named_after: re.Pattern[str]
    weekday_named_before: re.Pattern[str]
    weekday_named_after: re.Pattern[str]
    clause_end: re.Pattern[str]
    fraction_after: re.Pattern[str]
    may_modal: re.Pattern[str]
    range_gap: re.Pattern[str]
    numeric_any: re.Pattern[str]


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    cal = _load("dates_calendar.yaml")
    rel = _load("dates_relative.yaml")
    ctx = _load("dates_context.yaml")

    months: dict[str, tuple[str, int]] = {}
    month_variants: list[str] = []
    for calendar_name, key in (("gregorian", "gregorian_months"), ("hijri", "hijri_months")):
        for number, variants in cal[key].items():
            for v in variants:
                months[_skeleton(v)] = (calendar_name, int(number))
                month_variants.append(v)
    weekdays = {_skeleton(w): int(n) for n, names in cal["weekdays"].items() for w in names}
    ordinals = {_skeleton(w): int(n) for w, n in cal["ordinal_words"].items()}
    tod = [_norm(w) for w in rel["times_of_day"]]
    mods = [_norm(w) for w in rel["day_modifiers"]]
    days_ref = {_norm(k): int(v) for k, v in rel["days_from_reference"].items()}
    periods = {_norm(k): dict(v) for k, v in rel["periods_from_reference"].items()}
    days_inf = {_norm(k): int(v) for k, v in rel["days_from_in_force"].items()}
    guarded = {_norm(k) for k in rel["needs_clause_end"]}
    numbers = {_norm(k): int(v) for k, v in rel["number_words"].items()}
    vague = {_norm(k): (int(v[0]), int(v[1])) for k, v in rel["vague_day_counts"].items()}
    units = {_norm(k): (int(v["days"]), int(v["precision"])) for k, v in rel["ago_units"].items()}
    mparts = {_norm(k): (int(v[0]), int(v[1])) for k, v in rel["month_parts"].items()}
    yparts = {_norm(k): (int(v[0]), int(v[1])) for k, v in rel["year_parts"].items()}
    marks = [m.lower() for m in cal["hijri_year_marks"]]

    clause_end_rx = r"(?=\s*(?:[^\w\s]|$|" + _union(ctx["clause_followers"]) + r"\b))"
    count_rx = r"\s+" + _union(ctx["count_nouns"]) + r"\b"

    # "Sept." keeps its dot; "in June." does not take the full stop into the mention
    abbr_dot = r"(?:(?:" + "|".join(f"(?<={re.escape(a)})" for a in sorted(cal["gregorian_abbreviations"])) + r")\.)?"
    MONTH = r"(?P<{p}mon>" + _trie([_month_units(v) for v in set(month_variants)]) + r")\b" + abbr_dot
    WEEKDAY = r"(?P<{p}wd>" + _union(weekdays) + r")\b"
    ORDW = r"(?P<{p}dw>" + _union(cal["ordinal_words"]) + r")\b"
    DAY = r"(?<![/.:,\d])(?P<{p}d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    DAY2 = r"(?P<{p}d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    AH = r"(?:\s*(?P<{p}ah>" + "|".join(re.escape(m).rstrip(r"\.") + r"\.?" for m in sorted(marks, key=len, reverse=True)) + r")(?!\w))?"
    YEAR4 = r"(?P<{p}y>[12]\d{{3}})(?!\d)(?!'?s\b)" + AH
    YEARSUF = (
        r"(?P<{p}ys>,?\s*" + YEAR4
        + r"|\s+(?P<{p}yy>'?\d\d)(?!\d)(?=\s*(?:[^\w\s]|$))"
        + r"|,?\s+(?P<{p}yr>last|this|next)\s+year\b)?"
    )
    DMSEP = r"(?:\s+(?:day\s+)?of\s+(?:the\s+month\s+of\s+)?|\s*-\s*|\s+)"
    NOCOUNT = r"(?!" + count_rx + r")"
    parts_rx = _union(set(mparts) | set(yparts))

    forms = {
        "rdm": r"(?:the\s+)?" + DAY + r"\s*" + _RANGE_SEP + r"\s*(?:the\s+)?" + DAY2 + DMSEP + MONTH + YEARSUF,
        "dm": r"(?:" + WEEKDAY + r",?\s+(?:the\s+)?)?(?:the\s+)?(?:" + DAY + r"|" + ORDW + r"(?=\s+(?:day\s+)?of\b))" + DMSEP + MONTH + YEARSUF,
        "rmd": MONTH + r"\s+(?:the\s+)?" + DAY + r"\s*" + _RANGE_SEP + r"\s*(?:the\s+)?" + DAY2 + r"(?!\d|[:/.,]\d)" + NOCOUNT + YEARSUF,
        "md": r"(?:" + WEEKDAY + r",?\s+)?" + MONTH + r"\s+(?:the\s+)?" + DAY + r"(?!\d|[:/.,]\d)" + NOCOUNT + YEARSUF,
        "my": MONTH + r"(?:\s+of)?,?\s+(?:" + YEAR4 + r"|(?P<{p}yy>'?\d\d)(?!\d)(?=\s*(?:[^\w\s]|$))|(?P<{p}yr>last|this|next)\s+year\b)",
        "part": r"(?P<{p}part>" + parts_rx + r")(?:\s*-\s*|\s+)(?:(?:the\s+)?month\s+of\s+)?(?:" + MONTH + YEARSUF
        + r"|(?P<{p}ty>(?:1[89]|20)\d\d)(?!\d)(?!'?s\b))",
        "iso": r"(?<![\d/.\-])(?P<{p}y>(?:19|20)\d\d)(?P<{p}s>[-/.])(?P<{p}m>[01]?\d)(?P={p}s)(?P<{p}d>[0-3]?\d)(?!\d)(?![-/.]\d)",
        "dmy": r"(?<![\d/.\-])(?P<{p}a>[0-3]?\d)(?P<{p}s>[-/.])(?P<{p}b>[0-3]?\d)(?P={p}s)(?P<{p}y>\d{{4}}|\d\d)(?!\d)(?![-/.]\d)",
        "hy": r"(?:(?P<{p}y>1\d\d\d)\s*(?P<{p}ah>a\.h\.?|ah)(?!\w)|(?:a\.h\.?|ah)\s*(?P<{p}y2>1\d\d\d)(?!\d))",
        "dmn": r"(?<![\d/.\-])(?P<{p}a>[0-3]?\d)/(?P<{p}b>[01]?\d)(?![\d/])(?!\.\d)",
        "year": r"(?<![\d/.\-])(?P<{p}y>(?:1[89]|20)\d\d)(?!\d)(?!'?s\b)(?![-/.]\d)" + NOCOUNT,
        "wd": r"(?:(?P<{p}mod>" + _union(mods) + r")\s+(?:on\s+)?)?(?:(?P<{p}rel>last|this|next|past)\s+)?" + WEEKDAY
        + r"(?:\s+(?P<{p}tod>" + _union(tod) + r")\b)?",
        "rday": r"(?:(?P<{p}mod>" + _union(mods) + r")\s+)?(?P<{p}ph>" + _union(days_ref) + r")\b(?:\s+(?P<{p}tod>" + _union(tod) + r")\b)?",
        "period": r"(?P<{p}ph>" + _union(periods) + r")\b",
        "inf": r"(?P<{p}ph>" + _union(set(days_inf) - guarded) + r"\b|" + _union(guarded) + r"\b" + clause_end_rx + ")",
        "ago": r"(?P<{p}n>(?<![\d.,/:])\d{{1,3}}|" + _union(set(vague) | set(numbers)) + r")\s+(?P<{p}u>" + _union(units)
        + r")s?\s+(?P<{p}dir>ago|later|earlier|before|after|previously)\b",
        "ord": r"the\s+(?P<{p}d>[0-3]?\d)(?:st|nd|rd|th)\b(?:\s+of\s+(?P<{p}rel>this|last)\s+month\b|" + clause_end_rx + ")",
        "month": r"(?:(?P<{p}rel>last|this|next|past)\s+)?" + MONTH,
    }
    named = tuple((name, f"(?P<{name}>{rx.format(p=name + '_')})") for name, rx in forms.items())
    # The gate: every first word a form can start with. Checked once per word start, it spares
    # the engine from trying all the forms at the ~90% of words that cannot begin a date.
    first_words = {"the", "last", "this", "next", "past", "ah", "a"} | set(weekdays) | set(mods)
    for phrases in (cal["ordinal_words"], mparts, yparts, days_ref, periods, days_inf, numbers, vague):
        first_words |= {re.split(r"[\s-]+", _norm(ph))[0] for ph in phrases}
    gate = r"(?=\d|" + _union(first_words) + r"\b|" + MONTH.format(p="gate_") .replace("(?P<gate_mon>", "(?:") + ")"
    master = r"\b(?=\w)" + gate + "(?:" + "|".join(rx for _, rx in named) + ")"

    def before(words: Any) -> re.Pattern[str]:
        """Does one of ``words`` end right before a position? ("-" stands for any dash.)"""
        dash = any(w == "-" for w in words)
        rx = r"(?:^|[^\w])" + _union([w for w in words if w != "-"]) + r"\s+\Z"
        return re.compile(rx + (r"|[-–—]\s*\Z" if dash else ""), re.IGNORECASE)

    return _Grammar(
        master=re.compile(master),
        forms=named,
        form_names=tuple(name for name, _ in named),
        months=months,
        abbreviations=frozenset(_skeleton(a) for a in cal["gregorian_abbreviations"]),
        ambiguous=frozenset(_skeleton(a) for a in cal["ambiguous_months"]),
        need_number=frozenset(_skeleton(a) for a in cal["need_number_when_caseless"]),
        weekdays=weekdays,
        ordinals=ordinals,
        days_from_reference=days_ref,
        periods=periods,
        days_from_in_force=days_inf,
        number_words=numbers,
        vague_counts=vague,
        ago_units=units,
        month_parts=mparts,
        year_parts=yparts,
        before_bare_month=before(ctx["bare_month_before"]),
        before_bare_year=before(ctx["bare_year_before"]),
        before_ordinal=before(ctx["ordinal_day_before"]),
        before_numeric=before(ctx["numeric_day_month_before"]),
        before_between=before(["between"]),
        before_may_day=before(ctx["may_day_before"]),
        before_range=before(ctx["range_before"]),
        before_recurring=before(ctx["recurring_before"]),
        before_determiner=before(ctx["determiners"]),
        date_named_after=re.compile(r"\s+" + _union(ctx["date_named_after"]) + r"\b", re.IGNORECASE),
        weekday_named_before=re.compile(r"(?:^|[^\w])" + _union(cal["weekday_named_before"]) + r"\s+\Z", re.IGNORECASE),
        weekday_named_after=re.compile(r"(?:'s)?\s+" + _union(cal["weekday_named_after"]) + r"\b", re.IGNORECASE),
        clause_end=re.compile(clause_end_rx, re.IGNORECASE),
        fraction_after=re.compile(r"\s+" + _union(ctx["fraction_after"]) + r"\b", re.IGNORECASE),
        may_modal=re.compile(r"\s+" + _union(ctx["may_modal_followers"]) + r"\b", re.IGNORECASE),
        range_gap=re.compile(r"\s*(?:-|–|—|to|through|till|until|and|or)\s*\Z", re.IGNORECASE),
        numeric_any=re.compile(
            r"(?<![\d/.\-])([0-3]?\d)([/.\-])([0-3]?\d)(?:\2(\d{4}|\d\d))?(?![\d/])", re.IGNORECASE),
    )


# --------------------------------------------------------------------------- hits


@dataclass(slots=True)
class _Hit:
    """A parsed date before it is placed on the calendar."""

    start: int
    end: int
    grain: str  # day | month | year | numeric | fixed
    calendar: str = "gregorian"
    kind: str = "absolute"
    year: int | None = None
    two_digit: bool = False
    year_rel: int | None = None  # year given as "last year" (-1), "this year" (0), "next year" (1)
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_two_digit: bool = False
    end_month: int | None = None
    end_day: int | None = None
    window: tuple[int, int] | None = None  # part of a month (days) or of a year (months)
    month_rel: str | None = None  # last / this / next before a bare month
    provisional: bool = False  # a bare month or year kept only as one end of a range or list
    numbers: tuple[int, int] | None = None  # "03/06": order settled at resolution
    value: date | None = None
    value_end: date | None = None
    precision: int | None = 1
    extra: list["_Hit"] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Ctx:
    text: str
    reference: date | None
    in_force: date | None
    caseless: bool
    g: _Grammar


def _word_before(text: str, start: int, pattern: re.Pattern[str]) -> bool:
    return pattern.search(text, max(0, start - 40), start) is not None


def _month_of(c: _Ctx, token: str, with_number: bool, bare: bool = False) -> tuple[str, int] | None:
    """(calendar, month) for a month token, or None when the case rules say it is a word."""
    key = _skeleton(token)
    found = c.g.months.get(key)
    if found is None:
        return None
    if bare and key in c.g.abbreviations:
        return None
    if c.caseless:
        if key in c.g.need_number and not with_number:
            return None
    elif (bare or key in c.g.ambiguous) and not token[:1].isupper():
        return None
    return found


def _year_parts(c: _Ctx, m: re.Match[str], p: str, hit: _Hit, cal: str) -> None:
    """Fill the year of ``hit`` from the optional year groups; drop a year that is not one
    (the mention then ends where the year suffix began)."""
    last_end = m.start(p + "ys") if (p + "ys") in m.re.groupindex and m.group(p + "ys") is not None else hit.end
    y = m.group(p + "y") if (p + "y") in m.re.groupindex else None
    yy = m.group(p + "yy") if (p + "yy") in m.re.groupindex else None
    yr = m.group(p + "yr") if (p + "yr") in m.re.groupindex else None
    if y is not None:
        year = int(y)
        hijri_mark = (p + "ah") in m.re.groupindex and m.group(p + "ah") is not None
        if cal == "gregorian" and (hijri_mark or not _CALENDAR_LIMITS[0] <= year <= _CALENDAR_LIMITS[1]):
            hit.end = last_end
        else:
            hit.year = year
    elif yy is not None:
        hit.year, hit.two_digit = int(yy.lstrip("'")), True
    elif yr is not None:
        hit.year_rel = {"last": -1, "this": 0, "next": 1}[yr.lower()]


def _day_of(c: _Ctx, m: re.Match[str], p: str) -> int | None:
    if m.group(p + "d") is not None:
        return int(m.group(p + "d"))
    dw = m.groupdict().get(p + "dw")
    return c.g.ordinals.get(_skeleton(dw)) if dw else None


def _h_day_month(c: _Ctx, m: re.Match[str], name: str) -> _Hit | None:
    """dm "3 June 2017" / md "June 3, 2017" and their ranges rdm "3-6 June" / rmd "June 3-6"."""
    p = name + "_"
    token = c.text[m.start(p + "mon"):m.end(p + "mon")]
    with_year = any(m.group(p + g) for g in ("y", "yy", "yr"))
    found = _month_of(c, token, with_number=True)
    if found is None:
        return None
    cal, month = found
    day = _day_of(c, m, p)
    if day is None or not 1 <= day <= 31:
        return None
    if c.caseless and _skeleton(token) in c.g.need_number and not with_year and name in ("dm", "rdm"):
        if c.g.may_modal.match(c.text, m.end(p + "mon")) is not None \
                and not _word_before(c.text, m.start(name), c.g.before_may_day):
            return None
    hit = _Hit(m.start(name), m.end(name), "day", calendar=cal, month=month, day=day)
    _year_parts(c, m, p, hit, cal)
    if hit.year is None and (c.g.date_named_after.match(c.text, hit.end)
                             or _word_before(c.text, hit.start, c.g.before_recurring)):
        return None  # "the 19 April Movement", "every 21 May"
    if name in ("rdm", "rmd"):
        day2 = int(m.group(p + "d2"))
        if not day < day2 <= 31:
            return None
        if m.group(p + "sep").lower() == "and" and not _word_before(c.text, hit.start, c.g.before_between):
            # "3 and 6 June", "June 3 and 6": two days, not a range
            first = _Hit(hit.start, m.end(p + "d"), "day", calendar=cal, month=month, day=day, year=hit.year,
                         two_digit=hit.two_digit, year_rel=hit.year_rel)
            suffix = _ORDINAL_SUFFIX.match(c.text, m.end(p + "d"))
            first.end = suffix.end() if suffix else m.end(p + "d")
            second = _Hit(m.start(p + "d2"), hit.end, "day", calendar=cal, month=month, day=day2, year=hit.year,
                          two_digit=hit.two_digit, year_rel=hit.year_rel)
            first.extra.append(second)
            return first
        hit.end_month, hit.end_day = month, day2
    return hit


def _h_month_year(c: _Ctx, m: re.Match[str], name: str) -> _Hit | None:
    p = name + "_"
    found = _month_of(c, c.text[m.start(p + "mon"):m.end(p + "mon")], with_number=True)
    if found is None:
        return None
    cal, month = found
    hit = _Hit(m.start(name), m.end(name), "month", calendar=cal, month=month)
    _year_parts(c, m, p, hit, cal)
    if hit.year is None and hit.year_rel is None:
        return None  # "3 June 1500 troops" style leftovers: the bare-month rule decides
    return hit


def _h_part(c: _Ctx, m: re.Match[str], name: str) -> _Hit | None:
    p = name + "_"
    part = _norm(m.group(p + "part"))
    if m.group(p + "ty") is not None:
        window = c.g.year_parts.get(part)
        if window is None:
            return None
        return _Hit(m.start(name), m.end(name), "year", year=int(m.group(p + "ty")), window=window, precision=5)
    window = c.g.month_parts.get(part)
    token = c.text[m.start(p + "mon"):m.end(p + "mon")]
    if window is None:
        return None
    key = _skeleton(token)
    found = c.g.months.get(key)
    if found is None or (not c.caseless and not token[:1].isupper()):
        return None
    cal, month = found
    hit = _Hit(m.start(name), m.end(name), "month", calendar=cal, month=month, window=window)
    _year_parts(c, m, p, hit, cal)
    return hit


def _h_month(c: _Ctx, m: re.Match[str], name: str) -> _Hit | None:
    p = name + "_"
    rel = m.group(p + "rel")
    provisional = False
    if rel is None and not _word_before(c.text, m.start(name), c.g.before_bare_month):
        if not _word_before(c.text, m.start(name), c.g.before_range):
            return None
        provisional = True
    token = c.text[m.start(p + "mon"):m.end(p + "mon")]
    found = _month_of(c, token, with_number=False, bare=True)
    if found is None:
        return None
    if rel is not None and c.caseless and _skeleton(token) in c.g.ambiguous and (
            rel.lower() != "last" or _word_before(c.text, m.start(name), c.g.before_determiner)):
        return None  # "THIS MARCH IS SCHEDULED", "THE LAST MARCH OF THE STRIKERS": the noun
    cal, month = found
    return _Hit(m.start(name), m.end(name), "month", calendar=cal, month=month,
                month_rel=rel.lower() if rel else None, provisional=provisional)


def _h_iso(c: _Ctx, m: re.Match[str], name: str) -> _Hit | None:
    p = name + "_"
    if not (1 <= int(m.group(p + "m")) <= 12 and 1 <= int(m.group(p + "d")) <= 31):
        return None
    return _Hit(m.start(name), m.end(name), "day", year=int(m.group(p + "y")), month=int(m.group(p + "m")),
                day=int(m.group(p + "d")))


def _h_numeric(c: _Ctx, m: re.Match[str], name: str) -> _Hit | None:
    p = name + "_"
    a, b = int(m.group(p + "a")), int(m.group(p + "b"))
    if name == "dmn":
        head = c.text[:m.start(name)]
        at_line_start = head.strip(" \t*•·-–>") == "" or head.rstrip(" \t*•·-–>").endswith("\n")
        if not at_line_start and not _word_before(c.text, m.start(name), c.g.before_numeric):
            return None
        if c.g.fraction_after.match(c.text, m.end(name)):
            return None  # "1/2 of the", "3/4 mile"
    if not (1 <= a <= 31 and 1 <= b <= 31) or (a > 12 and b > 12):
        return None
    hit = _Hit(m.start(name), m.end(name), "numeric", numbers=(a, b))
    y = m.groupdict().get(p + "y")
    if y is not None:
        hit.year, hit.two_digit = int(y), len(y) == 2
    return hit


def _h_hijri_year(c: _Ctx, m: re.Match[str], name: str) -> _Hit | None:
    p = name + "_"
    return _Hit(m.start(name), m.end(name), "year", calendar="hijri", year=int(m.group(p + "y") or m.group(p + "y2")),
                precision=5)


def _h_year(c: _Ctx, m: re.Match[str], name: str) -> _Hit | None:
    provisional = False
    if not _word_before(c.text, m.start(name), c.g.before_bare_year):
        if not _word_before(c.text, m.start(name), c.g.before_range):
            return None
        provisional = True
    return _Hit(m.start(name), m.end(name), "year", year=int(m.group(name + "_y")), precision=5,
                provisional=provisional)


def _h_weekday(c: _Ctx, m: re.Match[str], name: str) -> _Hit | None:
    p = name + "_"
    if _word_before(c.text, m.start(name), c.g.weekday_named_before):
        return None
    if c.g.weekday_named_after.match(c.text, m.end(p + "wd")):
        return None
    hit = _Hit(m.start(name), m.end(name), "fixed", kind="relative")
    ref = c.reference
    if ref is None:
        hit.value = None
        return hit
    target = c.g.weekdays[_skeleton(m.group(p + "wd"))]
    rel = (m.group(p + "rel") or "").lower()
    if rel == "next":
        hit.value = ref + timedelta(days=(target - ref.weekday()) % 7 or 7)
    else:
        back = (ref.weekday() - target) % 7
        if rel in ("last", "past") and back == 0:
            back = 7
        hit.value = ref - timedelta(days=back)
    return hit


def _h_day_offset(c: _Ctx, m: re.Match[str], name: str) -> _Hit | None:
    """"yesterday" (days from the reference) or "the next day" (days from the date in force)."""
    phrase = _norm(m.group(name + "_ph"))
    if name == "rday":
        offset, anchor, kind = c.g.days_from_reference[phrase], c.reference, "relative"
    else:
        offset, anchor, kind = c.g.days_from_in_force[phrase], c.in_force, "anaphoric"
    hit = _Hit(m.start(name), m.end(name), "fixed", kind=kind)
    hit.value = anchor + timedelta(days=offset) if anchor else None
    return hit


def _h_period(c: _Ctx, m: re.Match[str], name: str) -> _Hit | None:
    spec = c.g.periods[_norm(m.group(name + "_ph"))]
    hit = _Hit(m.start(name), m.end(name), "fixed", kind="relative")
    ref = c.reference
    unit, shift = spec["unit"], int(spec.get("shift", 0))
    hit.precision = {"week": 3, "month": 4, "year": 5}.get(unit)
    if ref is None:
        if hit.precision is None:
            hit.precision = 2
        return hit
    if unit == "week":
        first = ref - timedelta(days=ref.weekday()) + timedelta(weeks=shift)
        last = first + timedelta(days=6)
    elif unit == "month":
        first = _add_months(ref.replace(day=1), shift)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    elif unit == "year":
        first, last = date(ref.year + shift, 1, 1), date(ref.year + shift, 12, 31)
    elif unit == "weekend":
        first = ref - timedelta(days=(ref.weekday() - 5) % 7)
        if shift < 0 and ref.weekday() >= 5:
            first -= timedelta(days=7)
        last = min(first + timedelta(days=1), ref) if shift == 0 else first + timedelta(days=1)
    else:  # days back to the reference
        first, last = ref - timedelta(days=int(spec["back"])), ref
    if spec.get("to_reference"):
        last = min(last, ref)
    hit.value, hit.value_end = first, last
    if hit.precision is None:
        hit.precision = _precision_for(first, last)
    return hit


def _h_ago(c: _Ctx, m: re.Match[str], name: str) -> _Hit | None:
    p = name + "_"
    direction = m.group(p + "dir").lower()
    if direction in ("before", "after") and c.g.clause_end.match(c.text, m.end(name)) is None:
        return None  # "two days before the vote" counts from the vote, not from the date in force
    unit_days, precision = c.g.ago_units[_norm(m.group(p + "u"))]
    word = _norm(m.group(p + "n"))
    hit = _Hit(m.start(name), m.end(name), "fixed", kind="relative" if direction == "ago" else "anaphoric",
               precision=precision)
    anchor = c.reference if direction == "ago" else c.in_force
    sign = 1 if direction in ("later", "after") else -1
    if word in c.g.vague_counts:
        if unit_days == 0:  # "a few minutes ago", "several hours later": the anchor day
            hit.value = anchor
            return hit
        if unit_days != 1:
            return None
        low, high = c.g.vague_counts[word]
        if anchor is not None:
            a, b = anchor + timedelta(days=sign * low), anchor + timedelta(days=sign * high)
            hit.value, hit.value_end = min(a, b), max(a, b)
            hit.precision = _precision_for(hit.value, hit.value_end)
        else:
            hit.precision = 2
        return hit
    n = int(word) if word.isdigit() else c.g.number_words.get(word)
    if n is None or (unit_days >= 30 and n > 50) or (unit_days == 1 and n > 400):
        return None
    if anchor is None:
        return hit
    if unit_days == 30:
        hit.value = _add_months(anchor, sign * n)
    elif unit_days == 365:
        hit.value = _add_months(anchor, sign * 12 * n)
    else:
        hit.value = anchor + timedelta(days=sign * n * unit_days)
    return hit


def _h_ordinal(c: _Ctx, m: re.Match[str], name: str) -> _Hit | None:
    """"on the 9th", "the 9th of this month": a day of the reference month (or the one before)."""
    rel = m.group(name + "_rel")
    if rel is None and not _word_before(c.text, m.start(name), c.g.before_ordinal):
        return None
    day = int(m.group(name + "_d"))
    if not 1 <= day <= 31:
        return None
    hit = _Hit(m.start(name), m.end(name), "fixed", kind="relative")
    ref = c.reference
    if ref is None:
        return hit
    first = ref.replace(day=1)
    if rel == "last" or (rel is None and day > ref.day):
        first = _add_months(first, -1)
    if day <= calendar.monthrange(first.year, first.month)[1]:
        hit.value = first.replace(day=day)
    elif rel is None:  # "on the 31st" in a 30-day month: the last month that had one
        first = _add_months(first, -1)
        hit.value = _safe_date(first.year, first.month, day)
    return hit


_HANDLERS: dict[str, Callable[[_Ctx, re.Match[str], str], _Hit | None]] = {
    "rdm": _h_day_month,
    "dm": _h_day_month,
    "rmd": _h_day_month,
    "md": _h_day_month,
    "my": _h_month_year,
    "part": _h_part,
    "iso": _h_iso,
    "dmy": _h_numeric,
    "hy": _h_hijri_year,
    "dmn": _h_numeric,
    "year": _h_year,
    "wd": _h_weekday,
    "rday": _h_day_offset,
    "period": _h_period,
    "inf": _h_day_offset,
    "ago": _h_ago,
    "ord": _h_ordinal,
    "month": _h_month,
}


# --------------------------------------------------------------------------- calendar arithmetic


def _add_months(d: date, k: int) -> date:
    total = d.year * 12 + d.month - 1 + k
    y, mo = divmod(total, 12)
    return date(y, mo + 1, min(d.day, calendar.monthrange(y, mo + 1)[1]))


def _precision_for_days(n: int) -> int:
    """UCDP date_prec for a window of ``n`` days (1 day, 2-6, a week, up to a month, longer)."""
    return 1 if n <= 1 else 2 if n <= 6 else 3 if n == 7 else 4 if n <= 31 else 5


def _precision_for(first: date, last: date) -> int:
    return _precision_for_days((last - first).days + 1)


def _expand_two_digit(yy: int, reference: date | None) -> int:
    """The century that puts ``yy`` nearest the reference, at most a year after it."""
    if reference is None:
        return 2000 + yy if yy < 50 else 1900 + yy
    candidates = [c + yy for c in (1900, 2000, 2100) if c + yy <= reference.year + 1]
    return max(candidates) if candidates else 1900 + yy


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _hijri_month_start(y: int, m: int) -> tuple[date, int] | None:
    """First Gregorian day and length of Hijri month ``m`` of ``y`` (None when out of range)."""
    try:
        h = Hijri(y, m, 1)
        g = h.to_gregorian()
        return date(*g.datetuple()), h.month_length()
    except (OverflowError, ValueError):
        return None


def _hijri_date(y: int, m: int, d: int) -> date | None:
    start = _hijri_month_start(y, m)
    if start is None or not 1 <= d <= 30:
        return None
    return start[0] + timedelta(days=d - 1)


def _hijri_today(ref: date) -> tuple[int, int, int] | None:
    try:
        h = Gregorian(ref.year, ref.month, ref.day).to_hijri()
    except (OverflowError, ValueError):
        return None
    return h.year, h.month, h.day


def _hijri_year_for(month: int, day: int, gregorian_year: int) -> int | None:
    """The Hijri year in which (month, day) falls inside Gregorian ``gregorian_year``."""
    years = set()
    for probe in (date(gregorian_year, 1, 1), date(gregorian_year, 12, 31)):
        h = _hijri_today(probe)
        if h is not None:
            years.add(h[0])
    for y in sorted(years):
        d = _hijri_date(y, month, day)
        if d is not None and d.year == gregorian_year:
            return y
    return None


# --------------------------------------------------------------------------- resolution


def _gregorian_year(hit: _Hit, month: int, day: int, reference: date | None) -> int | None:
    if hit.year is not None:
        return _expand_two_digit(hit.year, reference) if hit.two_digit else hit.year
    if reference is None:
        return None
    if hit.year_rel is not None:
        return reference.year + hit.year_rel
    y = reference.year if (month, day) <= (reference.month, reference.day) else reference.year - 1
    while _safe_date(y, month, day) is None and y > reference.year - 8:
        y -= 1  # 29 February
    return y


def _hijri_year(hit: _Hit, month: int, day: int, reference: date | None) -> int | None:
    """Hijri year of a Hijri date; a Gregorian-looking year ("Ramadan 2017") is translated."""
    if hit.year is not None:
        year = hit.year if not hit.two_digit else None
        if year is not None and year >= _CALENDAR_LIMITS[0]:
            return _hijri_year_for(month, day, year)
        return year
    if reference is None:
        return None
    today = _hijri_today(reference)
    if today is None:
        return None
    if hit.year_rel is not None:
        return today[0] + hit.year_rel
    return today[0] if (month, day) <= (today[1], today[2]) else today[0] - 1


def _on_calendar(cal: str, y: int | None, m: int, d: int) -> date | None:
    if y is None:
        return None
    return _safe_date(y, m, d) if cal == "gregorian" else _hijri_date(y, m, d)


def _month_bounds(cal: str, y: int, m: int) -> tuple[date, date] | None:
    if cal == "gregorian":
        if not 1 <= y <= 9999:
            return None
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    start = _hijri_month_start(y, m)
    if start is None:
        return None
    return start[0], start[0] + timedelta(days=start[1] - 1)


def _resolve_day(hit: _Hit, reference: date | None) -> tuple[date | None, date | None]:
    assert hit.month is not None and hit.day is not None
    year_of = _gregorian_year if hit.calendar == "gregorian" else _hijri_year
    if hit.end_day is None:
        return _on_calendar(hit.calendar, year_of(hit, hit.month, hit.day, reference), hit.month, hit.day), None
    end_month = hit.end_month or hit.month
    end_hit = _Hit(0, 0, "day", year=hit.end_year, two_digit=hit.end_two_digit)
    if hit.year is None and hit.year_rel is None and hit.end_year is not None:
        # "30 May to 2 June 2017": the start takes the end's year (or the one before)
        end_year = year_of(end_hit, end_month, hit.end_day, reference)
        start_year = None if end_year is None else (
            end_year if (hit.month, hit.day) <= (end_month, hit.end_day) else end_year - 1)
    else:
        start_year = year_of(hit, hit.month, hit.day, reference)
        if hit.end_year is not None:
            end_year = year_of(end_hit, end_month, hit.end_day, reference)
        elif start_year is None:
            end_year = None
        else:  # the end is the first occurrence on or after the start
            end_year = start_year if (end_month, hit.end_day) >= (hit.month, hit.day) else start_year + 1
    return (_on_calendar(hit.calendar, start_year, hit.month, hit.day),
            _on_calendar(hit.calendar, end_year, end_month, hit.end_day))


def _month_year(hit: _Hit, reference: date | None) -> int | None:
    """The year (in the hit's calendar) of a month-grain hit."""
    assert hit.month is not None
    m = hit.month
    if hit.year is not None:
        y = _expand_two_digit(hit.year, reference) if hit.two_digit else hit.year
        if hit.calendar == "hijri" and y >= _CALENDAR_LIMITS[0]:
            return _hijri_year_for(m, 1, y)  # "Ramadan 2017": the one that began in 2017
        return y
    if reference is None:
        return None
    if hit.calendar == "gregorian":
        cy, cm = reference.year, reference.month
    else:
        today = _hijri_today(reference)
        if today is None:
            return None
        cy, cm = today[0], today[1]
    if hit.year_rel is not None:
        return cy + hit.year_rel
    if hit.month_rel == "next":
        return cy if m > cm else cy + 1
    if hit.month_rel in ("last", "past"):
        return cy if m < cm else cy - 1
    if hit.month_rel == "this":
        return cy
    return cy if m <= cm else cy - 1


def _resolve_month(hit: _Hit, reference: date | None) -> tuple[date | None, date | None]:
    assert hit.month is not None
    if hit.end_month is not None:
        return _resolve_month_range(hit, reference)
    y = _month_year(hit, reference)
    bounds = None if y is None else _month_bounds(hit.calendar, y, hit.month)
    if bounds is None:
        return None, None
    first, last = bounds
    if hit.window is not None:
        a, b = hit.window
        length = (last - first).days + 1
        lo = length + a if a < 0 else a - 1
        hi = length - 1 if b == 0 else min(b, length) - 1
        first, last = first + timedelta(days=lo), first + timedelta(days=hi)
    return first, last


def _resolve_month_range(hit: _Hit, reference: date | None) -> tuple[date | None, date | None]:
    """"between April and May 1989", "from June to August": placed like a day range."""
    assert hit.month is not None and hit.end_month is not None
    end_hit = _Hit(0, 0, "month", calendar=hit.calendar, month=hit.end_month, year=hit.end_year,
                   two_digit=hit.end_two_digit)
    if hit.year is None and hit.year_rel is None and hit.end_year is not None:
        end_year = _month_year(end_hit, reference)
        start_year = None if end_year is None else end_year if hit.month <= hit.end_month else end_year - 1
    else:
        start_year = _month_year(hit, reference)
        if hit.end_year is not None:
            end_year = _month_year(end_hit, reference)
        else:
            end_year = None if start_year is None else start_year if hit.end_month >= hit.month else start_year + 1
    if start_year is None or end_year is None:
        return None, None
    first = _month_bounds(hit.calendar, start_year, hit.month)
    last = _month_bounds(hit.calendar, end_year, hit.end_month)
    if first is None or last is None:
        return None, None
    return first[0], last[1]


def _resolve_year(hit: _Hit) -> tuple[date | None, date | None]:
    assert hit.year is not None
    end_year = hit.end_year if hit.end_year is not None else hit.year
    if hit.calendar == "hijri":
        start, end = _hijri_month_start(hit.year, 1), _hijri_month_start(end_year, 12)
        if start is None or end is None:
            return None, None
        return start[0], end[0] + timedelta(days=end[1] - 1)
    lo, hi = hit.window or (1, 12)
    return date(hit.year, lo, 1), date(end_year, hi, calendar.monthrange(end_year, hi)[1])


def _resolve(hit: _Hit, text: str, reference: date | None, day_first: bool) -> DateMention | None:
    value, value_end, precision = hit.value, hit.value_end, hit.precision
    if hit.grain == "numeric":
        assert hit.numbers is not None
        a, b = hit.numbers
        if a > 12:
            day, month = a, b
        elif b > 12:
            day, month = b, a
        else:
            day, month = (a, b) if day_first else (b, a)
        if month > 12:
            return None
        hit.grain, hit.day, hit.month = "day", day, month
    if hit.grain == "day":
        value, value_end = _resolve_day(hit, reference)
        if value is not None and value_end is not None:
            if value_end < value:
                return None
            precision = _precision_for(value, value_end)
        elif hit.end_day is not None:  # unplaced range: its nominal length
            same_month = hit.end_month in (None, hit.month)
            precision = _precision_for_days(hit.end_day - hit.day + 1) if same_month and hit.day else 2
        else:
            precision = 1
    elif hit.grain == "month":
        value, value_end = _resolve_month(hit, reference)
        if value is not None and value_end is not None:
            precision = _precision_for(value, value_end)
        elif hit.window is not None:  # unplaced part of a month: its nominal length in a 30-day month
            a, b = hit.window
            precision = _precision_for_days(-a if a < 0 else (30 if b == 0 else b) - a + 1)
        else:
            precision = 4
    elif hit.grain == "year":
        value, value_end = _resolve_year(hit)
        precision = 5
    return DateMention(start=hit.start, end=hit.end, text=text[hit.start:hit.end], value=value,
                       value_end=value_end, precision=precision, calendar=hit.calendar,  # type: ignore[arg-type]
                       kind=hit.kind)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- scanning


def _is_caseless(text: str) -> bool:
    return text.isupper() or text.islower()


@lru_cache(maxsize=None)
def _form(name: str, ignore_case: bool) -> re.Pattern[str]:
    """One form alone, to retry a position whose first match the context rejected ("June 1500
    troops" is no month-year, but "in June" is still a month). Compiled when first needed."""
    return re.compile(dict(_grammar().forms)[name], re.IGNORECASE if ignore_case else 0)


@lru_cache(maxsize=1)
def _master_ignoring_case() -> re.Pattern[str]:
    """The master for text whose lowercase changes length ("İ"): slower, rarely needed."""
    return re.compile(_grammar().master.pattern, re.IGNORECASE)


def _scan(text: str, reference: date | None, in_force: date | None) -> list[_Hit]:
    g = _grammar()
    c = _Ctx(text, reference, in_force, _is_caseless(text), g)
    low = text.lower()
    ignore_case = len(low) != len(text)
    if ignore_case:
        low = text
    search = (_master_ignoring_case() if ignore_case else g.master).search
    names = g.form_names
    hits: list[_Hit] = []
    pos = 0
    while True:
        m = search(low, pos)
        if m is None:
            break
        start = m.start()
        hit: _Hit | None = None
        while m is not None:
            name = m.lastgroup
            assert name is not None
            hit = _HANDLERS[name](c, m, name)
            if hit is not None:
                break
            m = None
            for later in names[names.index(name) + 1:]:
                m = _form(later, ignore_case).match(low, start)
                if m is not None:
                    break
        if hit is None:
            pos = start + 1
            continue
        extra, hit.extra = hit.extra, []
        hits.append(hit)
        hits.extend(extra)
        pos = max([hit.end, start + 1] + [e.end for e in extra])
    return _merge_ranges(text, hits, g)


def _merge_ranges(text: str, hits: list[_Hit], g: _Grammar) -> list[_Hit]:
    """Join two hits of the same grain into a range ("30 May to 2 June", "between April and May
    1989", "from 2015 to 2017"), keep listed ones ("in August and September"), and drop the
    provisional bare months and years that turned out to be neither."""
    out: list[_Hit] = []
    for b in hits:
        a = out[-1] if out else None
        if a is not None and a.grain == b.grain and a.grain in ("day", "month", "year") \
                and a.calendar == b.calendar and a.kind == b.kind == "absolute" \
                and a.window is None and b.window is None and a.end_day is None and a.end_month is None \
                and a.end_year is None and b.end_day is None and b.end_month is None and b.end_year is None \
                and b.start - a.end < 12 and g.range_gap.match(text, a.end, b.start):
            word = text[a.end:b.start].strip().lower()
            if word in ("and", "or") and not (word == "and" and _word_before(text, a.start, g.before_between)):
                if not a.provisional:  # a list: the next item counts as much as the first
                    b.provisional = False
                out.append(b)
                continue
            a.end, a.provisional = b.end, False
            a.end_year, a.end_two_digit = b.year, b.two_digit
            if a.grain == "day":
                a.end_month, a.end_day = b.month, b.day
                if a.year is None and b.year is not None and a.month == b.month:
                    a.year, a.two_digit = b.year, b.two_digit
            elif a.grain == "month":
                a.end_month = b.month
            continue
        out.append(b)
    return [h for h in out if not h.provisional]


def _local_day_first(hits: list[_Hit]) -> bool | None:
    votes = 0
    for h in hits:
        if h.numbers is not None:
            a, b = h.numbers
            votes += 1 if a > 12 >= b else -1 if b > 12 >= a else 0
    return None if votes == 0 else votes > 0


def find_dates(text: str, reference: date | None, in_force: date | None = None,
               day_first: bool | None = None) -> list[DateMention]:
    """Every date in ``text`` (one sentence, heading or line), sorted by start.

    ``reference`` places year-less and relative dates (the report's publication or dateline
    date); ``in_force`` places anaphoric ones ("the next day"). ``day_first`` orders numeric
    day/month dates; None lets the dates in ``text`` decide, defaulting to day-first."""
    hits = _scan(text, reference, in_force)
    if not hits:
        return []
    if day_first is None:
        day_first = _local_day_first(hits)
        if day_first is None:
            day_first = True
    out = [mention for h in hits if (mention := _resolve(h, text, reference, day_first)) is not None]
    out.sort(key=lambda d: d.start)
    return _anchor_in_sentence(out)


def _anchor_in_sentence(mentions: list[DateMention]) -> list[DateMention]:
    """"The decrees were issued on 18 August, the same day Galan was assassinated": an anaphoric
    date refers to the day named before it in its own sentence, not to the date in force."""
    offsets = _grammar().days_from_in_force
    out: list[DateMention] = []
    for d in mentions:
        if d.kind == "anaphoric":
            prev = next((p for p in reversed(out) if p.kind in ("absolute", "relative") and p.value is not None
                         and p.precision == 1 and p.value_end is None), None)
            offset = offsets.get(_norm(d.text))
            if prev is not None and offset is not None:
                d = replaced(d, value=prev.value + timedelta(days=offset))
        out.append(d)
    return out


#: The cheap gate of :func:`infer_day_first`: the full pattern's look-behind is tried at every
#: position of every document (4 us a headline), this plain class scan costs a tenth of that.
_DIGIT_SEP_DIGIT = re.compile(r"\d[/.\-]\d")


def infer_day_first(text: str) -> bool | None:
    """Does this document write numeric dates day-first (25/03) or month-first (03/25)?

    Only unambiguous dates vote (one part over 12, the other not); slashes without a year
    count, dashes and dots only with a year (so "3-6" ranges and decimals stay silent).
    None when there is no evidence or the votes tie."""
    if _DIGIT_SEP_DIGIT.search(text) is None:
        return None  # every numeric date has a digit, a separator and a digit in a row
    votes = 0
    for m in _grammar().numeric_any.finditer(text):
        a, b, sep, year = int(m.group(1)), int(m.group(3)), m.group(2), m.group(4)
        if year is None and sep != "/":
            continue
        if 12 < a <= 31 and 1 <= b <= 12:
            votes += 1
        elif 12 < b <= 31 and 1 <= a <= 12:
            votes -= 1
    return None if votes == 0 else votes > 0


# --------------------------------------------------------------------------- datelines

_DATELINE_AFTER = re.compile(
    r"\s*(?:\([^()\n]{0,60}\)\s*)?(?:\[[^\]\n]{0,60}\]\s*)*(?:--?|—|–|:|\(|$)")
_DATELINE_BEFORE = re.compile(r"\s*(?:[^\W\d][^,()\n\d]{0,60}(?:\([^()\n]{0,40}\))?,\s*){0,3}\Z")


def parse_dateline(text: str, published: date | None) -> DateMention | None:
    """The date of a dateline ("HERAT, March 3 (Wire) -", "BAGHDAD, 3 June 2017 -",
    "SAN SALVADOR, 3 JAN 90 --"), kind "dateline"; None when the dateline gives no date.

    A year-less dateline date takes the year that puts it nearest ``published`` (a report is
    filed within days of publication, on either side of a new year); without ``published``
    its value is None."""
    lines_seen = 0
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            lines_seen += 1
            found = _dateline_in_line(text, offset, offset + min(len(line), 200), published)
            if found is not None:
                return found
            if lines_seen >= 3:
                break
        offset += len(line)
    return None


def _dateline_in_line(text: str, start: int, end: int, published: date | None) -> DateMention | None:
    line = text[start:end]
    for hit in _scan(line, None, None):
        if hit.grain not in ("day", "month", "numeric") or hit.kind != "absolute" or hit.calendar != "gregorian":
            continue
        if not _DATELINE_BEFORE.match(line[:hit.start]) or not _DATELINE_AFTER.match(line, hit.end):
            continue
        if hit.grain == "numeric":
            mention = _resolve(hit, line, published, True)
        elif hit.grain == "day" and hit.year is None and hit.year_rel is None and hit.end_day is None:
            assert hit.month is not None and hit.day is not None
            mention = _resolve(hit, line, None, True)
            if published is not None:
                candidates = [d for y in (published.year - 1, published.year, published.year + 1)
                              if (d := _safe_date(y, hit.month, hit.day)) is not None]
                best = min(candidates, key=lambda d: abs((d - published).days)) if candidates else None
                mention = DateMention(hit.start, hit.end, line[hit.start:hit.end], best, None, 1, "gregorian")
        else:
            mention = _resolve(hit, line, published, True)
        if mention is None:
            continue
        return DateMention(start=mention.start + start, end=mention.end + start, text=mention.text,
                           value=mention.value, value_end=mention.value_end, precision=mention.precision,
                           calendar=mention.calendar, kind="dateline")
    return None


# --------------------------------------------------------------------------- the day of the telling

@lru_cache(maxsize=8)
def telling_alternation(key: str) -> str:
    """The phrases of one list of ``dates_context.yaml`` ("telling_speech", ...) as a regex
    alternation, longest first, any whitespace inside a phrase."""
    phrases = _load("dates_context.yaml")[key]
    return "|".join(re.escape(_norm(v)).replace(r"\ ", r"\s+") for v in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=1)
def _telling() -> tuple[Gated | re.Pattern[str], Gated | re.Pattern[str], Gated | re.Pattern[str]]:
    """Behind needle gates: every date of every sentence is checked, and a case-insensitive
    alternation of eighty verbs costs a full regex scan of its window even where no verb is."""
    words = _load("dates_context.yaml")
    verbs, speech, heard = (telling_alternation(k) for k in ("telling_verbs", "telling_speech", "telling_audience"))
    # a verb of saying, then what it was told to or where ("SAID IN BOGOTA TODAY", "TOLD THE MEDIA
    # TODAY", "SAID AT NOON TODAY"), then the date
    complement = (rf"(?:(?:in|at|from|before)\s+(?:the\s+)?[a-z][\w.'-]*(?:\s+[a-z][\w.'-]*)?\s+"
                  rf"|(?:to\s+)?(?:the\s+)?(?:[a-z]+\s+)?(?:{heard})\s+)")
    before = re.compile(rf"\b(?:(?:{verbs})\s+|(?:{speech})\s+{complement})(?:(?:on|late|early|later)\s+)?\Z", re.IGNORECASE)
    # after the date a verb, but a participle that is also an adjective only where a clause or an
    # object follows ("TODAY ALLEGED THAT", not "ON 10 MARCH ALLEGED SHINING PATH MEMBERS MURDERED")
    adjectival = "|".join(re.escape(w) for w in words["telling_adjectival"])
    after = re.compile(rf"\s*,?\s*(?:(?!(?:{adjectival})\s+(?!(?:that|the|a|an|to|in|on|at)\b)\w)(?:{verbs})\b)",
                       re.IGNORECASE)  # used with match(): anchored
    anywhere = re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE)
    return gated(before), gated(after), gated(anywhere)


def telling_between(text: str, start: int, end: int) -> bool:
    """Is there a verb of telling in [start, end) of ``text`` ("this morning CONDEMNED the murder")?"""
    return _telling()[2].search(text, start, end) is not None


def dates_the_telling(text: str, start: int, end: int) -> bool:
    """Does the date at [start, end) of ``text`` date the report rather than the incident
    ("police said on Tuesday", "TODAY ANNOUNCED THAT")? The incident then keeps the date in
    force, or none: a report's day is no incident's day (conventions.md §5)."""
    if text[end:end + 2] in ("'s", "\u2019s", "'S", "\u2019S"):
        return False  # "reports on this morning's attack": the day of the attack, whatever the verb
    before, after, _ = _telling()
    return bool(before.search(text[max(0, start - 40):start]) or after.match(text[end:end + 30]))
