#!/usr/bin/python3
"""Differential run of pith's two parsers: the visible text of every page (`pith wet`) as
libxml2 and as pith's HTML5 parser build it, compared as bags of words per page.

    tools/parser_diff.py SET_DIR [--pith build/pith] [--show N] [--check EXPLAINED]

Prints the pages whose visible words differ, with the words only one parser shows. With
--check, every differing page must be listed in EXPLAINED (lines "PAGE_ID  reason"); exit 1
on a page that differs with no explanation, or an explained page that no longer differs.
Exit 77 (skipped) when SET_DIR is absent. ctest runs it on dev (tests/html/parser_differences.txt).
"""
import argparse, collections, json, os, subprocess, sys, tempfile


def visible(pith, pages, parser, out):
    subprocess.run([pith, "wet", pages, "--parser", parser, "-o", out], check=False)
    res = {}
    with open(out, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            pid = os.path.basename(r["source"]).split(".")[0]
            res[pid] = r["text"]
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("set_dir")
    ap.add_argument("--pith", default=os.path.join(os.path.dirname(__file__), "..", "build", "pith"))
    ap.add_argument("--show", type=int, default=8, help="words shown per side and page")
    ap.add_argument("--check", help="file of explained differences: PAGE_ID reason")
    a = ap.parse_args()
    if not os.path.isdir(a.set_dir):
        print(f"parser_diff: {a.set_dir} not found; nothing to compare (skipped)")
        return 77
    pages = os.path.join(a.set_dir, "pages")
    with tempfile.TemporaryDirectory() as tmp:
        lx = visible(a.pith, pages, "libxml2", os.path.join(tmp, "lx.jsonl"))
        h5 = visible(a.pith, pages, "html5", os.path.join(tmp, "h5.jsonl"))
    differ = {}
    for pid in sorted(set(lx) | set(h5)):
        wa = collections.Counter(lx.get(pid, "").split())
        wb = collections.Counter(h5.get(pid, "").split())
        if wa != wb:
            differ[pid] = (wa - wb, wb - wa, sum(wa.values()))
    print(f"{a.set_dir}: {len(lx)} pages, {len(differ)} with different visible words")
    for pid, (only_lx, only_h5, total) in differ.items():
        def show(c):
            return " ".join(list(c.elements())[: a.show])
        print(f"  {pid}: {sum(only_lx.values())} words only libxml2, {sum(only_h5.values())} only html5 (of {total})")
        if only_lx:
            print(f"    libxml2: {show(only_lx)}")
        if only_h5:
            print(f"    html5:   {show(only_h5)}")
    if not a.check:
        return 0
    explained = {}
    with open(a.check, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                pid, _, why = line.partition(" ")
                explained[pid] = why.strip()
    bad = [p for p in differ if p not in explained]
    stale = [p for p in explained if p not in differ]
    for p in bad:
        print(f"parser_diff: {p}: visible text differs between the parsers, with no explanation in {a.check}")
    for p in stale:
        print(f"parser_diff: {p}: listed in {a.check} but no longer differs; remove it")
    return 1 if bad or stale else 0


if __name__ == "__main__":
    sys.exit(main())
