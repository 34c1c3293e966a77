"""pith serve in headless Chromium (issue 14, point 3): a real server started by each test on a
free port of 127.0.0.1 (bounded wait for it to answer, always stopped), its form filled in and
submitted by the browser. Checks: the inspector's kept and dropped blocks for pasted HTML and for
an uploaded file; a hostile page (and a hostile URL field) runs nothing; the result page requests
nothing but the server itself, and neither the server nor the browser touches the URL given or
the page's links and images; a body over --max-bytes gets 413; the server listens on 127.0.0.1
only, answers loopback Host names only, writes no file, sends each page's CSP as a header, and
stops cleanly on SIGINT and SIGTERM."""
import contextlib
import http.client
import os
import pathlib
import signal
import socket
import subprocess
import threading
import time

import pytest

PAGES = pathlib.Path(__file__).resolve().parent / "pages"
STORY = PAGES / "hostile_story.html"
STORY_URL = "https://dailyplanet.example/2024/05/01/moon-rover"
READY_TIMEOUT = 30   # seconds for the server to answer; it starts in milliseconds on an idle machine
STOP_TIMEOUT = 15    # seconds for it to exit after a signal
WAIT_TIMEOUT = 60    # seconds for a result page in the browser


class Served:
    def __init__(self, proc, port, log, workdir):
        self.proc = proc
        self.port = port
        self.log = log
        self.workdir = workdir
        self.base = f"http://127.0.0.1:{port}"

    def log_text(self):
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def pith_serve(pith_cli, port, tmp_path, *args):
    """`pith serve --port PORT ARGS` in an empty working folder (with TMPDIR there too), until it
    answers; stopped with SIGTERM (then SIGKILL) however the test ends."""
    workdir = tmp_path / "serve-cwd"
    workdir.mkdir()
    log = tmp_path / "serve.log"
    env = dict(os.environ, TMPDIR=str(workdir))
    with open(log, "wb") as err:
        proc = subprocess.Popen([pith_cli, "serve", "--port", str(port), *map(str, args)], cwd=workdir, env=env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
    served = Served(proc, port, log, workdir)
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"pith serve exited with {proc.returncode}: {served.log_text()}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"pith serve did not answer on port {port} within {READY_TIMEOUT} s: {served.log_text()}")
                time.sleep(0.05)
        yield served
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture
def server(pith_cli, free_port, tmp_path):
    with pith_serve(pith_cli, free_port(), tmp_path) as served:
        yield served


class Canary:
    """A listener on 127.0.0.1 that counts the connections it gets: what must never be fetched
    (the URL field, the page's images, styles and frames) points here."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
                self.connections += 1
                conn.close()
            except OSError:
                continue

    def close(self):
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


def wait_for(browser, css):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(browser.driver, WAIT_TIMEOUT).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css)))


def submit(browser, served, html=None, url=None, upload=None, kind="html", screenshot=None):
    """Opens the form, fills it in as a user would, submits it and waits for the result."""
    browser.open(served.base + "/")
    form = wait_for(browser, "form#inspect-form")
    assert form.get_attribute("method") == "post"
    if screenshot:
        browser.screenshot(screenshot)
    if html is not None:
        # Typing a page key by key takes minutes; the value is set as a paste would set it.
        browser.js("document.getElementById('html').value = arguments[0];", html)
    if url is not None:
        browser.find("#url").send_keys(url)
    if upload is not None:
        browser.find("#file").send_keys(str(upload))
    browser.find(f"#kind-{kind}").click()
    browser.find("#inspect").click()
    return wait_for(browser, "body")


def assert_nothing_executed(browser):
    """The hostile page's scripts, onerror handler and javascript: link would set window.pwned
    or open an alert."""
    assert browser.alert_text() is None, "an alert is open"
    assert browser.js("return typeof window.pwned") == "undefined"


def assert_only_the_server(browser, served):
    """Every request the browser sent (the documents included) went to the server itself."""
    own = ("data:", "chrome:", "chrome-untrusted:", "chrome-extension:", "devtools:", "about:")
    others = [u for u in browser.requests() if not u.startswith(served.base + "/") and not u.startswith(own)]
    assert others == [], f"requests to anything but {served.base}: {others}"


def kept_texts(browser):
    return [b.find_element("css selector", ".txt").get_attribute("textContent") for b in browser.find_all(".blk.kept")]


def dropped_rules(browser):
    return [b.get_attribute("data-rule") for b in browser.find_all(".blk.dropped")]


def test_pasted_html_shows_the_inspector(browser, server):
    submit(browser, server, html=STORY.read_text(encoding="utf-8"), url=STORY_URL, screenshot="serve_form")
    wait_for(browser, "#blocks")
    kept = kept_texts(browser)
    assert kept[0] == "Moon rover finds ice"
    assert any(t.startswith("The rover drilled into the crater floor") for t in kept)
    rules = dropped_rules(browser)
    for rule in ("tag:nav", "tag:header", "tag:footer", "class:share", "related-section"):
        assert rule in rules, f"{rule} not among the dropped blocks: {rules}"
    assert browser.find("#url").text == STORY_URL
    assert browser.find("#source").text == "pasted HTML"
    # The URL is metadata: the date in its path is not needed here (JSON-LD has it), the site is.
    assert browser.find("#metadata tr[data-field='date'] td.value").text == "2024-05-01"
    # The report's own script works under the header's policy: tabs and opening a block.
    nav = browser.find(".blk.dropped[data-rule='tag:nav']")
    assert not nav.find_element("css selector", ".txt").is_displayed()
    nav.click()
    assert nav.find_element("css selector", ".i-path").text == "body > nav.menu"
    browser.find(".tabs button[data-tab='json']").click()
    assert browser.find("#tab-json").is_displayed()
    browser.screenshot("serve_pasted")
    assert_nothing_executed(browser)
    assert_only_the_server(browser, server)
    assert browser.console_errors() == []


def test_uploaded_files_html_and_text(browser, server):
    submit(browser, server, upload=STORY)
    wait_for(browser, "#blocks")
    assert browser.find("#source").text == "hostile_story.html"
    assert "Moon rover finds ice" in kept_texts(browser)
    assert "tag:nav" in dropped_rules(browser)
    # The charset of a file is found as pith extract finds it (the page's <meta>).
    assert browser.find("#page-facts tr[data-field='charset'] td.src").text == "meta"
    assert_nothing_executed(browser)
    assert_only_the_server(browser, server)
    # A text file, through pith clean's engine: its lines are the blocks.
    submit(browser, server, upload=PAGES / "clean_text.txt", kind="text")
    wait_for(browser, "#blocks")
    assert browser.find("#source").text == "clean_text.txt"
    assert any(t.startswith("The rover drilled") for t in kept_texts(browser))
    rules = dropped_rules(browser)
    assert "navigation" in rules and "share" in rules
    browser.screenshot("serve_uploaded_text")
    assert_only_the_server(browser, server)
    assert browser.console_errors() == []


def test_hostile_page_runs_nothing_and_nothing_is_fetched(browser, server):
    canary = Canary()
    try:
        trap = f"http://127.0.0.1:{canary.port}"
        hostile = STORY.read_text(encoding="utf-8").replace(
            "<p>Engineers",
            f"<img src=\"{trap}/pixel.png\"><link rel=stylesheet href=\"{trap}/s.css\">"
            f"<iframe src=\"{trap}/frame\"></iframe><video src=\"{trap}/v.mp4\" autoplay></video>"
            f"<p>Text that is markup: &lt;img src=\"{trap}/escaped.png\" onerror=\"window.pwned=1\"&gt; stays text "
            f"in the report, as every other sentence of this paragraph does.</p><p>Engineers")
        submit(browser, server, html=hostile, url=f"{trap}/the-url-field\"><script>window.pwned=2</script>")
        wait_for(browser, "#blocks")
        time.sleep(1)  # anything the page would load has had time to be requested
        assert_nothing_executed(browser)
        assert any(f"<img src=\"{trap}/escaped.png\" onerror=\"window.pwned=1\">" in t for t in kept_texts(browser))
        assert browser.find("#url").text.endswith("\"><script>window.pwned=2</script>")
        assert_only_the_server(browser, server)
        assert browser.console_errors() == []
        assert canary.connections == 0, "the server or the browser fetched the URL field or the page's resources"
    finally:
        canary.close()


def multipart(fields, boundary="pithtestboundary"):
    """A multipart/form-data body from (name, filename or None, bytes) triples."""
    body = b""
    for name, filename, data in fields:
        disposition = f"form-data; name=\"{name}\"" + (f"; filename=\"{filename}\"" if filename is not None else "")
        body += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def request(served, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        res = conn.getresponse()
        return res.status, dict(res.getheaders()), res.read()
    finally:
        conn.close()


def test_oversized_body_gets_413(browser, pith_cli, free_port, tmp_path):
    with pith_serve(pith_cli, free_port(), tmp_path, "--max-bytes", 2000) as served:
        # Declared too large: answered before a byte of the body is read.
        conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
        conn.putrequest("POST", "/inspect")
        conn.putheader("Content-Type", "multipart/form-data; boundary=x")
        conn.putheader("Content-Length", str(10 ** 9))
        conn.endheaders()
        res = conn.getresponse()
        assert res.status == 413
        assert b"larger than" in res.read()
        conn.close()
        # A page over --max-bytes in a request that is not: the page's field is refused.
        page = b"<html><body><article><p>" + b"word " * 1000 + b"</p></article></body></html>"
        body, content_type = multipart([("html", None, page), ("url", None, b""), ("kind", None, b"html")])
        status, _, text = request(served, "POST", "/inspect", body, {"Content-Type": content_type})
        assert status == 413, text
        assert b"larger than 2000 bytes" in text
        # Just under the limit is inspected.
        small = b"<html><body><article><p>" + b"word " * 300 + b"</p></article></body></html>"
        body, content_type = multipart([("html", None, small)])
        status, _, _ = request(served, "POST", "/inspect", body, {"Content-Type": content_type})
        assert status == 200
        # The browser shows the 413's reason.
        submit(browser, served, html=page.decode())
        assert "larger than 2000 bytes" in browser.find("body").text
        assert_only_the_server(browser, served)


def listening_addresses(port):
    """The local addresses of the sockets listening on `port` (/proc/net/tcp and tcp6)."""
    found = []
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = pathlib.Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, port_hex = fields[1].split(":")
            if int(port_hex, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                found.append((table, address))
    return found


def outward_address():
    """This machine's address on its default route, or None (no route: nothing to check)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: nothing is sent by a UDP connect
            return s.getsockname()[0]
        except OSError:
            return None


def test_listens_on_loopback_only(server, pith_cli):
    if not pathlib.Path("/proc/net/tcp").exists():
        pytest.fail("no /proc/net/tcp: cannot see which address the server listens on")
    assert listening_addresses(server.port) == [("/proc/net/tcp", "0100007F")]  # 127.0.0.1
    address = outward_address()
    if address and not address.startswith("127."):
        with pytest.raises(OSError):
            socket.create_connection((address, server.port), timeout=3).close()
    # A name that rebinds to 127.0.0.1 is not answered; loopback names are.
    status, _, _ = request(server, "GET", "/", headers={"Host": f"attacker.example:{server.port}"})
    assert status == 403
    status, _, _ = request(server, "GET", "/", headers={"Host": f"localhost:{server.port}"})
    assert status == 200
    # A second server on the same port fails instead of sharing it (no SO_REUSEPORT).
    second = subprocess.run([pith_cli, "serve", "--port", str(server.port)], capture_output=True, text=True,
                            timeout=READY_TIMEOUT)
    assert second.returncode == 2 and "cannot listen" in second.stderr


def test_headers_carry_each_pages_policy(server):
    status, headers, form = request(server, "GET", "/")
    assert status == 200
    policy = headers["Content-Security-Policy"]
    assert "form-action 'self'" in policy and "script-src 'none'" in policy and "default-src 'none'" in policy
    assert policy.endswith("frame-ancestors 'none'")
    assert policy.replace("; frame-ancestors 'none'", "").replace("'", "&#39;").encode() in form
    assert headers["Cache-Control"] == "no-store"
    assert headers["X-Content-Type-Options"] == "nosniff"
    body, content_type = multipart([("html", None, STORY.read_bytes()), ("url", None, STORY_URL.encode())])
    status, headers, report = request(server, "POST", "/inspect", body, {"Content-Type": content_type})
    assert status == 200
    policy = headers["Content-Security-Policy"]
    assert "script-src 'nonce-" in policy and "form-action 'none'" in policy and "connect-src 'none'" in policy
    assert policy.replace("; frame-ancestors 'none'", "").replace("'", "&#39;").encode() in report
    # Not a form post, nothing posted, an unknown path.
    assert request(server, "POST", "/inspect", b"html=x", {"Content-Type": "application/x-www-form-urlencoded"})[0] == 415
    body, content_type = multipart([("html", None, b"")])
    assert request(server, "POST", "/inspect", body, {"Content-Type": content_type})[0] == 400
    assert request(server, "GET", "/etc/passwd")[0] == 404


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_stops_cleanly_and_leaves_nothing(pith_cli, free_port, tmp_path, stop_signal):
    port = free_port()
    with pith_serve(pith_cli, port, tmp_path) as served:
        body, content_type = multipart([("file", "story.html", STORY.read_bytes())])
        assert request(served, "POST", "/inspect", body, {"Content-Type": content_type})[0] == 200
        served.proc.send_signal(stop_signal)
        assert served.proc.wait(STOP_TIMEOUT) == 0, served.log_text()
        assert "stopped" in served.log_text()
        assert list(served.workdir.iterdir()) == [], "pith serve wrote files"
    with pytest.raises(ConnectionRefusedError):  # nothing listens on the port any more
        socket.create_connection(("127.0.0.1", port), timeout=3).close()
