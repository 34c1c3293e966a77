#!/usr/bin/env python3
"""pith clean --format jsonl output -> score.py predictions: id, text, title and date (from `pith`)."""
import json
import sys

for line in sys.stdin:
    r = json.loads(line)
    p = r.get("pith") or {}
    print(json.dumps({"id": r["id"], "text": r.get("text") or "", "title": p.get("title"), "date": p.get("date")},
                     ensure_ascii=False))
