"""Threads: extract_many from several Python threads at once, and the GIL released meanwhile."""
import threading
import time

import pith
from conftest import ARTICLE


def pages(n):
    return [ARTICLE.replace("Tuesday", f"day {i}").encode() for i in range(n)]


def test_extract_many_from_four_threads_at_once():
    items = pages(200)
    expected = [pith.extract(p) for p in items]
    results = {}
    errors = []

    def worker(k):
        try:
            results[k] = list(pith.extract_many(items, jobs=2))
        except BaseException as e:  # noqa: BLE001 (reported by the assertion below)
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(results) == [0, 1, 2, 3]
    for k in range(4):
        assert results[k] == expected


def test_extract_and_one_shared_extractor_from_four_threads():
    items = pages(100)
    expected = [pith.extract(p) for p in items]
    shared = pith.Extractor()  # one call at a time: its lock serialises the threads
    out = {}

    def worker(k):
        out[k] = ([pith.extract(p) for p in items], [shared.extract(p) for p in items])

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for k in range(4):
        assert out[k] == (expected, expected)


class Counter(threading.Thread):
    """A pure-Python thread that counts as fast as it can and notes every pause it had."""

    def __init__(self):
        super().__init__(daemon=True)
        self.count = 0
        self.stop = False
        self.pauses = []  # (from, to) of each gap over 2 ms between two of its steps

    def run(self):
        last = time.monotonic()
        while not self.stop:
            now = time.monotonic()
            if now - last > 0.002:
                self.pauses.append((last, now))
            last = now
            self.count += 1


def big_page(paragraphs):
    body = "".join(f"<p>Paragraph {i} of a long article that goes on and on, with words.</p>" for i in range(paragraphs))
    return f"<html><body><article>{body}</article></body></html>".encode()


def progress_during(call):
    """How a pure-Python thread fares while `call` runs: its increments, its longest pause
    within the call, and the call's duration."""
    counter = Counter()
    counter.start()
    time.sleep(0.05)
    before = counter.count
    start = time.monotonic()
    call()
    end = time.monotonic()
    during = counter.count - before
    counter.stop = True
    counter.join()
    longest = max((min(b, end) - max(a, start) for a, b in counter.pauses), default=0.0)
    return during, longest, end - start


# Holding the GIL, a call into C stops every other Python thread for its whole length (the
# switch interval only acts between bytecodes): the counter's longest pause would be the call
# itself. Released, the counter runs on; a pause of half the call is load, not the GIL.
def test_the_gil_is_released_during_a_long_batch():
    page = big_page(10_000)  # ~0.7 MB: a tenth of a second or so per page
    during, longest, elapsed = progress_during(lambda: list(pith.extract_many([page] * 8, jobs=1)))
    assert elapsed > 0.3
    assert during > 0
    assert longest < elapsed / 2, f"the counter stood still {longest:.2f}s of {elapsed:.2f}s"


def test_the_gil_is_released_during_one_extract():
    page = big_page(40_000)  # ~3 MB: most of a second
    during, longest, elapsed = progress_during(lambda: pith.extract(page))
    assert elapsed > 0.1
    assert longest < elapsed / 2, f"the counter stood still {longest:.2f}s of {elapsed:.2f}s"
