"""A pith.Record is extracted as `pith extract` extracts the same WARC record: its crawl date and
Content-Language header reach the library (PageInfo), not only its bytes, and a response that
is no page is an Error value with the reason the CLI counts it under."""
import gzip
import json
import subprocess

import pith
from conftest import warc_record

# No lang attribute and no language meta: only the HTTP header can name the language.
PAGE = (
    "<!doctype html><html><head><meta charset=utf-8><title>Die Sitzung des Gemeinderats</title></head><body>"
    "<article><h1>Die Sitzung des Gemeinderats</h1><p>Der Gemeinderat hat am Dienstag lange über den neuen "
    "Haushalt der Bibliotheken beraten und beschlossen, sie auch am Sonntag zu öffnen.</p><p>Mehrere Bürger "
    "sagten in der Sitzung, die Bibliotheken seien einer der wenigen ruhigen Orte der Stadt.</p></article>"
    "</body></html>"
).encode()

# A page dated after its crawl (WARC-Date 2024-03-21) but before today: impossible only once the
# record's date reaches the library.
FUTURE = (
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>Council meeting</title>"
    "<meta property='article:published_time' content='2025-05-02T09:00:00Z'></head><body><article>"
    "<h1>Council meeting</h1><p>The council met on Tuesday to discuss the new budget for the town's libraries, and "
    "agreed to keep them open on Sundays.</p><p>Residents who spoke at the meeting said the libraries were among "
    "the few quiet places left in town.</p></article></body></html>"
).encode()


def response(status, headers, html):
    head = f"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\n{headers}\r\n".encode()
    return head + html


def write_warc(path, responses):
    out = bytearray()
    for i, (url, block) in enumerate(responses):
        out += gzip.compress(warc_record("response", url, block, "application/http; msgtype=response",
                                         f"00000000-0000-0000-0000-{i:012d}"))
    path.write_bytes(bytes(out))


def cli_records(cli, path):
    out = subprocess.run([cli, "extract", str(path), "--format", "jsonl", "-j", "1", "-q"], check=False,
                         capture_output=True).stdout.decode("utf-8")
    records = [json.loads(line) for line in out.split("\n") if line.strip()]
    for r in records:
        r.pop("source")
    return records


def test_records_carry_status_date_and_language(cli, tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [
        ("https://example.com/de/sitzung", response("200 OK", "Content-Language: de-DE\r\n", PAGE)),
        ("https://example.com/gone", response("404 Not Found", "", PAGE)),
        ("https://example.com/council", response("200 OK", "", FUTURE)),
    ])
    want = cli_records(cli, warc)
    assert len(want) == 2, "the CLI extracts the two 200 responses and counts the 404 as not a page"
    results = list(pith.extract_many(pith.read(str(warc))))
    assert isinstance(results[1], pith.Error) and results[1].code == "http_status"
    got = [results[0], results[2]]
    assert got == want
    german, future = got
    assert (german["lang"], german["lang_source"]) == ("de", "http")
    assert future["date"] is None, "a date after the record's WARC-Date is impossible"


def test_language_argument():
    d = pith.extract(PAGE, "https://example.com/de/sitzung", language="de")
    assert (d["lang"], d["lang_source"]) == ("de", "http")
    [m] = list(pith.extract_many([{"html": PAGE, "language": "de"}]))
    assert m == pith.extract(PAGE, language="de")
    plain = pith.extract(PAGE)
    assert plain["lang_source"] != "http"
