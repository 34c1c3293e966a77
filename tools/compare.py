#!/usr/bin/env python3
"""Pages whose F1 changed most between two prediction files: compare.py SET OLD.jsonl NEW.jsonl [N]"""
import json, subprocess, sys
set_dir, old, new = sys.argv[1:4]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 15
score = sys.argv[5] if len(sys.argv) > 5 else set_dir.rstrip("/").rsplit("/", 1)[0] + "/score.py"
def per_page(pred):
    out = subprocess.run(["/usr/bin/python3", score, set_dir, pred, "--json", "--per-page", "100000", "--n-bootstrap", "2"],
                         capture_output=True, text=True, check=True).stdout
    return {w["id"]: w for w in json.loads(out)["results"][0]["worst"]}
a, b = per_page(old), per_page(new)
diffs = sorted(((b[k]["f1"] - a[k]["f1"], k) for k in a if k in b), key=lambda x: x[0])
print("worse:")
for d, k in diffs[:n]:
    if d < 0: print(f"  {d:+.3f} {k} {a[k]['f1']:.3f}->{b[k]['f1']:.3f} {b[k].get('type') or ''} {b[k].get('url') or ''}")
print("better:")
for d, k in diffs[::-1][:n]:
    if d > 0: print(f"  {d:+.3f} {k} {a[k]['f1']:.3f}->{b[k]['f1']:.3f} {b[k].get('type') or ''} {b[k].get('url') or ''}")
