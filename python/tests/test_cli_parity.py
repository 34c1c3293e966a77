"""pith.extract / pith.clean give what the CLI gives: every field, on samples of the bench sets."""
import json
import subprocess

import pytest

import pith
from conftest import SETS, page_bytes, sample_pages


def cli_records(cli, args):
    out = subprocess.run([cli, *args], check=False, capture_output=True).stdout.decode("utf-8")
    records = [json.loads(line) for line in out.split("\n") if line.strip()]  # not splitlines: U+2028 may stand in a JSON string
    for r in records:
        r.pop("source")  # the CLI names the file; a page given to Python has none
    return records


@pytest.mark.parametrize("name", SETS)
def test_extract_equals_cli(cli, name):
    files = sample_pages(name)
    expected = cli_records(cli, ["extract", *map(str, files), "--format", "jsonl", "-j", "1", "-q"])
    assert len(expected) == len(files), "the CLI extracted every sampled page"
    for path, want in zip(files, expected):
        got = pith.extract(page_bytes(path))
        assert list(got) == list(want), f"{path.name}: same fields in the same order"
        assert got == want, f"{path.name}: same values"


@pytest.mark.parametrize("name", SETS)
def test_extract_many_equals_cli(cli, name):
    files = sample_pages(name)
    expected = cli_records(cli, ["extract", *map(str, files), "--format", "jsonl", "-j", "2", "-q"])
    got = list(pith.extract_many((page_bytes(p) for p in files), jobs=2))
    assert got == expected


@pytest.mark.parametrize("options,flags", [
    ({"explain": True}, ["--explain"]),
    ({"comments": True, "favor": "precision"}, ["--comments", "--favor", "precision"]),
    ({"favor": "recall", "tables": False}, ["--favor", "recall", "--no-tables"]),
])
def test_extract_options_equal_cli(cli, options, flags):
    files = sample_pages("dev", 12)
    expected = cli_records(cli, ["extract", *map(str, files), "--format", "jsonl", "-j", "1", "-q", *flags])
    got = [pith.extract(page_bytes(p), **options) for p in files]
    assert got == expected


def test_url_and_charset_reach_the_library(cli, tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes("<html><body><article><p>Caf\u00e9 cr\u00e8me, a sentence of some length here.</p>"
                     "</article></body></html>".encode("latin-1"))
    url = "https://example.com/2023/03/21/story"
    [want] = cli_records(cli, ["extract", str(page), "--format", "jsonl", "-q", "--url", url, "--charset", "latin-1"])
    assert pith.extract(page.read_bytes(), url, charset="latin-1") == want
    assert want["date"] == "2023-03-21" and "Caf\u00e9" in want["text"]


@pytest.mark.parametrize("name", SETS)
def test_clean_equals_cli(cli, name, tmp_path):
    # The texts that pith extract found, with their URLs, as the JSONL input of pith clean.
    texts = []
    for path in sample_pages(name, 30):
        d = pith.extract(page_bytes(path))
        if d["text"]:
            texts.append({"text": d["text"] + "\nShare this article\nSubscribe to our newsletter", "url": d["url"]})
    jsonl = tmp_path / "texts.jsonl"
    jsonl.write_text("".join(json.dumps(t) + "\n" for t in texts), encoding="utf-8")
    expected = cli_records(cli, ["clean", str(jsonl), "--format", "json", "-j", "1", "-q"])
    assert len(expected) == len(texts)
    for t, want in zip(texts, expected):
        got = pith.clean(t["text"], t["url"])
        assert list(got) == list(want)
        assert got == want


def test_markdown_adds_the_markdown_field(cli, tmp_path):
    files = sample_pages("dev", 5)
    for path in files:
        plain = pith.extract(page_bytes(path))
        md = pith.extract(page_bytes(path), format="markdown")
        assert "markdown" not in plain
        assert md.pop("markdown")
        assert md == plain
        # the CLI's markdown output is the same text
        want = subprocess.run([cli, "extract", str(path), "--format", "markdown", "-q"],
                              capture_output=True).stdout.decode("utf-8")
        assert pith.extract(page_bytes(path), format="markdown")["markdown"] + "\n" == want
