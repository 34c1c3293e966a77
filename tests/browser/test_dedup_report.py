"""pith dedup's report.html in a real browser (issue 14): `pith dedup` on two small run folders
(exact copies, a near copy, unique documents, and a folder whose name is hostile markup), then
the report opened from disk in headless Chromium. The numbers on the page are checked against
stats.json and the rejects; the page must log no error, fetch nothing and run nothing."""
import collections
import gzip
import json
import subprocess

RUN_TIMEOUT = 120  # seconds; the dedup takes well under one on an idle machine
HOSTILE = 'run<img src=x onerror=alert(1)>'


def letters(n):
    """n as a word of letters (dedup's normalisation drops digits)."""
    word = ""
    while True:
        word += "abcdefghijklmnopqrstuvwxyz"[n % 26]
        n //= 26
        if n == 0:
            return word


def words(seed, n=60):
    """A document of n distinct words: documents from different seeds share no 5-word shingle."""
    return " ".join(letters(seed) + "q" + letters(i) for i in range(n))


def write_part(folder, name, docs):
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{name}.jsonl", "w", encoding="utf-8") as f:
        for doc_id, text in docs:
            f.write(json.dumps({"id": doc_id, "text": text, "metadata": {}}) + "\n")
    (folder / f"{name}.done").write_text("x")


def test_dedup_report_in_browser(browser, pith_cli, tmp_path):
    base, near = words(1), words(1)[:-3] + " changed"  # one word of sixty: a near copy
    first, second = tmp_path / "run1", tmp_path / HOSTILE
    write_part(first, "a", [("1", base), ("2", base), ("3", words(2)), ("4", near)])
    write_part(second, "b", [("5", base), ("6", words(3)), ("7", words(2)), ("8", words(4))])
    out, rejects = tmp_path / "out", tmp_path / "rejects.jsonl"
    proc = subprocess.run([pith_cli, "dedup", str(first), str(second), "-o", str(out), "-q", "-j", "2",
                           "--rejects", str(rejects)], capture_output=True, text=True, timeout=RUN_TIMEOUT)
    assert proc.returncode == 0, f"pith dedup failed ({proc.returncode}): {proc.stderr}"
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    removed = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    kept = 0
    for part in out.glob("*.jsonl*"):
        opener = gzip.open if part.suffix == ".gz" else open
        with opener(part, "rt", encoding="utf-8") as f:
            kept += sum(1 for _ in f)
    # The corpus's design: 1, 2, 5 are copies and 4 a near copy of them (a cluster of four, 1
    # kept); 3 and 7 are copies (a cluster of two, 3 kept); 6 and 8 are alone.
    assert kept == 4 and len(removed) == 4, (kept, removed)
    by_reason = collections.Counter(r["reject"] for r in removed)

    report = out / "report.html"
    assert report.exists(), "pith dedup wrote no report.html"
    browser.open(report)
    assert browser.alert_text() is None, "an alert is open: the report ran script"

    # Summary cards: the same numbers as stats.json and the files.
    def card(name):
        return int(browser.find(f"#{name} .value").text.replace(",", ""))
    assert card("documents") == 8 == kept + len(removed) == stats["documents"]
    assert card("kept") == kept == stats["kept"]
    assert card("removed") == len(removed) == stats["removed"]
    assert by_reason == stats["removed_by_reason"]
    assert card("clusters") == 2

    # Removed by reason: one row per reason and one for the kept, each bar's value its count.
    rows = browser.find_all("#removed-chart g.row")
    assert len(rows) == len(by_reason) + 1, [r.get_attribute("data-label") for r in rows]
    for reason, count in by_reason.items():
        bar = browser.find(f'#removed-chart g.row[data-label="{reason}"] rect.bar')
        assert bar.get_attribute("data-value") == str(count), reason
    assert browser.find('#removed-chart g.row[data-label="kept"] rect.bar').get_attribute("data-value") == str(kept)

    # Cluster sizes: the columns hold the two clusters, one of two documents and one of four.
    values = {c.get_attribute("data-label"): int(c.find_element("css selector", "rect.bar").get_attribute("data-value"))
              for c in browser.find_all("#cluster-sizes-chart g.column")}
    assert sum(values.values()) == 2, values
    assert values.get("2") == 1, values
    assert sum(v for label, v in values.items() if label.startswith(("3", "4"))) == 1, values

    # The stages table: the candidate pairs the LSH found, as stats.json counts them.
    pairs = stats["stages"]["buckets"]["candidate_pairs"]
    assert f"candidate pairs (LSH buckets) {pairs}" in browser.find("#stages-table").text

    # The hostile folder name is on the page as text, and nothing of it runs or loads.
    assert HOSTILE in browser.find("body").text
    assert browser.js("return document.scripts.length") == 0
    assert browser.js("return document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert browser.js("return document.querySelectorAll('[onerror], [onload], [onclick]').length") == 0
    browser.assert_quiet()
    browser.screenshot("dedup-report")
