"""Every input format: what each reader makes of a small real-format file, and what it refuses."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from incidex.errors import InputError, RecordError
from incidex.ingest import expand_paths, read_documents
from incidex.schema import Document

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"

PDF_PAGES = (
    "SITUATION REPORT - NORTH KIVU\n12/03 - Armed men attacked a health centre in Oicha; 4 civilians killed.",
    "13/03 - Clashes between the army and a militia near Kamango. No casualties reported.",
)


def docs(path: Path | str, **kwargs: object) -> list[Document | RecordError]:
    return list(read_documents(str(path), **kwargs))  # type: ignore[arg-type]


def make_pdf(path: Path, pages: tuple[str, ...] = PDF_PAGES, title: str | None = "North Kivu situation report") -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.set_font("Helvetica", size=11)
    for page in pages:
        pdf.add_page()
        for line in page.split("\n"):
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


# -- HTML ---------------------------------------------------------------------------------------
def test_html_main_text_without_navigation_and_its_metadata() -> None:
    [doc] = docs(FORMATS / "article.html")
    assert isinstance(doc, Document)
    assert doc.id == "article"
    assert doc.title == "Gunmen kill five farmers near Gao"
    assert doc.published == date(2021, 4, 12)
    assert doc.url == "https://wire.example.org/sahel/2021/04/12/gao-farmers"
    assert doc.source == "Sahel Daily Wire"
    assert doc.text.startswith("GAO, April 12 (Sahel Daily Wire) - Unidentified gunmen")
    assert doc.text.count("\n\n") == 2  # three paragraphs, blank-line separated
    for boilerplate in ("Home", "Most read", "Copyright", "Privacy", "Football"):
        assert boilerplate not in doc.text


def test_html_in_a_declared_legacy_charset_is_decoded(tmp_path: Path) -> None:
    page = ('<html><head><meta charset="windows-1252"><title>Attaque à Ménaka</title></head><body><article>'
            "<p>MÉNAKA, 2 juin - Des hommes armés ont tué trois bergers près de Ménaka, selon un élu local. "
            "Les assaillants ont emporté le bétail et se sont enfuis vers la frontière avant l'arrivée de l'armée.</p>"
            "</article></body></html>")
    path = tmp_path / "menaka.html"
    path.write_bytes(page.encode("cp1252"))
    [doc] = docs(path)
    assert isinstance(doc, Document) and "Ménaka" in doc.text


def test_html_short_page_still_gives_its_text(tmp_path: Path) -> None:
    path = tmp_path / "brief.htm"
    path.write_text("<html><body><p>Two police officers were wounded in Quetta.</p></body></html>", encoding="utf-8")
    [doc] = docs(path)
    assert isinstance(doc, Document) and doc.text == "Two police officers were wounded in Quetta."


def test_html_published_from_the_command_line_when_the_page_has_none(tmp_path: Path) -> None:
    path = tmp_path / "nodate.html"
    path.write_text("<html><body><p>A grenade was thrown at a shop in Jolo; nobody was hurt.</p></body></html>", encoding="utf-8")
    [doc] = docs(path, published=date(2020, 1, 2), source="Desk")
    assert isinstance(doc, Document) and (doc.published, doc.source) == (date(2020, 1, 2), "Desk")


# -- PDF ----------------------------------------------------------------------------------------
def test_pdf_text_of_every_page_and_its_title(tmp_path: Path) -> None:
    [doc] = docs(make_pdf(tmp_path / "sitrep.pdf"))
    assert isinstance(doc, Document)
    assert doc.id == "sitrep" and doc.title == "North Kivu situation report"
    assert "Armed men attacked a health centre in Oicha; 4 civilians killed." in doc.text
    assert "near Kamango. No casualties reported." in doc.text
    first, second = doc.text.split("\n\n")
    assert first.startswith("SITUATION REPORT") and second.startswith("13/03")
    assert doc.published is None  # file dates are not publication dates


def test_pdf_without_a_text_layer_is_refused_with_a_reason(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scan.pdf", pages=("",), title=None)
    with pytest.raises(InputError, match="no text layer"):
        docs(path)


def test_a_broken_pdf_is_one_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF garbage" + bytes(range(256)))
    with pytest.raises(InputError) as info:
        docs(path)
    assert str(info.value).startswith(f"{path}: ") and "\n" not in str(info.value)


def test_a_file_named_pdf_that_is_not_one(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("just some text", encoding="utf-8")
    with pytest.raises(InputError, match="not a PDF file"):
        docs(path)


# -- Telegram -----------------------------------------------------------------------------------
def test_telegram_one_document_per_text_message() -> None:
    items = docs(FORMATS / "telegram" / "result.json")
    assert all(isinstance(d, Document) for d in items)
    assert [(d.id, d.published) for d in items] == [  # type: ignore[union-attr]
        ("1487520933-102", date(2022, 9, 3)), ("1487520933-104", date(2022, 9, 5)), ("1487520933-105", date(2022, 9, 6))]
    assert all(d.source == "Lake Region Security Bulletin" for d in items)  # type: ignore[union-attr]


@pytest.mark.parametrize("message_id, text", [
    ("1487520933-102", "Suspected militants attacked a military post near Monguno on Saturday evening, killing three "
                       "soldiers, a security source said. Two attackers were killed in the exchange of fire."),
    ("1487520933-104", "UPDATE: Gunmen abducted seven passengers from a bus on the Damboa road on Monday, police said. #Borno"),
    ("1487520933-105", "A roadside bomb struck a patrol vehicle outside Bama on Tuesday morning. No casualties were "
                       "reported. Details: https://news.example.net/bama-patrol"),
])
def test_telegram_text_is_a_string_or_the_joined_entity_pieces(message_id: str, text: str) -> None:
    found = {d.id: d.text for d in docs(FORMATS / "telegram" / "result.json")}  # type: ignore[union-attr]
    assert found[message_id] == text


def test_telegram_full_account_export_and_chat_named_by_name(tmp_path: Path) -> None:
    export = {"about": "export", "chats": {"list": [
        {"name": "Coast Desk", "type": "public_channel", "messages": [
            {"id": 7, "type": "message", "date": "2021-02-03T10:00:00", "text": "Pirates seized a fishing boat off Eyl."}]},
        {"name": "Other", "type": "private_group", "id": 55, "messages": []},
    ]}}
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export, indent=1), encoding="utf-8")
    [doc] = docs(path)
    assert isinstance(doc, Document) and doc.id == "Coast Desk-7" and doc.published == date(2021, 2, 3)


def test_telegram_bad_messages_are_skipped_with_their_line(tmp_path: Path) -> None:
    export = {"name": "Desk", "id": 9, "messages": [
        {"id": 1, "type": "message", "date": "2021-02-03T10:00:00", "text": "Shelling hit a school in Avdiivka."},
        {"id": 2, "type": "message", "date": "yesterday", "text": "Two drones were shot down."},
        {"id": 3, "type": "message", "date": "2021-02-04T10:00:00", "text": {"unexpected": True}},
        {"id": 4, "type": "message", "date": "2021-02-05T10:00:00", "text": "A bridge was blown up near Izium."},
    ]}
    path = tmp_path / "result.json"
    raw = json.dumps(export, indent=1)
    path.write_text(raw, encoding="utf-8")
    items = docs(path)
    assert [d.id for d in items if isinstance(d, Document)] == ["9-1", "9-4"]
    errors = [e for e in items if isinstance(e, RecordError)]
    line_of = {n: raw[: raw.index(f'"id": {n},')].count("\n") + 1 for n in (2, 3)}
    assert [(e.line, e.reason.split(":")[0]) for e in errors] == [(line_of[2], "message 2"), (line_of[3], "message 3")]


@pytest.mark.parametrize("content, message", [
    ('{"name": "x", "messages": [', "line 1: invalid JSON"),
    ('[{"id": 1, "text": "a"}]', "not a Telegram Desktop export"),
    ('{"name": "x"}', "not a Telegram Desktop export"),
    ("", "empty file"),
])
def test_json_that_is_not_a_telegram_export_is_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "result.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        docs(path)


# -- RSS and Atom -------------------------------------------------------------------------------
def test_rss_one_document_per_item_with_title_and_summary_as_text() -> None:
    items = docs(FORMATS / "feed.rss")
    assert all(isinstance(d, Document) for d in items)
    first, second = items
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text == ("Bomb blast at Kirkuk bus station wounds 14\n\nKIRKUK, March 12 - A bomb hidden in a parked car "
                          "exploded near the main bus station in Kirkuk late on Monday, wounding 14 people, police said."
                          "\n\nNobody has claimed the attack.")
    assert first.title == "Bomb blast at Kirkuk bus station wounds 14"
    assert first.published == date(2019, 3, 12)  # 01:20 +03:00: the local date, not UTC's 11 March
    assert first.url == "https://epnw.example.org/2019/03/kirkuk-bus-station"
    assert first.source == "Eastern Provinces News Wire"
    assert second.published == date(2019, 3, 10)
    assert first.id.startswith("feed-") and first.id != second.id


def test_atom_entries_with_html_content_and_text_summary() -> None:
    first, second = docs(FORMATS / "feed.atom")
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text.startswith("Soldiers and gunmen clash in Maguindanao village\n\nCOTABATO CITY, July 9 - ")
    assert first.text.endswith("an army spokesman said.\n\nThree soldiers were wounded.")
    assert first.published == date(2020, 7, 9) and first.source == "Mindanao Regional Desk"
    assert second.text == ("Grenade thrown at market stall in Jolo\n\nAn unidentified man threw a grenade at a market "
                           "stall in Jolo on Wednesday evening, wounding three vendors, police said.")
    assert second.published == date(2020, 7, 8)


def test_feed_ids_do_not_depend_on_the_entrys_position(tmp_path: Path) -> None:
    original = (FORMATS / "feed.rss").read_text(encoding="utf-8")
    start, end = original.index("<item>"), original.index("</item>") + len("</item>")
    first_item = original[start:end]
    reordered = original[:start] + original[end:].replace("</channel>", first_item + "\n  </channel>")
    path = tmp_path / "feed.rss"
    path.write_text(reordered, encoding="utf-8")
    before = {d.id: d.text for d in docs(FORMATS / "feed.rss")}  # type: ignore[union-attr]
    after = {d.id: d.text for d in docs(path)}  # type: ignore[union-attr]
    assert before == after


def test_xml_files_are_read_as_feeds_only_when_they_are_feeds(tmp_path: Path) -> None:
    feed = tmp_path / "news.xml"
    feed.write_bytes((FORMATS / "feed.atom").read_bytes())
    assert len(docs(feed)) == 2
    other = tmp_path / "config.xml"
    other.write_text('<?xml version="1.0"?><settings><a>1</a></settings>', encoding="utf-8")
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        docs(other)


def test_feed_entry_without_any_text_is_a_record_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title>\n'
                    "<item><guid>a</guid></item>\n"
                    "<item><title>Mortar fire hits Dera Bugti</title><guid>b</guid></item>\n"
                    "</channel></rss>\n", encoding="utf-8")
    items = docs(path)
    assert isinstance(items[0], RecordError) and items[0].line == 3 and "no title, summary or content" in items[0].reason
    assert isinstance(items[1], Document) and items[1].text == "Mortar fire hits Dera Bugti"


# -- directories --------------------------------------------------------------------------------
def test_directories_are_walked_for_every_registered_format() -> None:
    found = [Path(p).relative_to(FORMATS).as_posix() for p in expand_paths([str(FORMATS)])]
    assert found == ["article.html", "feed.atom", "feed.rss", "telegram/result.json"]
