"""The metadata fields of issue 12 (classes 5 and 6) reach Python: the headline with the page's
own quotes and dashes beside html_title (the <title> with the site's name), and authors as a
list with author as the list joined."""
import pith

PROSE = ("<p>Storms moved across the valley on Tuesday, bringing heavy rain to farms that had waited "
         "months for water. Farmers said the rain came too late for the early crops.</p>" * 3)


def page(head, body):
    return f"<!doctype html><html lang=en><head><meta charset=utf-8>{head}</head><body>{body}</body></html>"


def test_title_keeps_quotes_and_html_title_keeps_the_site():
    r = pith.extract(page("<title>\u201cNew Ways\u201d \u2014 it\u2019s here | Daily Planet</title>"
                          "<meta property=og:site_name content='Daily Planet'>",
                          f"<article><h1>\u201cNew Ways\u201d \u2014 it\u2019s here</h1>{PROSE}</article>"))
    assert r["title"] == "\u201cNew Ways\u201d \u2014 it\u2019s here"
    assert r["html_title"] == "\u201cNew Ways\u201d \u2014 it\u2019s here | Daily Planet"


def test_authors_is_a_list_and_author_the_list_joined():
    r = pith.extract(page("<title>Wells</title><meta name=author content='By Ann Lee and Bo Chen'>",
                          f"<article><h1>Wells</h1>{PROSE}</article>"))
    assert r["authors"] == ["Ann Lee", "Bo Chen"]
    assert r["author"] == "Ann Lee, Bo Chen"
    none = pith.extract(page("<title>Wells</title>", f"<article><h1>Wells</h1>{PROSE}</article>"))
    assert none["authors"] == [] and none["author"] is None  # empty fields are null, as in the CLI's JSON
