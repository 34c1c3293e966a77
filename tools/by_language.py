#!/usr/bin/env python3
"""F1 of a benchmark set by language of the truth text.

    tools/by_language.py SET_DIR PRED.jsonl [PRED2.jsonl ...] [--pith build/pith]

The language of a page is CLD2's verdict on its truth text, through `pith run --recipe none`
(the truth does not change between runs, so the groups stay the same when the predictions do);
a page whose truth is empty, or that CLD2 leaves unknown, is grouped by its script (Han, kana,
Hangul, Thai, Arabic, Cyrillic, Latin). Each language's F1 is computed as score.py computes a
set's: the mean page F1 for a wordf1 set; else the harmonic mean of the mean page precision and
the mean page recall (pages with an empty prediction left out of precision, pages with empty
truth out of recall).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def script_of(text):
    counts = Counter()
    for ch in text:
        if not ch.isalpha():
            continue
        o = ord(ch)
        if 0x3040 <= o <= 0x30FF:
            counts["ja"] += 1
        elif 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF:
            counts["zh"] += 1
        elif 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF:
            counts["ko"] += 1
        elif 0x0E00 <= o <= 0x0E7F:
            counts["th"] += 1
        elif 0x0600 <= o <= 0x06FF:
            counts["arabic-script"] += 1
        elif 0x0400 <= o <= 0x04FF:
            counts["cyrillic-script"] += 1
        else:
            counts["latin-script"] += 1
    if not counts:
        return "empty"
    if counts["ja"] > 0.05 * sum(counts.values()):
        return "ja"
    return counts.most_common(1)[0][0]


def languages(set_dir, pith):
    """id -> language of the truth text (CLD2 through pith run, else the script)."""
    truth = [json.loads(l) for l in open(os.path.join(set_dir, "truth.jsonl"), encoding="utf-8") if l.strip()]
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "truth.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for r in truth:
                if r.get("text"):
                    f.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
        dst = os.path.join(tmp, "out")
        subprocess.run([pith, "run", src, "-o", dst, "--recipe", "none", "--lang", "all", "--no-clean", "--no-dedup",
                        "--no-pii", "--format", "jsonl", "-q", "-j", "1"], check=True)
        for name in os.listdir(dst):
            if not name.endswith(".jsonl"):
                continue
            for line in open(os.path.join(dst, name), encoding="utf-8"):
                d = json.loads(line)
                meta = d.get("metadata") or {}
                lang = meta.get("lang") or d.get("lang")
                if lang and lang != "un":
                    out[str(d.get("id"))] = lang.split("-")[0]
    for r in truth:
        out.setdefault(str(r["id"]), script_of(r.get("text") or ""))
    return out


def per_page(set_dir, pred):
    score = os.path.join(os.path.dirname(os.path.abspath(set_dir.rstrip("/"))), "score.py")
    res = subprocess.run(["/usr/bin/python3", score, set_dir, pred, "--json", "--per-page", "100000",
                          "--n-bootstrap", "2"], capture_output=True, text=True, check=True).stdout
    r = json.loads(res)["results"][0]
    return r["mode"], r["worst"]


def f1_of(rows, mode):
    if mode == "wordf1":  # mean per-page F1
        return sum(r["f1"] for r in rows) / len(rows) if rows else 0.0
    ps = [r["precision"] for r in rows if r.get("pred_tokens", 1) > 0]
    rs = [r["recall"] for r in rows if r.get("truth_tokens", 1) > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("set_dir")
    ap.add_argument("preds", nargs="+")
    ap.add_argument("--pith", default=os.path.join(TOP, "build", "pith"))
    ap.add_argument("--min-pages", type=int, default=2, help="languages with fewer pages are pooled as 'other'")
    a = ap.parse_args()
    lang = languages(a.set_dir, a.pith)
    tables = []
    for pred in a.preds:
        groups = defaultdict(list)
        mode, rows = per_page(a.set_dir, pred)
        for row in rows:
            groups[lang.get(str(row["id"]), "?")].append(row)
        tables.append((mode, groups))
    sizes = Counter(lang.values())
    names = sorted({k for _, t in tables for k in t}, key=lambda k: (-sizes[k], k))
    big = [k for k in names if sizes[k] >= a.min_pages]
    small = [k for k in names if sizes[k] < a.min_pages]
    header = f"{'language':<16}{'pages':>6}" + "".join(f"{os.path.basename(p)[:14]:>16}" for p in a.preds)
    print(header)
    for k in big + (["other"] if small else []):
        keys = [k] if k != "other" else small
        n = sum(sizes[x] for x in keys)
        cells = "".join(f"{f1_of([r for x in keys for r in t.get(x, [])], m):>16.3f}" for m, t in tables)
        label = k if k != "other" else "other(" + ",".join(small) + ")"
        print(f"{label[:16]:<16}{n:>6}{cells}")
    print(f"{'all':<16}{len(lang):>6}" + "".join(f"{f1_of([r for v in t.values() for r in v], m):>16.3f}" for m, t in tables))


if __name__ == "__main__":
    sys.exit(main())
