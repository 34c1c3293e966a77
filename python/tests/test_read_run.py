"""pith.read (the input layer's records) and pith.run (a corpus run, its stats as a dict)."""
import gzip
import json
import subprocess

import pytest

import pith
from conftest import ARTICLE, make_warc


def article(i):
    return ARTICLE.replace("Tuesday", f"Tuesday the {i}th").encode()


@pytest.fixture
def warc(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    make_warc(path, [(f"https://example.com/2024/03/{i + 10}/story", article(i)) for i in range(5)])
    return path


def test_read_gives_every_record_with_its_fields(warc):
    records = list(pith.read(str(warc)))
    assert [r.kind for r in records] == ["skip", "html"] * 5
    skip, page = records[0], records[1]
    assert skip.reason == "warc_type:request" and skip.error is None
    assert page.format == "warc" and page.warc_type == "response"
    assert page.url == "https://example.com/2024/03/10/story"
    assert page.date == "2024-03-21T10:00:00Z"
    assert page.id == "urn:uuid:00000000-0000-0000-0000-000000000001"  # without its <>
    assert page.charset == "utf-8"
    assert page.status == 200 and skip.status is None
    assert page.headers.get("Content-Type", "").startswith("text/html") and skip.headers == {}
    assert page.body == article(0)
    assert page.source == f"{warc}:{page.offset}" and page.path == str(warc)
    assert "html" in repr(page)


def test_read_records_feed_extract_many(warc):
    pages = [r for r in pith.read(warc) if r.kind == "html"]  # a PathLike works too
    results = list(pith.extract_many(pages, jobs=2))
    assert [r["date"] for r in results] == [f"2024-03-{i + 10}" for i in range(5)]
    assert results == [pith.extract(p.body, p.url, charset=p.charset) for p in pages]
    skipped = list(pith.extract_many(pith.read(warc), jobs=1))[0]
    assert isinstance(skipped, pith.Error) and skipped.code == "warc_type:request"


def test_read_jsonl_text_and_folders(tmp_path):
    (tmp_path / "docs.jsonl").write_text(
        json.dumps({"text": "First text.", "url": "https://a.example/"}) + "\n{broken\n" +
        json.dumps({"text": "Second text.", "id": "b"}) + "\n", encoding="utf-8")
    (tmp_path / "page.html").write_bytes(article(1))
    records = list(pith.read([str(tmp_path / "docs.jsonl"), str(tmp_path / "page.html")]))
    assert [(r.kind, r.line) for r in records] == [("text", 1), ("bad", 2), ("text", 3), ("html", 0)]
    assert records[0].text == "First text." and records[0].url == "https://a.example/"
    assert records[1].error.code == records[1].reason and records[1].source.endswith("docs.jsonl:2")
    assert records[2].id == "b"
    assert records[3].source == str(tmp_path / "page.html")
    assert [r.kind for r in pith.read(str(tmp_path))] == ["text", "bad", "text", "html"]


def test_read_reports_unreadable_paths_as_bad_records(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4 not a page")
    records = list(pith.read([str(tmp_path / "missing.warc"), str(tmp_path / "x.pdf")]))
    assert [r.kind for r in records] == ["bad", "bad"]
    assert records[0].reason == "io" and records[0].error.code == "io"
    assert "PDF" in records[1].error.message
    with pytest.raises(TypeError, match="paths must be str"):
        pith.read(42)
    with pytest.raises(ValueError, match="kind must be"):
        pith.read(str(tmp_path), kind="pdf")


def test_run_returns_the_stats_of_the_cli(cli, warc, tmp_path):
    calls = []
    stats = pith.run(str(warc), tmp_path / "py", recipe="none", jobs=2, progress=calls.append)
    subprocess.run([cli, "run", str(warc), "-o", str(tmp_path / "cli"), "--recipe", "none", "-j", "2", "-q"],
                   check=True)
    with open(tmp_path / "cli" / "stats.json", encoding="utf-8") as f:
        want = json.load(f)
    assert stats.pop("stats_path") == str(tmp_path / "py" / "stats.json")
    assert stats.pop("parts_deleted") == 0 and stats.pop("files_unreadable") == 0
    assert stats.pop("inputs_not_listed") == []
    assert stats == want
    assert stats["records"] == 10 and stats["written"] == 5
    assert calls and calls[-1]["records"] == 10 and calls[-1]["files_total"] in (0, 1)
    out = gzip.decompress((tmp_path / "py" / "crawl.warc.gz.jsonl.gz").read_bytes())
    assert out == gzip.decompress((tmp_path / "cli" / "crawl.warc.gz.jsonl.gz").read_bytes())


def test_run_errors_and_callback_exceptions(warc, tmp_path):
    with pytest.raises(pith.IoError, match="no input files"):
        pith.run(str(tmp_path / "nothing-here"), tmp_path / "out")
    with pytest.raises(pith.PithError) as info:
        pith.run(str(warc), tmp_path / "out", recipe="no-such-recipe")
    assert info.value.code == "bad_input"

    def broken(progress):
        raise KeyError("from the callback")

    with pytest.raises(KeyError, match="from the callback"):
        pith.run(str(warc), tmp_path / "out2", recipe="none", progress=broken)
