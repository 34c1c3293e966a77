#!/usr/bin/env python3
"""trafilatura baseline for pith's benchmark (bench/run.py runs it only where
`import trafilatura` works; it is not a dependency).

    extract.py --list PAGES.txt [--truth truth.jsonl] -o OUT.jsonl [--stats STATS.json]

Same contract as bench/readability/extract.js: pages in the given order, gunzipped when they
end in .gz, `trafilatura.extract(html_bytes, url=..., output_format="json",
with_metadata=True)` with default settings, one JSONL row {"id", "text", "title", "author",
"date"} per page; only the processing loop is timed, and a one-line JSON summary goes to
stderr and --stats. Single process, one thread.
"""
import argparse
import gzip
import json
import os
import re
import sys
import time

import trafilatura


def page_id(p):
    return re.sub(r"\.(html?\.gz|html?)$", "", os.path.basename(p), flags=re.I)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", nargs="*")
    ap.add_argument("--list")
    ap.add_argument("--truth")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--stats")
    a = ap.parse_args()
    pages = list(a.pages)
    if a.list:
        with open(a.list) as f:
            pages += [line.strip() for line in f if line.strip()]
    urls = {}
    if a.truth:
        with open(a.truth, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    if r.get("url"):
                        urls[str(r["id"])] = r["url"]
    n = nbytes = nbytes_gz = nulls = errors = 0
    read_s = 0.0
    with open(a.output, "w", encoding="utf-8") as out:
        t0 = time.perf_counter()
        for p in pages:
            pid = page_id(p)
            r0 = time.perf_counter()
            with open(p, "rb") as f:
                raw = f.read()
            if p.endswith(".gz"):
                nbytes_gz += len(raw)
                raw = gzip.decompress(raw)
            read_s += time.perf_counter() - r0
            n += 1
            nbytes += len(raw)
            row = {"id": pid, "text": "", "title": None, "author": None, "date": None}
            try:
                res = trafilatura.extract(raw, url=urls.get(pid), output_format="json", with_metadata=True)
                if res:
                    d = json.loads(res)
                    row.update(text=d.get("text") or "", title=d.get("title"), author=d.get("author"),
                               date=d.get("date"))
                else:
                    nulls += 1
            except Exception as e:  # one bad page must not stop the run
                errors += 1
                row["error"] = str(e)[:200]
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        seconds = time.perf_counter() - t0
    stats = {"tool": "trafilatura", "version": getattr(trafilatura, "__version__", None),
             "python": sys.version.split()[0], "pages": n, "bytes": nbytes, "bytes_gz": nbytes_gz,
             "seconds": seconds, "seconds_read": read_s,
             "pages_per_s": n / seconds if seconds else None,
             "mb_per_s": nbytes / 1e6 / seconds if seconds else None,
             "null_results": nulls, "errors": errors}
    line = json.dumps(stats)
    print(line, file=sys.stderr)
    if a.stats:
        with open(a.stats, "w") as f:
            f.write(line + "\n")


if __name__ == "__main__":
    main()
