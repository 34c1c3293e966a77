"""No leak over 100,000 calls; extract_many pulls its input lazily, so memory stays bounded."""
import gc

import pith
from conftest import ARTICLE, rss_bytes

SLACK = 8 << 20  # allocator noise: far below 100,000 leaked results (each > 1 KB)


def test_rss_is_flat_over_100000_extract_calls():
    page = ARTICLE.encode()
    for _ in range(10_000):
        pith.extract(page, "https://example.com/a")
    gc.collect()
    after_10k = rss_bytes()
    for _ in range(90_000):
        pith.extract(page, "https://example.com/a")
    gc.collect()
    assert rss_bytes() - after_10k < SLACK


def test_rss_is_flat_over_100000_clean_calls_and_errors():
    text = "Share this article\nThe committee met on Tuesday to discuss the new budget for the libraries.\n"
    for _ in range(10_000):
        pith.clean(text)
        try:
            pith.extract(b"")
        except pith.EmptyInputError:
            pass
    gc.collect()
    after_10k = rss_bytes()
    for _ in range(90_000):
        pith.clean(text)
        try:
            pith.extract(b"")
        except pith.EmptyInputError:
            pass
    gc.collect()
    assert rss_bytes() - after_10k < SLACK


def test_extract_many_consumes_a_generator_of_100000_items_lazily():
    pulled = 0

    def items():
        nonlocal pulled
        for i in range(100_000):
            pulled += 1
            yield ARTICLE if i % 1000 else b""  # an error now and then

    batch = pith.extract_many(items(), jobs=2)
    assert pulled == 0, "nothing is read before the first result is asked for"
    ahead_max = 0
    errors = 0
    rss_at_10k = None
    for consumed, result in enumerate(batch, 1):
        ahead_max = max(ahead_max, pulled - consumed)
        errors += isinstance(result, pith.Error)
        if consumed == 10_000:
            gc.collect()
            rss_at_10k = rss_bytes()
    assert consumed == 100_000 and errors == 100
    assert batch.pulled == 100_000
    assert ahead_max <= batch.window + 2, f"{ahead_max} items pulled ahead of a window of {batch.window}"
    gc.collect()
    assert rss_bytes() - rss_at_10k < SLACK


def test_one_thread_pulls_at_most_two_ahead():
    pulled = 0

    def items():
        nonlocal pulled
        for _ in range(1000):
            pulled += 1
            yield ARTICLE

    ahead = [pulled - i for i, _ in enumerate(pith.extract_many(items(), jobs=1), 1)]
    assert max(ahead) <= 2
