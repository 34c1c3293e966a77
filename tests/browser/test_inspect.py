"""pith inspect's reports in headless Chromium: the blocks kept and dropped with their rules, the
metadata panel, the tabs (the JSON tab is pith extract --format json's output), the index of
several reports; no console error, no request, and nothing of a hostile page executes."""
import json
import pathlib
import subprocess

import pytest

PAGES = pathlib.Path(__file__).resolve().parent / "pages"
STORY = PAGES / "hostile_story.html"
STORY_URL = "https://dailyplanet.example/2024/05/01/moon-rover"
TIMEOUT = 120


def run(cli, *args, cwd=None):
    done = subprocess.run([cli, *map(str, args)], capture_output=True, text=True, timeout=TIMEOUT, cwd=cwd)
    assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stderr}"
    return done


def assert_nothing_executed(browser):
    """The hostile page's scripts, onerror handler and javascript: link would set window.pwned
    or open an alert."""
    assert browser.alert_text() is None, "an alert is open"
    assert browser.js("return typeof window.pwned") == "undefined"


@pytest.fixture
def story_report(pith_cli, tmp_path):
    report = tmp_path / "story.report.html"
    run(pith_cli, "inspect", STORY, "--url", STORY_URL, "-o", report)
    return report


def test_blocks_rules_and_metadata(browser, story_report, pith_cli):
    browser.open(story_report)
    assert_nothing_executed(browser)
    kept = [b.find_element("css selector", ".txt").text for b in browser.find_all(".blk.kept")]
    assert kept[0] == "Moon rover finds ice"
    assert any(t.startswith("The rover drilled into the crater floor") for t in kept)
    # Markup in the page's text is shown as text, exactly.
    assert any("<img src=x onerror=\"window.pwned='escaped text'\">" in t for t in kept)
    rules = [b.get_attribute("data-rule") for b in browser.find_all(".blk.dropped")]
    for rule in ("tag:nav", "tag:header", "tag:footer", "class:share", "related-section", "class:comments"):
        assert rule in rules, f"{rule} not among the dropped blocks: {rules}"
    # Dropped blocks are collapsed: their text is not shown until clicked.
    nav = browser.find(".blk.dropped[data-rule='tag:nav']")
    assert not nav.find_element("css selector", ".txt").is_displayed()
    assert not nav.find_element("css selector", ".info").is_displayed()
    nav.click()
    assert nav.find_element("css selector", ".txt").text == "World Science Sports"
    assert nav.find_element("css selector", ".i-rule").text == "tag:nav"
    assert nav.find_element("css selector", ".i-path").text == "body > nav.menu"
    assert "navigation" in nav.find_element("css selector", ".i-why").text
    # A kept block shows its score when clicked.
    first = browser.find_all(".blk.kept")[1]
    first.click()
    assert first.find_element("css selector", ".i-rule").text == "kept"
    assert float(first.find_element("css selector", ".i-score").text) > 0

    def meta(field, part="value"):
        return browser.find(f"#metadata tr[data-field='{field}'] td.{'src' if part == 'source' else 'value'}").text

    assert meta("title") == "Moon rover finds ice"
    # Each field's source is the one pith extract names (which signal wins is metadata.cpp's).
    extracted = json.loads(run(pith_cli, "extract", STORY, "--url", STORY_URL, "--format", "json").stdout)
    assert meta("date") == "2024-05-01" and meta("date", "source") == extracted["date_source"]
    assert meta("author", "source") == extracted["author_source"]
    assert meta("author") == "Lois Lane"
    assert browser.find("#page-facts tr[data-field='charset'] td.value").text == "utf-8"
    assert browser.find("#page-facts tr[data-field='charset'] td.src").text == "meta"
    assert browser.find("#page-facts tr[data-field='page type'] td.value").text == "article"
    by_rule = {r.get_attribute("data-rule"): int(r.find_element("css selector", "td.chars").text)
               for r in browser.find_all("#dropped-by-rule tr[data-rule]")}
    assert by_rule["tag:nav"] == len("WorldScienceSports")
    browser.screenshot("inspect_story")
    assert_nothing_executed(browser)
    browser.assert_quiet()


def test_tabs_show_text_markdown_and_the_clis_json(browser, story_report, pith_cli, tmp_path):
    browser.open(story_report)
    for tab in ("text", "markdown", "json"):
        browser.find(f".tabs button[data-tab='{tab}']").click()
        assert browser.find(f"#tab-{tab}").is_displayed()
        assert not browser.find("#tab-blocks").is_displayed()
    expected = json.loads(run(pith_cli, "extract", STORY, "--url", STORY_URL, "--format", "json").stdout)
    shown = json.loads(browser.find("#json-output").get_attribute("textContent"))
    shown["source"] = expected.get("source")  # the report names the file as it was given
    assert shown == expected
    text = run(pith_cli, "extract", STORY, "--url", STORY_URL).stdout
    assert browser.find("#text-output").get_attribute("textContent").strip() == text.strip()
    browser.find(".tabs button[data-tab='markdown']").click()
    assert browser.find("#markdown-rendered h1").text == "Moon rover finds ice"
    assert len(browser.find_all("#markdown-rendered p")) >= 3
    browser.screenshot("inspect_story_markdown")
    assert_nothing_executed(browser)
    browser.assert_quiet()


def test_index_of_several_reports_sorts_by_what_is_wrong(browser, pith_cli, tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>Shell</title></head><body><nav><a href=/>Home</a></nav>"
                     "<script>document.write('x')</script></body></html>", encoding="utf-8")
    out = tmp_path / "reports"
    run(pith_cli, "inspect", STORY, empty, PAGES / "clean_text.txt", "-o", f"{out}/")
    assert sorted(p.name for p in out.iterdir()) == ["clean_text.txt.html", "empty.html.html", "hostile_story.html.html", "index.html"]
    browser.open(out / "index.html")
    rows = browser.find_all("#index tbody tr")
    assert len(rows) == 3
    headers = {h.text.strip(): h for h in browser.find_all("#index th")}
    headers["text chars"].click()
    first = browser.find_all("#index tbody tr")[0]
    assert "empty.html" in first.find_element("css selector", "td").text
    assert "empty" in first.get_attribute("class")
    headers["confidence"].click()
    headers["confidence"].click()
    assert "clean_text.txt" in browser.find_all("#index tbody tr")[0].text  # a text page: confidence 1
    browser.screenshot("inspect_index")
    browser.assert_quiet()
    # Each row links to its report, which opens from disk.
    browser.find("#index a[href='clean_text.txt.html']").click()
    kept = [b.text for b in browser.find_all(".blk.kept .txt")]
    assert any(t.startswith("The rover drilled") for t in kept)
    reasons = {b.get_attribute("data-rule") for b in browser.find_all(".blk.dropped")}
    assert "navigation" in reasons and "share" in reasons
    browser.assert_quiet()


def test_one_record_of_a_warc(browser, pith_cli, tmp_path):
    pages = [("https://a.example/one", STORY.read_bytes()),
             ("https://b.example/two", b"<html><body><article><p>" + b"Second page text. " * 20 +
              b"</p></article></body></html>")]
    warc = bytearray()
    offsets = []
    for i, (url, body) in enumerate(pages):
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
        head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:0000000{i}>\r\n"
                f"WARC-Target-URI: {url}\r\nWARC-Date: 2024-05-01T00:00:00Z\r\n"
                f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
        offsets.append(len(warc))
        warc += head + http + b"\r\n\r\n"
    path = tmp_path / "crawl.warc"
    path.write_bytes(bytes(warc))
    by_url = tmp_path / "by_url.html"
    run(pith_cli, "inspect", path, "--url", "https://b.example/two", "-o", by_url)
    by_offset = tmp_path / "by_offset.html"
    run(pith_cli, "inspect", path, "--record", offsets[1], "-o", by_offset)
    for report in (by_url, by_offset):
        browser.open(report)
        assert browser.find("#url").text == "https://b.example/two"
        assert browser.find(".blk.kept .txt").text.startswith("Second page text.")
    many = subprocess.run([pith_cli, "inspect", str(path), "-o", str(tmp_path / "x.html")],
                          capture_output=True, text=True, timeout=TIMEOUT)
    assert many.returncode == 2 and "--record" in many.stderr
    browser.assert_quiet()
