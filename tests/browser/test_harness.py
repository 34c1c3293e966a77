"""The harness itself: a page's console errors, requests and alerts are seen, so that a report's
"no errors, no requests, nothing executed" means something."""
import pathlib


def test_harness_sees_errors_requests_and_alerts(browser, tmp_path, free_port):
    port = free_port()  # nothing listens there: the fetch fails, but it is still a request
    page = tmp_path / "noisy.html"
    page.write_text(
        "<!doctype html><title>noisy</title><p id=p>hi</p>"
        f"<img src='http://127.0.0.1:{port}/pixel.png'>"
        "<script>console.error('boom'); window.ran = 1;</script>", encoding="utf-8")
    browser.open(page)
    assert browser.find("#p").text == "hi"
    assert browser.js("return window.ran") == 1
    assert any("boom" in m for m in browser.console_errors())
    assert f"http://127.0.0.1:{port}/pixel.png" in browser.network_requests()

    quiet = tmp_path / "quiet.html"
    quiet.write_text("<!doctype html><title>q</title><p>quiet</p>", encoding="utf-8")
    browser.forget_logs()
    browser.open(quiet)
    browser.assert_quiet()

    alerting = tmp_path / "alert.html"
    alerting.write_text("<!doctype html><script>alert('x')</script>", encoding="utf-8")
    browser.open(alerting)
    assert browser.alert_text() == "x"
