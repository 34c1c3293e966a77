#!/usr/bin/env python3
"""Lines of pith's text that the truth does not have (and truth lines pith missed).
   extra_lines.py SET_DIR PRED.jsonl ID_PREFIX"""
import json, re, sys
set_dir, pred, pid = sys.argv[1:4]
tok = lambda s: re.findall(r"\w+", s.lower())
truth = next(json.loads(l) for l in open(set_dir + "/truth.jsonl") if json.loads(l)["id"].startswith(pid))
p = next(json.loads(l) for l in open(pred) if json.loads(l)["id"].startswith(pid))
tt = " ".join(tok(truth["text"]))
pt = " ".join(tok(p["text"] or ""))
print("EXTRA:")
for line in (p["text"] or "").split("\n"):
    t = " ".join(tok(line))
    if t and t not in tt: print("  +", line[:150])
print("MISSED:")
for line in truth["text"].split("\n"):
    t = " ".join(tok(line))
    if t and t not in pt: print("  -", line[:150])
