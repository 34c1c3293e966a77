#!/usr/bin/env python3
"""`pith wet` output (source + text) -> the benchmark input: {"id", "url", "text"} per page, ids
from the file names, URLs from the set's truth.jsonl (where the set has them)."""
import json
import os
import sys

set_dir = sys.argv[1]
urls = {}
with open(os.path.join(set_dir, "truth.jsonl"), encoding="utf-8") as f:
    for line in f:
        t = json.loads(line)
        urls[t["id"]] = t.get("url") or ""
for line in sys.stdin:
    r = json.loads(line)
    name = os.path.basename(r["source"])
    for ext in (".gz", ".html", ".htm"):
        if name.endswith(ext):
            name = name[: -len(ext)]
    print(json.dumps({"id": name, "url": urls.get(name, ""), "text": r["text"]}, ensure_ascii=False))
