"""pith run's report.html in a real browser (issue 14, points 2 and 4): `pith run` on a small
crawl (fixtures/report_crawl.warc: articles kept, and records dropped at read, extract, language
and dedup, one of them with hostile markup as its text and host), then the report opened from
disk in headless Chromium. The numbers on the page are checked against stats.json and the
run's output and rejects; the page must log no error, fetch nothing and run nothing."""
import gzip
import json
import pathlib
import shlex
import subprocess

FIXTURE = pathlib.Path(__file__).resolve().parent / "fixtures" / "report_crawl.warc"
RUN_TIMEOUT = 120  # seconds; the run takes well under one on an idle machine


def run_pith(pith_cli, out_dir, rejects):
    proc = subprocess.run([pith_cli, "run", str(FIXTURE), "-o", str(out_dir), "-j", "2", "-q",
                           "--rejects", str(rejects)],
                          capture_output=True, text=True, timeout=RUN_TIMEOUT)
    assert proc.returncode in (0, 1), f"pith run failed ({proc.returncode}): {proc.stderr}"
    return json.loads((out_dir / "stats.json").read_text(encoding="utf-8"))


def documents(out_dir, rejects):
    """Every document the run wrote or rejected, as JSON objects."""
    docs = []
    for part in out_dir.glob("*.jsonl.gz"):
        with gzip.open(part, "rt", encoding="utf-8") as f:
            docs += [json.loads(line) for line in f]
    docs += [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    return docs


def host_of(url):
    rest = url.split("://", 1)[1] if "://" in url else ""
    for stop in "/?#":
        rest = rest.split(stop, 1)[0]
    rest = rest.rsplit("@", 1)[-1].split(":", 1)[0].rstrip(".").lower()
    return rest[4:] if rest.startswith("www.") else rest


def test_run_report_in_browser(browser, pith_cli, tmp_path):
    out_dir, rejects = tmp_path / "out", tmp_path / "rejects.jsonl"
    stats = run_pith(pith_cli, out_dir, rejects)
    report = out_dir / "report.html"
    assert report.exists(), "pith run wrote no report.html"
    docs = documents(out_dir, rejects)
    assert stats["written"] >= 3 and stats["rejected"] >= 4, stats  # the fixture's design

    browser.open(report)
    assert browser.alert_text() is None, "an alert is open: the report ran script"

    # The summary and the funnel: every stage's records in and every reason's count.
    assert browser.find("#records .value").text == str(stats["records"])
    assert browser.find("#written .value").text == str(stats["written"])
    assert browser.find("#rejected .value").text == str(stats["rejected"])
    stages = stats["stages"]
    assert len(browser.find_all("#funnel-chart g.row")) == len(stages)
    assert len(browser.find_all("#funnel-chart rect.bar")) == 2 * len(stages)
    for stage in stages:
        row = browser.find(f'#funnel-table tr.stage[data-stage="{stage["stage"]}"]')
        assert row.find_element("css selector", "td.in").get_attribute("data-value") == str(stage["in"]), stage
        bar = browser.find(f'#funnel-chart g.row[data-label="{stage["stage"]}"] rect.bar.keep')
        assert bar.get_attribute("data-value") == str(stage["kept"]), stage
    reasons = stats["rejected_by_reason"]
    assert len(browser.find_all("#funnel-table tr.reason")) == len(reasons)
    for key, count in reasons.items():
        cell = browser.find(f'#funnel-table tr.reason[data-reason="{key}"] td.count')
        assert cell.get_attribute("data-value") == str(count), key

    # Charts: one row per language, page type and host; one column per length bin, whose written
    # parts add up to the documents written.
    languages = {d["metadata"]["lang"] for d in docs if d["metadata"].get("lang")}
    assert len(browser.find_all("#languages-chart g.row")) == len(languages), languages
    page_types = {d["metadata"]["page_type"] for d in docs if d["metadata"].get("page_type")}
    assert len(browser.find_all("#page-types-chart g.row")) == len(page_types), page_types
    hosts = {host_of(d["metadata"]["url"] or "") for d in docs}
    assert len(browser.find_all("#hosts-chart g.row")) == min(50, len(hosts)), hosts
    assert len(browser.find_all("#lengths-chart g.column")) == 11
    written = sum(int(r.get_attribute("data-value")) for r in browser.find_all("#lengths-chart rect.bar.keep"))
    assert written == stats["written"]
    points = browser.find_all("#throughput-chart circle.point")
    assert len(points) >= 1
    assert str(len(points)) == browser.find("#throughput-chart").get_attribute("data-count")

    # Samples: up to three per reason of a document, each with its inspect command.
    commands = []
    for key, count in reasons.items():
        sections = browser.find_all(f'section.reason[data-reason="{key}"]')
        if key.startswith("read/warc_type:"):
            assert sections == [], key  # no documents: named once above the samples, none shown
            continue
        assert len(sections) == 1, key
        samples = sections[0].find_elements("css selector", ".sample")
        assert len(samples) == min(3, count), key
        for sample in samples:
            command = sample.find_element("css selector", "code.command").text
            assert command.startswith("pith inspect ") and " --record " in command, command
            commands.append(command)

    # Each sample's command opens that record in pith inspect.
    for n, command in enumerate(commands):
        page = tmp_path / f"inspect-{n}.html"
        argv = [pith_cli] + shlex.split(command)[1:] + ["-o", str(page)]
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=RUN_TIMEOUT)
        assert proc.returncode == 0 and page.exists(), f"{command}: {proc.returncode} {proc.stderr}"

    # The hostile record: its text and host are on the page as text, and nothing of them runs.
    page_text = browser.find("body").text
    assert "<script>alert(1)</script>" in page_text
    assert "onerror=alert(2)" in page_text
    assert 'evil"><img src=x onerror=alert(5)>.example' in page_text
    assert browser.js("return document.scripts.length") == 0
    assert browser.js("return document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert browser.js("return document.querySelectorAll('[onerror], [onload], [onclick]').length") == 0
    assert browser.js("return document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    assert browser.alert_text() is None
    browser.assert_quiet()

    browser.screenshot("report")
    browser.driver.set_window_size(1280, 2400)
    browser.screenshot("report-full")
