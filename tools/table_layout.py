#!/usr/bin/python3
"""Copies a set's pages with their layout in tables, as pages of the 2000s were built.

    /usr/bin/python3 tools/table_layout.py SRC_SET_DIR DST_SET_DIR

Every <div> whose children are two or more <div>s (and nothing but white space or comments
between them) gets its children as the rows of a one-column table:
<div><table><tr><td>child</td></tr>...</table></div>. Run it on the html4 copies of
tools/strip_attrs.py (--mode html4) for a stand-in of old table-laid pages, e.g.

    /usr/bin/python3 tools/table_layout.py /tmp/html4-dev /tmp/tbl-dev
    mkdir -p /tmp/tbl-bench/bench && ln -sfn /tmp/tbl-dev /tmp/tbl-bench/bench/dev
    PITH_SHARED=/tmp/tbl-bench OUT=/tmp/ev-tbl bash tools/eval.sh dev

Bytes are read as Latin-1 and written back the same way, so every other byte is kept.
Standard library only.
"""
import gzip, os, re, sys
from html.parser import HTMLParser

class Node:
    __slots__=("start","end","kids","attrs")
    def __init__(s,start): s.start=start; s.end=None; s.kids=[]

class P(HTMLParser):
    def __init__(s):
        super().__init__(convert_charrefs=False)
        s.root=Node(""); s.stack=[s.root]
    def raw(s): return s.get_starttag_text()
    def handle_starttag(s,tag,attrs):
        t=s.get_starttag_text()
        if tag=="div":
            n=Node(t); s.stack[-1].kids.append(n); s.stack.append(n)
        else: s.stack[-1].kids.append(t)
    def handle_startendtag(s,tag,attrs): s.stack[-1].kids.append(s.get_starttag_text())
    def handle_endtag(s,tag):
        if tag=="div":
            if len(s.stack)>1:
                s.stack[-1].end="</div>"; s.stack.pop()
            return
        s.stack[-1].kids.append("</%s>"%tag)
    def handle_data(s,d): s.stack[-1].kids.append(d)
    def handle_entityref(s,n): s.stack[-1].kids.append("&%s;"%n)
    def handle_charref(s,n): s.stack[-1].kids.append("&#%s;"%n)
    def handle_comment(s,d): s.stack[-1].kids.append("<!--%s-->"%d)
    def handle_decl(s,d): s.stack[-1].kids.append("<!%s>"%d)
    def handle_pi(s,d): s.stack[-1].kids.append("<?%s>"%d)
    def unknown_decl(s,d): s.stack[-1].kids.append("<![%s]>"%d)

def ser(n,out):
    divs=[k for k in n.kids if isinstance(k,Node)]
    other=[k for k in n.kids if not isinstance(k,Node)]
    table = n.start and len(divs)>=2 and all((not k.strip()) or k.startswith("<!--") for k in other)
    if n.start: out.append(n.start)
    if table:
        out.append('<table width="100%" cellpadding="0" cellspacing="0" border="0">')
        for k in n.kids:
            if isinstance(k,Node):
                out.append("<tr><td>"); ser(k,out); out.append("</td></tr>")
        out.append("</table>")
    else:
        for k in n.kids:
            if isinstance(k,Node): ser(k,out)
            else: out.append(k)
    if n.start: out.append("</div>")

def conv(html):
    p=P(); p.feed(html); p.close()
    out=[]; ser(p.root,out); return "".join(out)

src,dst=sys.argv[1],sys.argv[2]
os.makedirs(dst+"/pages",exist_ok=True)
for f in ("truth.jsonl","set.json","README.md"):
    if os.path.exists(os.path.join(src,f)):
        import shutil; shutil.copy(os.path.join(src,f),dst)
for f in sorted(os.listdir(src+"/pages")):
    b=gzip.open(os.path.join(src,"pages",f)).read()
    # keep bytes: latin-1 round trip
    h=b.decode("latin-1")
    try: o=conv(h)
    except Exception as e: print("fail",f,e); o=h
    with gzip.open(os.path.join(dst,"pages",f),"wb") as w: w.write(o.encode("latin-1"))
