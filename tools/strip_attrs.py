#!/usr/bin/python3
"""Copies a benchmark set with the class and id attributes taken out of every tag.

    /usr/bin/python3 tools/strip_attrs.py SET [--mode strip|hash|html4] [--p-br] [--out DIR] [--shared DIR]

Reads $shared/bench/SET/pages/*.html(.gz) and writes DIR/pages (default /tmp/blind-SET) with
every class= and id= attribute removed (--mode strip) or its value replaced by made-up hashed
tokens such as "c-3fa91b" (--mode hash: the same name gets the same token on one page, as
CSS-in-JS builds do). Every other byte of the page is kept. truth.jsonl, set.json and README.md
are copied beside it, and DIR/../blind-bench/bench/SET links to DIR, so that

    PITH_SHARED=/tmp/blind-bench OUT=/tmp/ev-blind bash tools/eval.sh SET

scores the stripped pages against the set's own truth (score.py reads the set directory). --mode hash writes
/tmp/blindhash-SET and /tmp/blindhash-bench instead.

--mode html4 makes an older-HTML stand-in (CleanEval-style pages, 2008-era news): besides class and
id it removes role=, the microdata attributes (itemprop, itemtype, itemscope, itemid, itemref) and
every aria-* and data-* attribute, and renames the HTML5 semantic elements, start and end tags:
article, main, section, nav, header, footer, aside, figure, figcaption, hgroup, address, details,
summary and dialog become div; time, mark, data and bdi become span (a renamed time loses its
datetime=). It writes /tmp/html4-SET and /tmp/html4-bench. --p-br (html4 only, harsher) also turns
every <p ...> into nothing and every </p> into <br><br>, as pages written before CSS did
(/tmp/html4br-SET and /tmp/html4br-bench).
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
# --mode html4: HTML5 elements renamed to what a page of 2008 would have used, and attributes removed.
HTML4_RENAME = {t: b"div" for t in (b"article", b"main", b"section", b"nav", b"header", b"footer", b"aside",
                                     b"figure", b"figcaption", b"hgroup", b"address", b"details", b"summary",
                                     b"dialog")}
HTML4_RENAME.update({t: b"span" for t in (b"time", b"mark", b"data", b"bdi")})
HTML4_DROP = (b"class", b"id", b"role", b"itemprop", b"itemtype", b"itemscope", b"itemid", b"itemref")


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
    if mode == "html4" and name in HTML4_RENAME:
        out.append(b"<" + HTML4_RENAME[name])
    else:
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
        if mode == "html4" and (aname in HTML4_DROP or aname.startswith(b"aria-") or aname.startswith(b"data-")
                                or (name == b"time" and aname == b"datetime")):
            out.append(data[j:k])
        elif aname in (b"class", b"id"):
            if mode == "hash" and val_start is not None and data[val_start:val_end].strip():
                out.append(data[j:k] + aname + b'="' + hashed(data[val_start:val_end], table, salt) + b'"')
            else:  # strip: keep the white space before it, so "a=b class=c/>" stays "a=b />"
                out.append(data[j:k])
        else:
            out.append(data[j:e])
        j = e
    return n, name


def end_tag(data, i, mode, p_br, out):
    """data[i:i+2] == '</' followed by a letter (html4 mode). Appends the rewritten end tag or
    returns None when it stays as is; returns the offset after it."""
    m = NAME_RE.match(data, i + 2)
    name = m.group(0).lower()
    gt = data.find(b">", m.end())
    end = len(data) if gt < 0 else gt + 1
    if p_br and name == b"p":
        out.append(b"<br><br>")
        return end
    if name in HTML4_RENAME:
        out.append(b"</" + HTML4_RENAME[name] + b">")
        return end
    return None


def rewrite(data, mode, salt=b"", p_br=False):
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
        if mode == "html4" and nxt == b"/" and data[i + 2:i + 3].isalpha():
            mark = len(out)
            out.append(data[last:i])
            end = end_tag(data, i, mode, p_br, out)
            if end is None:
                del out[mark:]
                i += 1
            else:
                i = last = end
            continue
        if nxt in (b"!", b"?", b"/") or not nxt.isalpha():
            i += 1
            continue
        out.append(data[last:i])
        if p_br and NAME_RE.match(data, i + 1).group(0).lower() == b"p":
            end, _ = rewrite_tag(data, i, mode, table, salt, [])  # the <p ...> start tag goes
            i = last = end
            continue
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
    ap.add_argument("--mode", choices=("strip", "hash", "html4"), default="strip")
    ap.add_argument("--p-br", action="store_true", help="html4 only: <p> goes, </p> becomes <br><br>")
    ap.add_argument("--out")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
    a = ap.parse_args()
    src = os.path.join(a.shared, "bench", a.set)
    if not os.path.isdir(src):
        sys.exit(f"strip_attrs: {src} not found")
    if a.p_br and a.mode != "html4":
        sys.exit("strip_attrs: --p-br needs --mode html4")
    prefix = {"strip": "/tmp/blind", "hash": "/tmp/blindhash", "html4": "/tmp/html4br" if a.p_br else "/tmp/html4"}[a.mode]
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
        new = rewrite(data, a.mode, f.encode(), a.p_br)
        with (gzip.open if gz else open)(os.path.join(out, "pages", f), "wb") as fh:
            fh.write(new)
        count += 1
    # The bench folder beside DIR (DIR/../html4-bench/bench/SET), so that a copy written with
    # --out elsewhere never repoints the default copies' links.
    link_dir = os.path.join(os.path.dirname(os.path.abspath(out)), os.path.basename(prefix) + "-bench", "bench")
    os.makedirs(link_dir, exist_ok=True)
    link = os.path.join(link_dir, a.set)
    if os.path.islink(link):
        os.remove(link)
    if not os.path.exists(link):
        os.symlink(os.path.abspath(out), link)
    scorer = os.path.join(a.shared, "bench", "score.py")
    if not os.path.exists(os.path.join(link_dir, "score.py")):
        os.symlink(os.path.abspath(scorer), os.path.join(link_dir, "score.py"))
    print(f"strip_attrs: {count} pages -> {out}/pages ({a.mode}{' p-br' if a.p_br else ''}); PITH_SHARED={os.path.dirname(link_dir)}")


if __name__ == "__main__":
    main()
