"""Shared fixtures of the Python module's tests: the CLI binary, the bench sets, sample pages."""
import gzip
import os
import pathlib
import shutil

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
BENCH = pathlib.Path(os.environ.get("PITH_BENCH_DIR", REPO.parent / "shared" / "bench"))
SETS = ("dev", "wcxb-dev")
SAMPLE = 60  # pages per set: every field of each compared, in a few seconds


def cli_path():
    """The pith binary the module was built with (ctest sets PITH_CLI), else build/pith."""
    for candidate in (os.environ.get("PITH_CLI"), REPO / "build" / "pith", shutil.which("pith")):
        if candidate and os.access(str(candidate), os.X_OK):
            return str(candidate)
    return None


@pytest.fixture(scope="session")
def cli():
    path = cli_path()
    if path is None:
        pytest.skip("no pith binary (set PITH_CLI, or build build/pith)")
    return path


def sample_pages(name, count=SAMPLE):
    """Every k-th page of a bench set, sorted by name, so the sample spans the set."""
    pages = BENCH / name / "pages"
    if not pages.is_dir():
        pytest.skip(f"{pages} is absent (the shared bench sets are not on this machine)")
    files = sorted(p for p in pages.iterdir() if p.is_file())
    step = max(1, len(files) // count)
    return files[::step][:count]


def page_bytes(path):
    """A page's HTML as the CLI reads it: gunzipped when it is gzip."""
    data = pathlib.Path(path).read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


ARTICLE = (
    "<html><head><title>A small test page</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    "<article><h1>A small test page</h1><p>The committee met on Tuesday to discuss the new budget for the town's "
    "libraries, and agreed to keep them open on Sundays.</p><p>Residents who spoke at the meeting said the "
    "libraries were among the few quiet places left in town.</p></article><footer>Copyright 2024</footer>"
    "</body></html>"
)


def warc_record(warc_type, uri, block, content_type, record_id):
    head = (
        f"WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-21T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{record_id}>\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def make_warc(path, pages):
    """A gzipped WARC of (url, html bytes) responses, each after its request record."""
    out = bytearray()
    for i, (url, html) in enumerate(pages):
        request = f"GET / HTTP/1.1\r\nHost: example.com\r\n\r\n".encode()
        response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
        out += gzip.compress(warc_record("request", url, request, "application/http; msgtype=request",
                                         f"00000000-0000-0000-0000-{2 * i:012d}"))
        out += gzip.compress(warc_record("response", url, response, "application/http; msgtype=response",
                                         f"00000000-0000-0000-0000-{2 * i + 1:012d}"))
    pathlib.Path(path).write_bytes(bytes(out))
