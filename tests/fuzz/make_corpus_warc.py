#!/usr/bin/env python3
"""Writes the seed inputs of tests/fuzz/corpus-warc (run from anywhere; rewrites the seed-* files).

Each input is one byte of option bits, then a crawl file (see fuzz_warc.cpp): WARC 1.0/1.1,
WARC/0.18, ARC, per-record and whole-file gzip, zstd (when the zstd tool is there), and one file
for each fault class the reader must survive without losing the good records around it."""
import gzip
import os
import shutil
import subprocess

HTML = b"<!doctype html><html><head><title>Seed</title></head><body><p>A short page for the seed.</p></body></html>"


def http(body, extra=b""):
    return (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + extra +
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)


def warc(typ, block, rid, version=b"WARC/1.1", length=None, uri=b"https://example.com/"):
    n = str(len(block)).encode() if length is None else length
    return (version + b"\r\nWARC-Type: " + typ + b"\r\nWARC-Record-ID: <urn:uuid:" + rid + b">\r\n"
            b"WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: " + uri + b"\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: " + n + b"\r\n\r\n" + block + b"\r\n\r\n")


def gz(data):
    return gzip.compress(data, mtime=0)


def zst(data):
    if not shutil.which("zstd"):
        return None
    return subprocess.run(["zstd", "-q", "-c"], input=data, stdout=subprocess.PIPE, check=True).stdout


INFO = warc(b"warcinfo", b"software: seed\r\n", b"i")
REQ = warc(b"request", b"GET / HTTP/1.1\r\nHost: example.com\r\n\r\n", b"q")
RESP = warc(b"response", http(HTML), b"r")
META = warc(b"metadata", b"fetchTimeMs: 7\r\n", b"m")
GOOD = [INFO, REQ, RESP, META]
STORED = warc(b"resource", bytes((i * 97 + 13) % 251 for i in range(3000)), b"img")  # barely compressible

arc_body = b"1 0 Seed\nURL IP-address Archive-date Content-type Archive-length\n"
ARC = (b"filedesc://seed.arc 0.0.0.0 20080101000000 text/plain " + str(len(arc_body)).encode() + b"\n" + arc_body +
       b"\nhttp://example.com/ 192.0.2.1 20080101000000 text/html " + str(len(http(HTML))).encode() + b"\n" +
       http(HTML) + b"\n")

SEEDS = {
    "warc11": b"".join(GOOD),
    "warc10": INFO.replace(b"WARC/1.1", b"WARC/1.0") + RESP.replace(b"WARC/1.1", b"WARC/1.0"),
    "warc018": INFO.replace(b"WARC/1.1", b"WARC/0.18") + RESP.replace(b"WARC/1.1", b"WARC/0.18"),
    "per-record-gzip": b"".join(gz(r) for r in GOOD),
    "whole-file-gzip": gz(b"".join(GOOD)),
    "arc": ARC,
    "arc-gzip": gz(ARC),
    "chunked-not-chunked": warc(b"response", http(HTML, b"Transfer-Encoding: chunked\r\n"), b"c"),
    "chunked": warc(b"response", b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n", b"k"),
    "cl-too-long": INFO + warc(b"request", b"GET / HTTP/1.1\r\n\r\n", b"b", length=b"200") + RESP + META,
    "cl-too-short": INFO + warc(b"metadata", b"a: b\r\nc: d\r\n", b"b", length=b"3") + RESP,
    "cl-past-eof": INFO + warc(b"response", http(HTML), b"b", length=b"123456789") + RESP,
    "cl-absurd": INFO + warc(b"warcinfo", b"x", b"b", length=b"99999999999999999999") + RESP,
    "cl-negative": warc(b"response", b"x", b"b", length=b"-1") + RESP,
    "gzip-cut-member": gz(INFO) + gz(STORED)[:1500] + gz(RESP) + gz(META),
    "gzip-fake-header": gz(INFO) + b"\x1f\x8b\x08\x04\0\0\0\0\0\xff\xff\xff" + gz(RESP) + gz(META),
    "garbage-between": RESP + b"garbage \x00\xff not a record\r\n" + META,
    "unsupported-warc09": b"WARC/0.9 1234 response http://a/ 20060101000000 <urn:x> text/html\n" + HTML,
}
z = zst(RESP)
if z:
    SEEDS["zstd"] = z + zst(META)
    SEEDS["zstd-cut-frame"] = zst(INFO) + zst(STORED)[:1000] + z

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus-warc")
os.makedirs(here, exist_ok=True)
for name, data in SEEDS.items():
    for bits in (0, 1, 6):
        with open(os.path.join(here, "seed-%s-%d" % (name, bits)), "wb") as f:
            f.write(bytes([bits]) + data)
print("wrote %d seeds to %s" % (len(SEEDS) * 3, here))
