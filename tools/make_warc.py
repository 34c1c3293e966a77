#!/usr/bin/env python3
"""Writes a WARC/1.1 file of HTTP response records from a folder of pages (<id>.html[.gz]),
e.g. the pages of ../shared/bench, for pith run's tests and benchmarks.

  tools/make_warc.py ../shared/bench/dev/pages out.warc.gz             # gzip per record
  tools/make_warc.py PAGES big.warc --min-bytes 2e9                    # repeat to 2 GB, plain
  tools/make_warc.py PAGES cc.warc.gz --cc-like                        # + request/metadata records
  pith wet PAGES -f jsonl -o wet.jsonl && tools/make_warc.py PAGES x.warc.wet.gz --wet-from wet.jsonl

Each record gets a distinct WARC-Record-ID, and each repeat of a page a distinct URL
(?rep=N), so exact dedup sees the same text again: that is what repeats are for. With
--cc-like, a warcinfo record comes first and each response has a request before it and a
metadata record after it, as in Common Crawl's WARC files.
"""
import argparse
import datetime
import gzip
import json
import os
import sys
import uuid


def record(warc_type, headers, block):
    lines = ["WARC/1.1", f"WARC-Type: {warc_type}"]
    lines += [f"{k}: {v}" for k, v in headers]
    lines.append(f"Content-Length: {len(block)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def write_wet(a):
    """WET: a warcinfo record, then one conversion record (text/plain) per page."""
    compress = a.out.endswith(".gz")
    n = 0
    with open(a.out, "wb") as out, open(a.wet_from, encoding="utf-8") as src:
        def put(b):
            out.write(gzip.compress(b, compresslevel=a.level, mtime=0) if compress else b)
        put(record("warcinfo", [("WARC-Date", "2024-01-01T00:00:00Z"), ("WARC-Record-ID", "<urn:uuid:0>"),
                                ("Content-Type", "application/warc-fields")], b"software: pith tools/make_warc.py\r\n"))
        for line in src:
            o = json.loads(line)
            n += 1
            name = os.path.basename(o.get("source", str(n))).split(".")[0]
            put(record("conversion", [("WARC-Date", "2024-01-01T00:00:00Z"),
                                      ("WARC-Record-ID", f"<urn:uuid:{uuid.UUID(int=n)}>"),
                                      ("WARC-Target-URI", f"https://example.com/{name}"),
                                      ("Content-Type", "text/plain")], (o.get("text") or "").encode()))
    print(f"{a.out}: {n} conversion records", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", help="folder of <id>.html or <id>.html.gz files")
    ap.add_argument("out", help="output .warc, .warc.gz (one gzip member per record)")
    ap.add_argument("--truth", help="truth.jsonl with url per id (default: PAGES/../truth.jsonl)")
    ap.add_argument("--min-bytes", type=float, default=0, help="repeat the pages until the WARC is this large")
    ap.add_argument("--repeat", type=int, default=1, help="repeat the pages this many times (at least)")
    ap.add_argument("--cc-like", action="store_true", help="add warcinfo, request and metadata records")
    ap.add_argument("--level", type=int, default=6, help="gzip level")
    ap.add_argument("--wet-from", metavar="JSONL",
                    help="write a WET file instead: conversion records from `pith wet -f jsonl` output")
    a = ap.parse_args()
    if a.wet_from:
        return write_wet(a)

    names = sorted(n for n in os.listdir(a.pages) if n.endswith((".html", ".html.gz", ".htm")))
    urls = {}
    truth = a.truth or os.path.join(os.path.dirname(os.path.abspath(a.pages.rstrip("/"))), "truth.jsonl")
    if os.path.exists(truth):
        with open(truth, encoding="utf-8") as f:
            for line in f:
                o = json.loads(line)
                if o.get("url"):
                    urls[str(o["id"])] = o["url"]
    pages = []
    for n in names:
        p = os.path.join(a.pages, n)
        data = open(p, "rb").read()
        if n.endswith(".gz"):
            data = gzip.decompress(data)
        pid = n.split(".")[0]
        pages.append((pid, urls.get(pid, f"https://example.com/{pid}"), data))

    compress = a.out.endswith(".gz")
    out = open(a.out, "wb")
    written = 0
    rng = uuid.UUID(int=0x5EED)  # ids from a counter: the same file every time

    def put(b):
        nonlocal written
        if compress:
            b = gzip.compress(b, compresslevel=a.level, mtime=0)
        out.write(b)
        written += len(b)

    counter = 0

    def rid():
        nonlocal counter
        counter += 1
        return f"<urn:uuid:{uuid.UUID(int=rng.int + counter)}>"

    date = "2024-01-01T00:00:00Z"
    if a.cc_like:
        info = b"software: pith tools/make_warc.py\r\nformat: WARC File Format 1.1\r\n"
        put(record("warcinfo", [("WARC-Date", date), ("WARC-Record-ID", rid()), ("Content-Type", "application/warc-fields")], info))
    rep = 0
    while rep < a.repeat or written < a.min_bytes:
        for pid, url, html in pages:
            u = url if rep == 0 else url + ("&" if "?" in url else "?") + f"rep={rep}"
            http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + str(len(html)).encode() +
                    b"\r\n\r\n" + html)
            resp_id = rid()
            if a.cc_like:
                req = f"GET / HTTP/1.1\r\nHost: {u.split('/')[2] if '//' in u else 'example.com'}\r\n\r\n".encode()
                put(record("request", [("WARC-Date", date), ("WARC-Record-ID", rid()), ("WARC-Target-URI", u),
                                       ("Content-Type", "application/http; msgtype=request")], req))
            put(record("response", [("WARC-Date", date), ("WARC-Record-ID", resp_id), ("WARC-Target-URI", u),
                                    ("Content-Type", "application/http; msgtype=response")], http))
            if a.cc_like:
                meta = b"fetchTimeMs: 100\r\n"
                put(record("metadata", [("WARC-Date", date), ("WARC-Record-ID", rid()), ("WARC-Target-URI", u),
                                        ("WARC-Concurrent-To", resp_id), ("Content-Type", "application/warc-fields")], meta))
            if a.min_bytes and written >= a.min_bytes and rep + 1 >= a.repeat:
                break
        rep += 1
    out.close()
    print(f"{a.out}: {written} bytes, {counter} records, {rep} pass(es) over {len(pages)} pages", file=sys.stderr)


if __name__ == "__main__":
    main()
