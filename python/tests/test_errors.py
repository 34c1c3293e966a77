"""Bad arguments and bad pages: a clear Python error for one page, an Error value in a batch."""
import pickle
import time

import pytest

import pith
from conftest import ARTICLE


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["<p>x</p>"], object()])
def test_html_of_the_wrong_type_is_a_type_error(bad):
    with pytest.raises(TypeError, match=r"html must be str or bytes, not"):
        pith.extract(bad)


@pytest.mark.parametrize("bad", [None, 42])
def test_clean_text_of_the_wrong_type_is_a_type_error(bad):
    with pytest.raises(TypeError, match=r"text must be str or bytes, not"):
        pith.clean(bad)


def test_url_and_charset_of_the_wrong_type():
    with pytest.raises(TypeError, match=r"url must be str or None, not int"):
        pith.extract(ARTICLE, 42)
    with pytest.raises(TypeError, match=r"charset must be str or None, not bytes"):
        pith.extract(ARTICLE, charset=b"utf-8")
    with pytest.raises(TypeError, match=r"url must be str or None"):
        pith.clean("Some text.", url=1)


def test_unknown_option_values_are_value_errors():
    with pytest.raises(ValueError, match=r"favor must be"):
        pith.extract(ARTICLE, favor="most")
    with pytest.raises(ValueError, match=r"format must be \"text\" or \"markdown\""):
        pith.extract(ARTICLE, format="json")
    with pytest.raises(ValueError, match=r"parser must be"):
        pith.Extractor(parser="lxml")
    with pytest.raises(TypeError):
        pith.extract(ARTICLE, max_bytes=-1)


@pytest.mark.parametrize("html,cls,code", [
    (b"", pith.EmptyInputError, "empty_input"),
    ("   \n\t ", pith.EmptyInputError, "empty_input"),
    (b"\x00\x01\x02\x03binary\x00\x00" * 100, pith.BinaryInputError, "binary_input"),
])
def test_bad_pages_raise_their_error_class(html, cls, code):
    with pytest.raises(cls) as info:
        pith.extract(html)
    assert isinstance(info.value, pith.PithError)
    assert info.value.code == code
    assert info.value.message == str(info.value) and info.value.message


def test_over_the_byte_budget_is_too_large():
    with pytest.raises(pith.TooLargeError) as info:
        pith.extract(ARTICLE, max_bytes=100)
    assert info.value.code == "too_large"
    with pytest.raises(pith.TooLargeError):
        pith.clean("A line of text.\n" * 100, max_bytes=100)


def test_errors_pickle_with_their_fields():
    err = pith.TooLargeError("too big", 7)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is pith.TooLargeError and back.message == "too big" and back.offset == 7


def test_invalid_utf8_bytes_are_repaired_not_raised():
    html = ARTICLE.encode().replace(b"Tuesday", b"Tues\xff\xfeday")
    d = pith.extract(html, charset="utf-8")
    assert "Tues\ufffd" in d["text"]
    c = pith.clean(b"A sentence with a bad byte \xff in the middle of it, long enough to keep.\n")
    assert "\ufffd" in c["text"]


def test_lone_surrogates_are_a_unicode_error():
    with pytest.raises(UnicodeEncodeError):
        pith.extract("<p>\udc80</p>")


def test_a_50_mb_string_is_handled_within_its_budget():
    html = "<html><body><article>" + "<p>" + "Words in a long paragraph of an enormous page. " * 40 + "</p>" * 1
    html = html + ("<div><p>More text of the same enormous page, one block after another.</p></div>" * 700_000)
    assert len(html) > 50_000_000
    start = time.monotonic()
    try:
        d = pith.extract(html, max_millis=5000)
        assert isinstance(d, dict)
    except pith.PithError as e:  # a budget may stop it: an error with its code, not a crash
        assert e.code in ("budget_time", "budget_nodes", "too_large")
    assert time.monotonic() - start < 60
    with pytest.raises(pith.TooLargeError):
        pith.extract(html, max_bytes=10 << 20)


def test_a_batch_returns_errors_as_values_and_goes_on():
    items = [ARTICLE, None, b"", 42, (ARTICLE, "https://example.com/2024/01/02/a"), {"url": "x"},
             {"html": ARTICLE, "url": 7}, ("a", "b", "c", "d"), ARTICLE]
    results = list(pith.extract_many(items, jobs=2))
    assert len(results) == len(items)
    assert isinstance(results[0], dict) and isinstance(results[-1], dict)
    assert results[4]["url"] == "https://example.com/2024/01/02/a" and results[4]["date"] == "2024-01-02"
    errors = {i: r for i, r in enumerate(results) if isinstance(r, pith.Error)}
    assert sorted(errors) == [1, 2, 3, 5, 6, 7]
    assert errors[1].code == "bad_input" and "item 1" in errors[1].message and "NoneType" in errors[1].message
    assert errors[2].code == "empty_input"
    assert "int" in errors[3].message
    assert "\"html\"" in errors[5].message
    assert "url must be str or None" in errors[6].message
    assert "tuple" in errors[7].message
    assert repr(errors[2]).startswith("pith.Error('empty_input'")


def test_an_exception_of_the_iterable_ends_the_batch_after_the_results_before_it():
    def items():
        yield ARTICLE
        yield ARTICLE
        raise RuntimeError("the source broke")

    batch = pith.extract_many(items(), jobs=2)
    assert isinstance(next(batch), dict)
    assert isinstance(next(batch), dict)
    with pytest.raises(RuntimeError, match="the source broke"):
        next(batch)
    with pytest.raises(StopIteration):
        next(batch)


def test_a_non_iterable_is_a_type_error():
    with pytest.raises(TypeError):
        pith.extract_many(42)


def test_a_batch_dropped_half_way_stops_cleanly():
    batch = pith.extract_many((ARTICLE for _ in range(10_000)), jobs=2)
    assert isinstance(next(batch), dict)
    del batch  # the pool stops; no hang, no crash


def test_help_shows_signature_and_doc():
    import inspect
    sig = inspect.signature(pith.extract)
    assert list(sig.parameters)[:2] == ["html", "url"]
    assert sig.parameters["format"].kind is inspect.Parameter.KEYWORD_ONLY
    assert "pith extract --format json" in pith.extract.__doc__
    assert "html" in pith.Extractor.extract.__doc__
    for name in ("clean", "extract_many", "read", "run"):
        assert getattr(pith, name).__doc__
