#!/usr/bin/python3
"""How much of pith's Markdown a CommonMark parser reads as pith meant it.

  tools/markdown_check.py [--pith build/pith] [--sample 300] [SET ...]   (default: dev wcxb-dev)

For each page of ../shared/bench/SET/pages (or an evenly spaced sample of --sample pages) it runs
`pith extract PAGE --format markdown`, counts the blocks pith wrote by their markers (heading
lines starting with '#', list item markers '-' / 'N.', with or without the space CommonMark wants
after a marker, runs of '|' table lines, ``` fences), and parses the same text with cmark-gfm
(`-e table -t xml`) to count the headings, list items, tables and code blocks it finds, and the
raw HTML it finds (pith never means to write any). Needs the Debian package cmark-gfm.
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = ("heading", "item", "table", "code_block")

# A line's container prefix: quote markers and indentation (list continuations).
PREFIX = re.compile(r"^(?:[ ]*>[ ]?)*[ ]*")
# A marker followed by a space (CommonMark) or, as pith wrote before, directly by a letter; not
# by a digit or sign, which is text ("#1", "-0.3", "70.07%") in either case.
ITEM = re.compile(r"^(?:-|\d{1,9}\.)(?= |[^\W\d_])")
HEADING = re.compile(r"^#{1,6}(?= |[^\W\d_])")
FENCE = re.compile(r"^(`{3,})")


def written_blocks(markdown):
    """Blocks pith wrote, counted by their markers (old and new style alike)."""
    counts = dict.fromkeys(KINDS, 0)
    fence = None
    in_table = False
    for line in markdown.split("\n"):
        body = line[PREFIX.match(line).end():]
        if fence:
            if body.startswith(fence) and body.strip("`") == "":
                fence = None
            continue
        m = FENCE.match(body)
        if m:
            fence = m.group(1)
            counts["code_block"] += 1
            in_table = False
            continue
        if body.startswith("|"):
            counts["table"] += not in_table
            in_table = True
            continue
        in_table = False
        # "- - a": an item whose first block is another list.
        while True:
            m = ITEM.match(body)
            if not m or (body[:1] == "-" and body.strip(" -") == ""):  # a line of dashes is a rule
                break
            counts["item"] += 1
            body = body[m.end():].lstrip(" ")
        if HEADING.match(body):
            counts["heading"] += 1
    return counts


def parsed_blocks(markdown):
    out = subprocess.run(["cmark-gfm", "-e", "table", "-t", "xml"], input=markdown.encode(), capture_output=True,
                         check=True).stdout
    root = ET.fromstring(out)
    counts = dict.fromkeys(KINDS + ("html",), 0)
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in counts:
            counts[tag] += 1
        elif tag in ("html_block", "html_inline"):
            counts["html"] += 1
    return counts


def check_page(pith, path):
    r = subprocess.run([pith, "extract", path, "--format", "markdown"], capture_output=True)
    md = r.stdout.decode("utf-8", "replace")
    return written_blocks(md), parsed_blocks(md)


def pages_of(set_dir, sample):
    pages = sorted(os.path.join(set_dir, "pages", p) for p in os.listdir(os.path.join(set_dir, "pages")))
    if sample and len(pages) > sample:
        pages = [pages[i * len(pages) // sample] for i in range(sample)]
    return pages


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", default=["dev", "wcxb-dev"])
    ap.add_argument("--pith", default=os.path.join(TOP, "build", "pith"))
    ap.add_argument("--sample", type=int, default=300, help="pages per set, evenly spaced (0: all)")
    ap.add_argument("--shared", default=os.path.join(TOP, "..", "shared"))
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args()
    bench = os.path.join(args.shared, "bench")
    if not os.path.isdir(bench):
        print(f"markdown_check: {bench} not found; nothing to check", file=sys.stderr)
        return 0
    print("| set (pages) | headings read / written | list items read / written | tables read / written | "
          "code blocks read / written | raw HTML read |")
    print("|---|---:|---:|---:|---:|---:|")
    for s in args.sets:
        pages = pages_of(os.path.join(bench, s), args.sample)
        written = dict.fromkeys(KINDS, 0)
        parsed = dict.fromkeys(KINDS + ("html",), 0)
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            for w, p in pool.map(lambda path: check_page(args.pith, path), pages):
                for k in w:
                    written[k] += w[k]
                for k in p:
                    parsed[k] += p[k]
        cells = " | ".join(f"{parsed[k]:,} / {written[k]:,}" for k in KINDS)
        print(f"| {s} ({len(pages)}) | {cells} | {parsed['html']:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
