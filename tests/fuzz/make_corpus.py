#!/usr/bin/env python3
"""Writes the seed inputs of tests/fuzz/corpus (run from anywhere; rewrites the seed-* files).

Each input is: one byte of option bits, one byte of charset hint, then the page (see
fuzz_extract.cpp). Regression inputs (regress-*) are added by hand when a bug is found and
are never rewritten here."""
import os

PROSE = (b"The committee met on Tuesday to review the budget for the coming year, and after a long "
         b"discussion it agreed to fund the new library wing and to repair the old bridge.")


def page(body, head=b""):
    return b"<!DOCTYPE html><html><head><title>Seed</title>" + head + b"</head><body>" + body + b"</body></html>"


P = b"<p>" + PROSE + b"</p>"
SEEDS = {
    "minimal": page(P),
    "article-meta": page(b"<article><h1>Headline</h1><p class=byline>By Ann Author</p><time datetime=2024-05-17>May 17</time>"
                         + P * 3 + b"</article>",
                         b'<meta property="og:title" content="OG title"><meta name=author content="Ann">'
                         b'<meta property="article:published_time" content="2024-05-17T10:00:00Z">'
                         b'<link rel=canonical href="https://example.com/a"><script type="application/ld+json">'
                         b'{"@type":"NewsArticle","headline":"H","datePublished":"2024-05-17","author":{"name":"A"}}</script>'),
    "chrome": page(b"<header><nav><ul><li><a href=/>Home</a><li><a href=/n>News</a></ul></nav></header>"
                   b"<div class=cookie-banner>We use cookies</div><main>" + P * 2 + b"<div class=share>Share this</div>"
                   b"<aside class=related><h3>Related</h3><ul><li><a href=1>One</a><li><a href=2>Two</a></ul></aside>"
                   b"</main><div id=comments class=comments><p>Great post!</p><form><textarea>x</textarea></form></div>"
                   b"<footer>&copy; 2024</footer>"),
    "raw-text": page(P + b"<iframe><p>LEAK</p></iframe><noembed>LEAK</noembed><noframes>LEAK</noframes>"
                     b"<textarea><b>LEAK</b></textarea><xmp><i>LEAK</i></xmp><iframe/>x</iframe>" + P),
    "comments": page(b"<!-->" + P + b"<!--->" + b"<!-- a --!>" + P + b"<!-- x -- y -->" + b"<!-- unterminated " + P),
    "tables-lists": page(b"<table><caption>C</caption><tr><th>a<th>b<tr><td>1<td>2</table><ol><li>one<ol><li>two</ol></ol>"
                         b"<dl><dt>t<dd>d</dl><blockquote><blockquote>q</blockquote></blockquote>" + P),
    "pre-code": page(b"<pre><code>  int main() {\n\treturn 0;\n  }\n</code></pre>" + P),
    "entities": page(b"<p>&amp; &lt; &gt; &quot; &#39; &#x1F600; &#0; &#xD800; &#1114112; &nbsp; &shy; &notanentity; &am</p>" + P),
    "script-only": page(b"<script>document.write('<p>" + PROSE + b"</p>')</script><style>p{}</style>"),
    "no-body": P + P,
    "truncated": page(P)[:120] + b"<p>cut <a href=\"http://exa",
    "nul-bytes": page(P + b"<p>a\x00b</p>" + b"\x00" * 16 + P),
    "control-bytes": page(P + b"<p>" + bytes(range(1, 32)) + b"\x7f</p>" + P),
    "many-attrs": page(b"<div " + b" ".join(b"a%d=%d" % (i, i) for i in range(400)) + b">" + P + b"</div>"),
    "deep-divs": page(b"<div>" * 300 + P + b"</div>" * 300),
    "deep-tables": page(b"<table><tr><td>" * 120 + P),
    "svg-math-template": page(b"<svg><title>t</title><text>svg</text></svg><math><mi>x</mi></math>"
                              b"<template><p>tpl</p></template><noscript><p>ns</p></noscript>" + P),
    "cdata-pi": page(b"<![CDATA[ cdata ]]><?php echo 1; ?><!DOCTYPE x>" + P),
    "hidden": page(b"<div hidden>h</div><div style='display: NONE'>h</div><div aria-hidden=true>h</div>" + P),
    "invalid-utf8": page(P + b"<p>bad \xff\xfe \xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80 end</p>", b"<meta charset=utf-8>"),
    "not-binary-latin1": page(b"<p>Caf\xe9 cr\xe8me " + PROSE + b"</p>"),
}
# Charset seeds: the hint byte selects kHints in fuzz_extract.cpp (0 = none, 2 = windows-1252,
# 3 = shift_jis, 4 = utf-16le, 6 = gbk, 7 = euc-kr).
CHARSET = {
    "meta-sjis": (0, page(b"<p>\x93\xfa\x96\x7b\x8c\xea " + PROSE + b"</p>", b"<meta charset=shift_jis>")),
    "meta-euckr": (0, page(b"<p>\xc7\xd1\xb1\xb9\xbe\xee " + PROSE + b"</p>", b"<meta charset=euc-kr>")),
    "meta-gbk": (0, page(b"<p>\xd6\xd0\xce\xc4 " + PROSE + b"</p>", b"<meta http-equiv=content-type content='text/html; charset=gb2312'>")),
    "hint-over-meta": (3, page(b"<p>\x93\xfa\x96\x7b " + PROSE + b"</p>", b"<meta charset=windows-1252>")),
    "bom-utf8": (3, b"\xef\xbb\xbf" + page(b"<p>Caf\xc3\xa9 " + PROSE + b"</p>", b"<meta charset=windows-1252>")),
    "bom-utf16le": (0, b"\xff\xfe" + page(P).decode().encode("utf-16-le")),
    "bom-utf16be": (0, b"\xfe\xff" + page(P).decode().encode("utf-16-be")),
    "utf16le-no-bom-hint": (4, page(P).decode().encode("utf-16-le")),
    "utf16-odd": (0, b"\xff\xfe" + page(P).decode().encode("utf-16-le") + b"A"),
    "iso2022jp": (9, page(b"<p>\x1b$BF|K\\\x1b(B " + PROSE + b"</p>")),
}


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        if f.startswith("seed-"):
            os.remove(os.path.join(out, f))
    for i, (name, body) in enumerate(sorted(SEEDS.items())):
        bits = (i * 37) & 0xFF  # vary the options across seeds
        with open(os.path.join(out, "seed-" + name), "wb") as f:
            f.write(bytes([bits, 0]) + body)
    for name, (hint, body) in sorted(CHARSET.items()):
        with open(os.path.join(out, "seed-" + name), "wb") as f:
            f.write(bytes([0x07, hint]) + body)
    with open(os.path.join(out, "seed-binary-png"), "wb") as f:
        f.write(bytes([0, 0]) + b"\x89PNG\r\n\x1a\n" + bytes(range(256)))


if __name__ == "__main__":
    main()
