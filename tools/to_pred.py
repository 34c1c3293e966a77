#!/usr/bin/env python3
"""pith JSONL (with `source`) -> score.py predictions (with `id` = file name without .html.gz)."""
import json, os, sys
for line in sys.stdin:
    r = json.loads(line)
    name = os.path.basename(r.get("source") or "")
    for ext in (".gz", ".html", ".htm"):
        if name.endswith(ext):
            name = name[: -len(ext)]
    r["id"] = name
    print(json.dumps(r, ensure_ascii=False))
