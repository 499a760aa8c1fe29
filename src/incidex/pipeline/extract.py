"""The extractor: one document in, its events out (segment -> stages -> assemble).

This is the one entry point the CLI, the store and the Dask runner call. It holds no state
between documents; everything it loads (vocabularies, gazetteer index) is loaded once by the
stages' own cached loaders, so a worker process pays for it once.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from functools import lru_cache
from importlib import resources

from incidex import __version__
from incidex.pipeline import assemble
from incidex.pipeline.actors import claim_branch, detect_claim_voice, find_actors, find_claims, group_countries
from incidex.pipeline.counts import find_counts
from incidex.pipeline.dates import find_dates, infer_day_first, parse_dateline
from incidex.pipeline.incident_scope import incident_dates, incident_days, incident_places
from incidex.pipeline.mentions import DateMention, Mentions, PlaceMention, shifted
from incidex.pipeline.places import PlaceContext, document_country, find_places, resolve_heading
from incidex.pipeline.prefilter import Gated
from incidex.pipeline.segment import Dateline, Piece, Segmented, inner_dateline, segment
from incidex.pipeline.tables import table_counts
from incidex.pipeline.types import find_type_cues
from incidex.schema import Document, Event


#: The document's country is voted from its lead: reports name the country early, and a second
#: pass over the whole text cost a fifth of the extractor's time (benchmarks/README.md).
LEAD_CHARS = 1000
SHORT_DOCUMENT = 300


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """``{package version}+{hash}``: the hash covers the data files and the pipeline's code, so a
    changed vocabulary or rule makes ``ingest --reextract`` redo the documents it affects."""
    digest = hashlib.sha1()
    root = resources.files("incidex")
    for folder, suffixes in (("data", (".yaml", ".yml", ".json", ".tsv")), ("lang/en", (".yaml", ".yml")),
                             ("pipeline", (".py",)), ("gazetteer", (".py",))):
        base = root.joinpath(folder)
        if not base.is_dir():
            continue
        for entry in sorted(base.iterdir(), key=lambda e: e.name):
            if entry.is_file() and entry.name.endswith(suffixes):
                digest.update(f"{folder}/{entry.name}".encode())
                digest.update(entry.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:8]}"


def mentions_in(piece: Piece, reference: date | None, in_force: date | None, day_first: bool | None,
                context: PlaceContext) -> Mentions:
    """Run every stage over one sentence; offsets come back in document coordinates. A date after
    the report's day ("next year") or one a plan is set for ("the summit scheduled for 8-9
    December", which a year-less reading would put a year back) dates no incident the report
    tells: it is left out."""
    text, off = piece.text, piece.start
    return Mentions(
        dates=[shifted(m, off) for m in incident_days(find_dates(text, reference, in_force, day_first), text, reference)],
        places=[shifted(m, off) for m in find_places(text, context)],
        counts=[shifted(m, off) for m in find_counts(text)],
        types=[shifted(m, off) for m in find_type_cues(text)],
        actors=[shifted(m, off) for m in find_actors(text)],
        claims=[shifted(m, off) for m in find_claims(text)],
    )


def extract_document(doc: Document) -> list[Event]:
    text = doc.text
    version = extractor_version()
    seg = segment(text)
    reference = doc.published
    day_first = infer_day_first(text)
    ctx = assemble.Context()
    # A headline or one-paragraph report is its own lead: its sentence resolves its own places.
    # A dateline calls for the vote whatever the length: where the report was filed is no
    # stand-in for the country it is about.
    lead = text[:LEAD_CHARS]
    voted = len(text) > SHORT_DOCUMENT or seg.dateline is not None
    # The source's name votes for its group's country ("RADIO VENCEREMOS"), never as a place.
    doc_country = document_country(_without_dateline_source(lead, seg.dateline),
                                   lambda: group_countries(lead)) if voted else None
    country = doc_country.country if doc_country is not None else None
    # An event that names no place of its own takes the country the report is about, and only
    # failing that the dateline's (where the report was filed).
    ctx.fallback_country = doc_country

    filed_at: PlaceMention | None = None  # the dateline's town, which "this city" means
    if seg.dateline is not None:
        dl = seg.dateline
        if dl.date is not None:
            m = parse_dateline(dl.span.text, doc.published)
            if m is not None:
                m = shifted(m, dl.span.start)
                if reference is None and m.value is not None:
                    reference = m.value
                ctx.date = None  # the filing date is not the incident date
        if dl.place is not None:
            found = find_places(dl.place.text, PlaceContext(country=country))
            if found:
                p = shifted(found[0], dl.place.start)
                filed_at = p if p.kind == "place" and p.location else None
                # Where the report was filed gives the country at most, never the incident's place.
                if ctx.fallback_country is None and p.country:
                    ctx.fallback_country = PlaceMention(p.start, p.end, p.text, country=p.country, geo_precision=6,
                                                        kind="dateline")
                country = country or p.country
    inner = _inner_dateline_town(seg, country)
    if inner is not None:  # "[TEXT] MEDELLIN -- ...": filed from there, whatever the wire's dateline
        filed_at = inner

    table_rows = table_counts(text)
    voice = detect_claim_voice(text)
    voice_group = voice.group if voice else None
    voice_span = (voice.start, voice.end, voice.text) if voice else None

    drafts: list[assemble.Draft] = []
    current: assemble.Draft | None = None
    block_id = 0
    for section in seg.sections:
        ctx.heading_place = None
        if section.heading is not None:
            h = section.heading
            if voice_group:
                ctx.group = claim_branch(h.text, voice_group)
            hp = resolve_heading(h.text, PlaceContext(country=country))
            ctx.heading_place = shifted(hp, h.start) if hp is not None else None
            hd = [shifted(m, h.start) for m in find_dates(h.text, reference, None, day_first)]
            ctx.date = hd[0] if hd else None
            current = None  # a heading starts a new run of incidents
        for block in section.blocks:
            block_id += 1
            ctx.place = None
            if block.is_item:
                current = None if current is None or current.block_id != block_id else current
            for sentence in block.sentences:
                pctx = PlaceContext(
                    country=(ctx.place or ctx.heading_place or ctx.fallback_country).country
                    if (ctx.place or ctx.heading_place or ctx.fallback_country) else country,
                    admin1=(ctx.place or ctx.heading_place).admin1 if (ctx.place or ctx.heading_place) else None,
                    place=ctx.place or ctx.heading_place,
                    filed_at=filed_at,
                )
                in_force = ctx.date.value if ctx.date is not None else None
                found = mentions_in(sentence, reference, in_force, day_first, pctx)
                if sentence.start in table_rows:
                    found.counts.extend(table_rows[sentence.start])
                _drop_cumulative(found, sentence)
                for part in assemble.split_incidents(found, sentence):
                    current = _absorb(part, sentence, block_id, block.is_item, ctx, current, drafts)
                for d in incident_dates(found.dates, sentence):
                    if d.value is not None:
                        ctx.date = d
                place = assemble.best_place(incident_places(found.places, sentence, ctx))
                if place is not None:
                    ctx.place = place
    return [assemble.finish(d, doc.id, i, version, text, (d.group or voice_group) if voice_group else None, voice_span)
            for i, d in enumerate(drafts, start=1)]


def _drop_cumulative(found: Mentions, sentence: Piece) -> None:
    """Leave out the figures that tally a period or a war (conventions.md §3: an event's count
    is the incident's). A sentence told only for such a figure, with no day of its own ("over
    7,000 people have died during 10 years of civil war"), is background: its attack words open
    no event."""
    cumulative = assemble.cumulative_counts(found.counts, sentence)
    if not cumulative:
        return
    found.counts = [c for c in found.counts if all(c is not x for x in cumulative)]
    if not any(d.precision is not None and d.precision <= 3 for d in found.dates) \
            and not any(c.role in assemble.VICTIM_ROLES for c in found.counts):
        found.types = []


def _absorb(m: Mentions, sentence: Piece, block_id: int, is_item: bool, ctx: assemble.Context,
            current: assemble.Draft | None, drafts: list[assemble.Draft]) -> assemble.Draft | None:
    """Open a new event for this piece, or add what it says to the event being told."""
    trigger = assemble.is_trigger(m)
    if not trigger and current is not None and m.places and assemble.cues()["took_place"].search(sentence.text):
        _refine_place(current, m, sentence, ctx)  # "the incident took place near Perquin"
    if not (trigger or m.claims or m.counts or m.actors):
        return current  # a sentence of context only: its date and place were taken by the caller
    explicit_date = _nearest_the_attack([d for d in incident_dates(m.dates, sentence)
                                         if d.value is not None or d.kind != "anaphoric"], m, sentence)
    place = assemble.best_place(incident_places(m.places, sentence, ctx))
    subs = [p for p in m.places if p.kind == "sublocation" or (p.sublocation and not p.location)]
    cue = assemble.cues()
    same_place_ref = bool(cue["same_place"].search(sentence.text))
    if cue["background"].search(sentence.text):
        return current
    revision_only = bool(m.counts) and all(c.revision for c in m.counts if c.role in assemble.VICTIM_ROLES)
    if revision_only and explicit_date is not None:
        # "The toll from Thursday's bombing rose to 27 on Friday": the day of the new figure is
        # not the day of the incident; only a possessive date ("Thursday's") names the incident.
        explicit_date = next((d for d in m.dates if sentence_text_after(d, sentence).startswith(("'s", "’s"))), None)
    if current is not None and explicit_date is not None and cue["continuation"].search(sentence.text) \
            and current.date is not None and current.date.value is not None and explicit_date.value is not None \
            and explicit_date.value > current.date.value:
        current.date = assemble.extend_date(current.date, explicit_date)
        current.sentences.append(sentence) if sentence not in current.sentences else None
        current.add_counts(m.counts)
        current.actors.extend(m.actors)
        return current
    if not trigger:
        if current is not None and (m.claims or m.counts or (m.actors and current.block_id == block_id)):
            current.sentences.append(sentence) if sentence not in current.sentences else None
            current.claims.extend(m.claims)
            current.add_counts(m.counts)
            current.actors.extend(m.actors)
        return current

    claim_report = any(c.claimed for c in m.claims)
    if current is not None and claim_report:
        # "X claimed responsibility, saying it killed 38": the claim and its figures belong to the
        # incident being told; a claimed figure only widens the range (conventions.md §3).
        current.sentences.append(sentence) if sentence not in current.sentences else None
        current.claims.extend(m.claims)
        current.actors.extend(m.actors)
        current.add_claimed_counts(m.counts)
        return current
    new = current is None
    if not new:
        opens = (explicit_date is not None and explicit_date.kind != "anaphoric"
                 and current.date is not None and explicit_date.value != current.date.value)
        elsewhere = (place is not None and current.place is not None and not same_place_ref
                     and assemble.place_key(place) != assemble.place_key(current.place)
                     and not _within(place, current.place) and not _within(current.place, place))
        victims = victims_here(m)
        separate = bool(cue["separate_incident"].search(sentence.text))
        revision = bool(m.counts) and all(c.revision or c.role not in assemble.VICTIM_ROLES for c in m.counts)
        later_death = bool(cue["later_death"].search(sentence.text)) and all(c.role == "killed" for c in m.counts) \
            and not any(t.attack_type not in (None, "Unknown") for t in m.types if not t.weapon_type)
        # an event told so far only as a death in hospital ("A U.S. citizen died at the hospital
        # this morning"), then its attack ("the U.S. citizen was shot last night"): one incident,
        # dated by the attack
        death_told_first = opens and not current.types and bool(current.sentences) \
            and all(cue["later_death"].search(s.text) for s in current.sentences) \
            and all(c.definite for c in m.counts if c.role in assemble.VICTIM_ROLES)
        if (revision or later_death) and not separate and not elsewhere:
            new = False
        elif death_told_first and not separate and not elsewhere and not is_item:
            new = False
            current.date, current.date_inherited = explicit_date, False
        elif opens or separate or (is_item and current.block_id != block_id):
            new = True
        elif elsewhere:
            if not (victims or current.block_id == block_id or explicit_date is not None):
                # Another place named with attack words but no outcome and no date of its own is
                # background ("militants have stepped up attacks across the province").
                return current
            new = True
    if new and _not_an_incident(m, sentence, explicit_date, place):
        return current
    if new and not is_item and current is not None and cue["refers_back"].search(sentence.text) \
            and not cue["separate_incident"].search(sentence.text):
        earlier = _told_before(m, explicit_date, place, drafts)
        if earlier is not None:
            current, new = earlier, False
    if new:
        prev = drafts[-1] if drafts else None
        current = assemble.Draft(block_id=block_id, group=ctx.group)
        drafts.append(current)
        if same_place_ref and place is None and prev is not None and prev.place is not None:
            current.place, current.place_inherited = prev.place, True
    if sentence not in current.sentences:
        current.sentences.append(sentence)
    if explicit_date is not None and (current.date is None or current.date_inherited):
        current.date, current.date_inherited = explicit_date, False
    elif current.date is None and ctx.date is not None:
        current.date, current.date_inherited = ctx.date, True
    if place is not None and (current.place is None or current.place_inherited or _finer_within(place, current.place)):
        current.place, current.place_inherited = place, False
    elif current.place is None:
        # Nothing named here: the paragraph's or heading's place; else the country of the story
        # told so far, which beats the dateline's (where the report was filed).
        earlier = next((d.place for d in reversed(drafts) if d is not current and d.place is not None and d.place.country), None)
        story_country = PlaceMention(earlier.start, earlier.end, earlier.text, country=earlier.country, geo_precision=6,
                                     kind="country") if earlier is not None else None
        inherited = ctx.place or ctx.heading_place or story_country or ctx.fallback_country
        if inherited is not None:
            current.place, current.place_inherited = inherited, True
    current.sublocations.extend(subs)
    current.add_counts(m.counts)
    current.types.extend(m.types)
    current.actors.extend(m.actors)
    current.claims.extend(m.claims)
    return current


def _nearest_the_attack(dates: list[DateMention], m: Mentions, sentence: Piece) -> DateMention | None:
    """The sentence's date for its incident: the first, unless it is the day of the report with
    no attack word before it and a calendar day follows an attack word ("judges TODAY began
    stoppages to protest the assassination of judge Espinosa THE EVENING OF 1 NOVEMBER", "was
    evacuated TODAY because it was hit by a missile LAST NIGHT": an earlier day). Two
    calendar days ("on 25 and 26 September", "22 Oct ... through 24 Oct") keep the first; an
    attack told with the report's day keeps it ("gunmen killed two people today")."""
    if not dates:
        return None
    first = dates[0]
    if first.kind != "relative" or not m.types or any(t.end <= first.start for t in m.types) \
            or any(0 <= t.start - first.end <= 4 for t in m.types):  # "this morning's attack"
        return first
    return next((d for d in dates[1:] if d.precision == 1 and d.value is not None
                 and (d.kind == "absolute" or first.value is not None and d.value < first.value
                      and not _SINCE.search(sentence.text, 0, d.start - sentence.start))
                 and any(first.end <= t.start and t.end <= d.start for t in m.types)), first)


_SINCE = re.compile(r"\b(?:since|from)\s+(?:last\s+)?$", re.IGNORECASE)


def _not_an_incident(m: Mentions, sentence: Piece, date: DateMention | None, place: PlaceMention | None) -> bool:
    """A piece that would open an event but tells no incident that happened: a plan, threat or
    hypothesis with no victims ("threatened to attack the town"), attack words all governed by a
    modal verb ("its fighters would continue attacks in Helmand"), or attacks in general ("the
    constant raids by subversive groups"). conventions.md §1: an event is an incident."""
    cue = assemble.cues()
    if not victims_here(m):
        if cue["not_happened"].search(sentence.text):
            return True
        if date is None and _modal_attack(m, sentence, cue["modal"]):
            return True
    return _only_generic(m, date, place)


def _modal_attack(m: Mentions, sentence: Piece, modal: Gated) -> bool:
    """Is every attack word of the piece governed by a modal verb just before it ("would continue
    attacks", "could be killed")? One outside ("a car bomb exploded ..., and the toll could
    rise") tells an attack that happened."""
    if not m.types:
        return False
    spans = [(sentence.start + h.start(), sentence.start + h.end()) for h in modal.finditer(sentence.text)]
    return bool(spans) and all(any(0 <= t.start - end <= 40 for _, end in spans) for t in m.types)


def _anchored(m: Mentions, date: DateMention | None, place: PlaceMention | None) -> bool:
    """Does the piece tie what it tells to one incident: victims, a day, or a place below the
    country? "A car bomb exploded in Kirkuk on Monday; the toll could rise" is; "he did not
    want anyone killed if there were an attack" is not."""
    return victims_here(m) or date is not None or (place is not None and place.kind != "country")


def _only_generic(m: Mentions, date: DateMention | None, place: PlaceMention | None) -> bool:
    """Attacks spoken of in general: only plural attack nouns ("raids", "killings", "attacks"),
    no victims, no day, no place below the country."""
    if _anchored(m, date, place) or not m.types:
        return False
    words = [t.text.lower().split()[-1] for t in m.types if t.text.strip()]
    return bool(words) and all(w.endswith("s") and not w.endswith("ss") for w in words)


def victims_here(m: Mentions) -> bool:
    """Does the piece count victims of its own (a figure, not "no casualties")?"""
    return any(c.role in assemble.VICTIM_ROLES and c.qualifier != "none_reported" for c in m.counts)


def _inner_dateline_town(seg: Segmented, country: str | None) -> PlaceMention | None:
    """The town of a second dateline opening the body ("[TEXT] MEDELLIN -- A bomb ..."), which
    "this city" then means."""
    first = next((s for sec in seg.sections for b in sec.blocks for s in b.sentences), None)
    town = inner_dateline(first.text) if first is not None else None
    if first is None or town is None:
        return None
    found = [p for p in find_places(town.text, PlaceContext(country=country)) if p.kind == "place" and p.location]
    return shifted(found[0], first.start + town.start) if found else None


def _without_dateline_source(lead: str, dateline: Dateline | None) -> str:
    """The lead with the source after a dateline's date blanked ("SAN SALVADOR, 9 JUN 89 (RADIO
    CADENA SONORA) --"): a station's or paper's name is no place the report is about."""
    if dateline is None or dateline.date is None:
        return lead
    open_at = lead.find("(", dateline.date.end, dateline.span.end)
    close_at = lead.find(")", open_at, dateline.span.end) if open_at >= 0 else -1
    if close_at < 0:
        return lead
    return lead[:open_at] + " " * (close_at + 1 - open_at) + lead[close_at + 1:]


#: Attack types one incident may be told as: a murder is an armed assault or an assassination.
_SAME_KIND = ({"Armed Assault", "Assassination"},)


def _told_before(m: Mentions, date: DateMention | None, place: PlaceMention | None,
                 drafts: list[assemble.Draft]) -> assemble.Draft | None:
    """The latest event this definite reference ("the murder of the diplomat") fits: the same
    kind of attack, and no other day or place than its own."""
    kinds = {t.attack_type for t in m.types if t.attack_type}
    for d in reversed(drafts):
        told = {t.attack_type for t in d.types if t.attack_type}
        if kinds and told and not kinds & told and not any(kinds | told <= same for same in _SAME_KIND):
            continue
        if date is not None and date.value is not None and d.date is not None and d.date.value is not None \
                and date.value != d.date.value:
            continue
        if place is not None and d.place is not None and assemble.place_key(place) != assemble.place_key(d.place) \
                and not _within(place, d.place) and not _within(d.place, place):
            continue
        return d
    return None


def sentence_text_after(mention: DateMention, sentence: Piece) -> str:
    """The few characters after a mention inside its sentence."""
    at = mention.end - sentence.start
    return sentence.text[at:at + 2]


def _refine_place(current: assemble.Draft, m: Mentions, sentence: Piece, ctx: assemble.Context) -> None:
    """A sentence saying where the incident told took place: a finer place inside the event's
    refines it (conventions.md §5: the finest place the text gives)."""
    place = assemble.best_place(incident_places(m.places, sentence, ctx))
    if place is not None and current.place is not None and _finer_within(place, current.place):
        current.place, current.place_inherited = place, False
        if sentence not in current.sentences:
            current.sentences.append(sentence)


def _finer_within(place: PlaceMention, current: PlaceMention) -> bool:
    """Does ``place`` say more precisely where ``current`` is (a town in its region)?"""
    return (place.geo_precision or 9) < (current.geo_precision or 9) and _within(place, current)


def _within(inner: PlaceMention, outer: PlaceMention) -> bool:
    """Is ``inner`` a finer name for somewhere inside ``outer`` (a town in the region in force)?"""
    if outer.country and inner.country and outer.country != inner.country:
        return False
    if outer.location is None and outer.admin1 and inner.admin1 == outer.admin1:
        return True
    if outer.location is None and outer.admin1 is None and outer.country == inner.country:
        return True
    return False


__all__ = ["extract_document", "extractor_version"]
