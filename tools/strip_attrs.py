#!/usr/bin/python3
"""Copies a benchmark set with the class and id attributes taken out of every tag.

    /usr/bin/python3 tools/strip_attrs.py SET [--mode strip|hash] [--out DIR] [--shared DIR]

Reads $shared/bench/SET/pages/*.html(.gz) and writes DIR/pages (default /tmp/blind-SET) with
every class= and id= attribute removed (--mode strip) or its value replaced by made-up hashed
tokens such as "c-3fa91b" (--mode hash: the same name gets the same token on one page, as
CSS-in-JS builds do). Every other byte of the page is kept. truth.jsonl, set.json and README.md
are copied beside it, and DIR/../blind-bench/bench/SET links to DIR, so that

    PITH_SHARED=/tmp/blind-bench OUT=/tmp/ev-blind bash tools/eval.sh SET

scores the stripped pages against the set's own truth (score.py reads the set directory). --mode hash writes
/tmp/blindhash-SET and /tmp/blindhash-bench instead.
Standard library only. Comments, <script>, <style>, <textarea> and <title> bodies are copied as is.
"""
import argparse
import gzip
import hashlib
import os
import re
import shutil
import sys

RAW_TEXT = (b"script", b"style", b"textarea", b"title", b"xmp", b"plaintext")
NAME_RE = re.compile(rb"[A-Za-z][^\s/>]*")
ATTR_NAME_RE = re.compile(rb"[^\s/>=][^\s/>=]*")
SPACE = b" \t\n\r\f"


def hashed(value, table, salt):
    out = []
    for tok in value.split():
        if tok not in table:
            table[tok] = b"c-" + hashlib.sha1(salt + tok).hexdigest()[:6].encode()
        out.append(table[tok])
    return b" ".join(out)


def rewrite_tag(data, i, mode, table, salt, out):
    """data[i] == '<' followed by a letter. Appends the rewritten tag; returns (end, tag name)."""
    m = NAME_RE.match(data, i + 1)
    name = m.group(0).lower()
    j = m.end()
    out.append(data[i:j])
    n = len(data)
    while j < n:
        k = j
        while k < n and data[k] in SPACE:
            k += 1
        if k >= n:
            out.append(data[j:k]); return k, name
        c = data[k]
        if c == 0x3E:  # '>'
            out.append(data[j:k + 1]); return k + 1, name
        if c == 0x2F:  # '/'
            out.append(data[j:k + 1]); j = k + 1; continue
        am = ATTR_NAME_RE.match(data, k)
        if not am:  # stray '=' etc.
            out.append(data[j:k + 1]); j = k + 1; continue
        aname = am.group(0).lower()
        e = am.end()
        # optional  = value
        v = e
        while v < n and data[v] in SPACE:
            v += 1
        val_start = val_end = None
        if v < n and data[v] == 0x3D:  # '='
            v += 1
            while v < n and data[v] in SPACE:
                v += 1
            if v < n and data[v] in b"\"'":
                q = data[v]
                close = data.find(bytes([q]), v + 1)
                if close < 0:
                    close = n - 1
                val_start, val_end, e = v + 1, close, close + 1
            else:
                w = v
                while w < n and data[w] not in SPACE and data[w] != 0x3E:
                    w += 1
                val_start, val_end, e = v, w, w
        if aname in (b"class", b"id"):
            if mode == "hash" and val_start is not None and data[val_start:val_end].strip():
                out.append(data[j:k] + aname + b'="' + hashed(data[val_start:val_end], table, salt) + b'"')
            else:  # strip: keep the white space before it, so "a=b class=c/>" stays "a=b />"
                out.append(data[j:k])
        else:
            out.append(data[j:e])
        j = e
    return n, name


def rewrite(data, mode, salt=b""):
    out, table = [], {}
    i, n, last = 0, len(data), 0
    while True:
        i = data.find(b"<", i)
        if i < 0 or i + 1 >= n:
            break
        nxt = data[i + 1:i + 2]
        if data.startswith(b"<!--", i):
            e = data.find(b"-->", i + 4)
            i = n if e < 0 else e + 3
            continue
        if nxt in (b"!", b"?", b"/") or not nxt.isalpha():
            i += 1
            continue
        out.append(data[last:i])
        end, name = rewrite_tag(data, i, mode, table, salt, out)
        i = last = end
        if name in RAW_TEXT:
            close = re.compile(rb"</" + re.escape(name) + rb"[\s/>]", re.I).search(data, i)
            if close:
                out.append(data[i:close.start()])
                i = last = close.start()
    out.append(data[last:])
    return b"".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set")
    ap.add_argument("--mode", choices=("strip", "hash"), default="strip")
    ap.add_argument("--out")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
    a = ap.parse_args()
    src = os.path.join(a.shared, "bench", a.set)
    if not os.path.isdir(src):
        sys.exit(f"strip_attrs: {src} not found")
    prefix = "/tmp/blind" if a.mode == "strip" else "/tmp/blindhash"
    out = a.out or f"{prefix}-{a.set}"
    os.makedirs(os.path.join(out, "pages"), exist_ok=True)
    for f in ("truth.jsonl", "set.json", "README.md"):
        if os.path.isfile(os.path.join(src, f)):
            shutil.copyfile(os.path.join(src, f), os.path.join(out, f))
    count = 0
    for f in sorted(os.listdir(os.path.join(src, "pages"))):
        p = os.path.join(src, "pages", f)
        gz = f.endswith(".gz")
        with (gzip.open if gz else open)(p, "rb") as fh:
            data = fh.read()
        new = rewrite(data, a.mode, f.encode())
        with (gzip.open if gz else open)(os.path.join(out, "pages", f), "wb") as fh:
            fh.write(new)
        count += 1
    link_dir = os.path.join(f"{prefix}-bench", "bench")
    os.makedirs(link_dir, exist_ok=True)
    link = os.path.join(link_dir, a.set)
    if os.path.islink(link):
        os.remove(link)
    if not os.path.exists(link):
        os.symlink(os.path.abspath(out), link)
    scorer = os.path.join(a.shared, "bench", "score.py")
    if not os.path.exists(os.path.join(link_dir, "score.py")):
        os.symlink(os.path.abspath(scorer), os.path.join(link_dir, "score.py"))
    print(f"strip_attrs: {count} pages -> {out}/pages ({a.mode}); PITH_SHARED={os.path.dirname(link_dir)}")


if __name__ == "__main__":
    main()
