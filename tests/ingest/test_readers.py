"""Readers: every input becomes Documents or one named ReadFailure, and a batch never stops on a bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.ingest.document import DocumentMeta
from sitrep.ingest.readers import ReadFailure, ReadOptions, ReadResult, read_source, read_sources
from sitrep.model import Document

REPORT = (
    "Drone strike kills three in Gaza City\n\n"
    "An Israeli drone strike killed three people in the Zeitoun neighbourhood of Gaza City on Tuesday, the "
    "territory's civil defence agency said. The Israeli military said it had targeted a militant who was planning "
    "an attack on its troops.\n\n"
    "Medics at al-Ahli hospital said the dead included a woman and a child."
)
SECOND_REPORT = (
    "Clashes in eastern Congo displace thousands\n\n"
    "Fighting between M23 rebels and the Congolese army near Sake in North Kivu forced thousands of families to "
    "flee towards Goma this week, aid agencies said on Thursday. The United Nations said the camps around the "
    "city were already overcrowded."
)
HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Militants attack army post in Burkina Faso | Sahel Monitor</title>
<meta property="og:title" content="Militants attack army post in Burkina Faso">
<meta property="og:site_name" content="Sahel Monitor">
<meta property="article:published_time" content="2024-08-26T09:30:00Z">
<link rel="canonical" href="https://sahel.example.org/2024/08/barsalogho">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Militants attack army post in Burkina Faso</h1>
<p>Militants linked to al-Qaeda attacked an army post near the town of Barsalogho in central Burkina Faso on Saturday,
killing dozens of soldiers and civilians who had been digging trenches, security sources said.</p>
<p>The group JNIM claimed the attack in a statement, saying its fighters had seized weapons and vehicles. The
government did not give a death toll but said the army had launched operations to track down the attackers.</p>
<p>Burkina Faso has been fighting an insurgency by groups linked to al-Qaeda and the Islamic State since 2015, and
millions of people have fled their homes.</p>
</article>
<footer>Copyright 2024 Sahel Monitor. All rights reserved.</footer>
</body></html>"""
RSS_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Yemen Wire</title><link>https://yemen.example.org</link><description>News</description>
<item>
<title>Houthis claim missile attack on ship in Red Sea</title>
<link>https://yemen.example.org/a/1</link><guid>https://yemen.example.org/a/1</guid>
<pubDate>Mon, 12 Feb 2024 08:00:00 GMT</pubDate>
<description>Yemen's Houthi movement said on Monday it had fired missiles at a cargo ship in the Red Sea, the latest in
a series of attacks the group says are in solidarity with Palestinians in Gaza. The ship's operator said no crew were
hurt.</description>
</item>
<item>
<title>Airstrikes hit Hodeidah port</title>
<link>https://yemen.example.org/a/2</link><guid>https://yemen.example.org/a/2</guid>
<pubDate>Tue, 13 Feb 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;US and British aircraft struck targets near the port of Hodeidah overnight, the Houthi-run Al
Masirah television said on Tuesday. It did not report casualties from the strikes on the city.&lt;/p&gt;</description>
</item>
</channel></rss>"""
ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Myanmar Now Wire</title><id>urn:feed:myanmar</id><updated>2024-03-05T00:00:00Z</updated>
<entry>
<title>Junta airstrike hits village in Sagaing</title><id>urn:entry:sagaing-1</id>
<link href="https://myanmar.example.org/sagaing-1"/>
<updated>2024-03-05T06:00:00Z</updated>
<summary>A military airstrike hit a village in Sagaing region on Monday, killing at least nine people including
children, local resistance forces and residents said. The junta did not comment on the strike.</summary>
</entry>
</feed>"""
FRENCH = (
    "Des hommes armés ont attaqué un poste de l'armée dans le nord du Mali, selon des sources locales. Le bilan "
    "est de plusieurs morts et les assaillants ont été repoussés par les soldats qui étaient sur place dans la zone."
)
ARABIC = (
    "قتل ثلاثة أشخاص في غارة جوية استهدفت سيارة في ريف إدلب الجنوبي، بحسب ما أفاد الدفاع المدني السوري. "
    "وقال شهود إن الطائرات حلقت فوق المنطقة لساعات قبل الغارة."
)


def documents(results: list[ReadResult]) -> list[Document]:
    return [r for r in results if isinstance(r, Document)]


def failures(results: list[ReadResult]) -> list[ReadFailure]:
    return [r for r in results if isinstance(r, ReadFailure)]


def read(*sources: Path | str, options: ReadOptions | None = None) -> list[ReadResult]:
    return list(read_sources([str(s) for s in sources], options or ReadOptions()))


# --- good inputs ----------------------------------------------------------------------------


def test_a_text_file_is_named_by_its_file_name_and_hashed(tmp_path: Path) -> None:
    path = tmp_path / "gaza-strike.txt"
    path.write_text(REPORT, encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert doc.name == "gaza-strike.txt"
    assert doc.language == "en" and len(doc.content_hash) == 64
    assert doc.text.startswith("Drone strike kills three")
    assert doc.paragraphs[0].kind == "headline"
    assert [doc.paragraph_text(p)[:6] for p in doc.paragraphs] == ["Drone ", "An Isr", "Medics"]


def test_windows_line_endings_and_a_bom_do_not_change_the_hash(tmp_path: Path) -> None:
    (tmp_path / "unix.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "windows.txt").write_bytes(b"\xef\xbb\xbf" + REPORT.replace("\n", "\r\n").encode())
    unix, windows = documents(read(tmp_path / "unix.txt", tmp_path / "windows.txt"))
    assert unix.content_hash == windows.content_hash


def test_a_folder_uses_its_manifest_and_names_files_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "gaza").mkdir()
    (tmp_path / "gaza" / "strike.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "drc.txt").write_text(SECOND_REPORT, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(REPORT, encoding="utf-8")
    manifest = {"file": "drc.txt", "outlet": "Radio Okapi", "published": "2024-02-08", "title": "Clashes"}
    (tmp_path / "manifest.jsonl").write_text(json.dumps(manifest) + "\n", encoding="utf-8")

    docs = documents(read(tmp_path))

    assert [d.name for d in docs] == ["drc.txt", "gaza/strike.txt"]
    assert (docs[0].outlet, docs[0].published, docs[0].title) == ("Radio Okapi", dt.date(2024, 2, 8), "Clashes")
    assert docs[1].outlet is None  # no manifest entry for it


def test_a_file_named_on_its_own_uses_the_manifest_beside_it(tmp_path: Path) -> None:
    (tmp_path / "drc.txt").write_text(SECOND_REPORT, encoding="utf-8")
    manifest = {"file": "drc.txt", "outlet": "Radio Okapi", "published": "2024-02-08"}
    (tmp_path / "manifest.jsonl").write_text(json.dumps(manifest) + "\n", encoding="utf-8")
    [doc] = documents(read(tmp_path / "drc.txt"))
    assert (doc.name, doc.outlet, doc.published) == ("drc.txt", "Radio Okapi", dt.date(2024, 2, 8))


def test_command_line_metadata_wins_over_the_manifest(tmp_path: Path) -> None:
    (tmp_path / "drc.txt").write_text(SECOND_REPORT, encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(json.dumps({"file": "drc.txt", "outlet": "Radio Okapi"}), encoding="utf-8")
    options = ReadOptions(meta=DocumentMeta(outlet="Actualite.cd"))
    [doc] = documents(read(tmp_path, options=options))
    assert doc.outlet == "Actualite.cd"


def test_json_lines_records_are_named_by_id_or_by_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"id": "gaza-0412", "text": REPORT, "outlet": "WAFA", "date": "2024-04-12T10:00:00Z"})
        + "\n\n"
        + json.dumps({"text": SECOND_REPORT, "source": "Radio Okapi"})
        + "\n",
        encoding="utf-8",
    )
    first, second = documents(read(path))
    assert (first.name, first.outlet, first.published) == ("gaza-0412", "WAFA", dt.date(2024, 4, 12))
    assert (second.name, second.outlet) == ("batch.jsonl:3", "Radio Okapi")


def test_an_html_page_gives_its_article_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "barsalogho.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    [doc] = documents(read(path))
    assert doc.title == "Militants attack army post in Burkina Faso"
    assert doc.outlet == "Sahel Monitor"
    assert doc.published == dt.date(2024, 8, 26)
    assert doc.url == "https://sahel.example.org/2024/08/barsalogho"
    assert "attacked an army post near the town of Barsalogho" in doc.text
    assert "Home" not in doc.text.split("\n")  # navigation is not article text
    assert doc.paragraphs[0].kind == "headline"


def test_an_rss_feed_gives_one_document_per_item_with_its_metadata(tmp_path: Path) -> None:
    path = tmp_path / "yemen.rss"
    path.write_text(RSS_FEED, encoding="utf-8")
    docs = documents(read(path))
    assert [d.name for d in docs] == ["https://yemen.example.org/a/1", "https://yemen.example.org/a/2"]
    assert {d.outlet for d in docs} == {"Yemen Wire"}
    assert [d.published for d in docs] == [dt.date(2024, 2, 12), dt.date(2024, 2, 13)]
    assert docs[0].text.startswith("Houthis claim missile attack")
    assert "port of Hodeidah" in docs[1].text and "<p>" not in docs[1].text


def test_an_atom_feed_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "myanmar.atom"
    path.write_text(ATOM_FEED, encoding="utf-8")
    [doc] = documents(read(path))
    assert (doc.name, doc.outlet, doc.published) == ("urn:entry:sagaing-1", "Myanmar Now Wire", dt.date(2024, 3, 5))
    assert doc.url == "https://myanmar.example.org/sagaing-1"


def write_warc(path: Path, pages: list[tuple[str, str, bytes]]) -> None:
    """A WARC with one response record per (uri, content type, body), plus a request record to skip."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")
        for uri, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            )
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://example.org/", "request", http_headers=request))


@pytest.mark.parametrize("file_name", ["crawl.warc", "crawl.warc.gz"])
def test_a_warc_file_gives_its_html_responses_named_by_uri(tmp_path: Path, file_name: str) -> None:
    path = tmp_path / file_name
    write_warc(
        path,
        [
            ("https://sahel.example.org/2024/08/barsalogho", "text/html; charset=utf-8", HTML_PAGE.encode()),
            ("https://sahel.example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
        ],
    )
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert doc.name == "https://sahel.example.org/2024/08/barsalogho"
    assert "Barsalogho" in doc.text


def test_standard_input_is_read_with_the_name_given(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from sitrep.ingest.readers import ReadOptions, read_source\n"
        "for r in read_source('-', ReadOptions(name='pasted.txt')):\n"
        "    print(type(r).__name__, r.name, getattr(r, 'language', ''))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], input=REPORT.encode(), capture_output=True, check=True)
    assert result.stdout.decode().split() == ["Document", "pasted.txt", "en"]


# --- bad inputs: one named failure each, the batch goes on ----------------------------------


def single_failure(results: list[ReadResult], name: str) -> ReadFailure:
    named = [f for f in failures(results) if f.name == name]
    assert len(named) == 1, failures(results)
    return named[0]


@pytest.mark.parametrize(
    ("file_name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t\n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)) * 4, "binary"),
        ("latin1.txt", "Frappe aérienne près d'Alep".encode("latin-1") + b" and more text", "invalid UTF-8"),
        ("french.txt", FRENCH.encode(), "language"),
        ("arabic.txt", ARABIC.encode(), "language"),
        ("broken.rss", b"<?xml version='1.0'?><rss><channel><title>Wire</title><ite", "feed"),
        ("nothing.html", b"<html><body><script>var x = 1;</script><img src='a.png'></body></html>", "html"),
    ],
)
def test_a_bad_input_gives_one_failure_naming_it_and_the_rest_of_the_batch_goes_on(
    tmp_path: Path, file_name: str, content: bytes, reason: str
) -> None:
    bad = tmp_path / file_name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")

    results = read(bad, good)

    assert reason.lower() in single_failure(results, file_name).reason.lower()
    assert [d.name for d in documents(results)] == ["good.txt"]


def test_the_language_failure_says_which_language_it_saw(tmp_path: Path) -> None:
    (tmp_path / "arabic.txt").write_bytes(ARABIC.encode())
    (tmp_path / "french.txt").write_bytes(FRENCH.encode())
    reasons = {f.name: f.reason for f in failures(read(tmp_path / "arabic.txt", tmp_path / "french.txt"))}
    assert "'ar'" in reasons["arabic.txt"] and "'fr'" in reasons["french.txt"]


def test_a_50_mb_file_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    big = tmp_path / "dump.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    results = read(big, tmp_path / "good.txt")
    failure = single_failure(results, "dump.txt")
    assert "too large" in failure.reason and "52.4 MB" in failure.reason
    assert len(documents(results)) == 1


def test_a_malformed_json_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "ok-1", "text": REPORT}),
        '{"id": "broken", "text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "no-text", "title": "Headline only"}),
        json.dumps({"id": "bad-date", "text": SECOND_REPORT, "published": "last Tuesday"}),
        json.dumps({"id": "ok-2", "text": SECOND_REPORT}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = read(path)
    assert [d.name for d in documents(results)] == ["ok-1", "ok-2"]
    reasons = {f.name: f.reason for f in failures(results)}
    assert set(reasons) == {"batch.jsonl:2", "batch.jsonl:3", "no-text", "bad-date"}
    assert "invalid JSON" in reasons["batch.jsonl:2"]
    assert "not a JSON object" in reasons["batch.jsonl:3"]
    assert "no 'text' or 'html'" in reasons["no-text"]
    assert "ISO date" in reasons["bad-date"]


def test_a_bad_feed_item_fails_alone_named_by_its_position(tmp_path: Path) -> None:
    feed = RSS_FEED.replace("<item>", "<item><description> </description></item><item>", 1)
    path = tmp_path / "yemen.rss"
    path.write_text(feed, encoding="utf-8")
    results = read(path)
    assert len(documents(results)) == 2
    assert "empty" in single_failure(results, "yemen.rss#1").reason


def test_a_missing_path_is_named(tmp_path: Path) -> None:
    [failure] = read(tmp_path / "nowhere.txt")
    assert isinstance(failure, ReadFailure)
    assert failure.name.endswith("nowhere.txt") and "not found" in failure.reason


def test_reading_is_lazy_so_a_late_failure_does_not_lose_earlier_documents(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    stream = read_source(str(tmp_path / "a.txt"))
    assert isinstance(next(stream), Document)


def test_an_english_headline_full_of_arabic_names_is_read_as_english() -> None:
    from sitrep.ingest.validate import guess_language

    # "al-" and "el-" in a transliterated name are the Arabic article, not Spanish words
    assert guess_language("Militias shell western al-Hamra countryside near el-Qasr farms") in {None, "en"}
    assert guess_language("Los soldados llegaron al pueblo y la gente salió a la calle con el alcalde") == "es"
