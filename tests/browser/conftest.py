"""Shared harness of the browser tests: headless Chromium driven by chromedriver and Selenium.

Debian's packages only (chromium, chromium-driver, python3-selenium; scripts/setup-debian.sh
installs them). Where the browser cannot start the tests FAIL with a message saying why: a
report nobody could load is not a passing report.

Fixtures:
- `browser`: a fresh headless Chromium per test (a `Browser`, below): open a file or URL, query
  the DOM, read the console errors and the network requests the page made (from the DevTools
  performance log), see whether an alert is open, keep a screenshot.
- `pith_cli`: the pith binary (ctest sets PITH_CLI; else build/pith or `pith` on PATH).
- `artifacts`: the folder for screenshots (ctest sets PITH_BROWSER_ARTIFACTS to a folder of its
  build directory; else a temporary folder).
- `free_port()`: a free TCP port on 127.0.0.1, for a server a test starts itself.

Every step is bounded in time: the browser's start, each page load, each script.
"""
import json
import os
import pathlib
import shutil
import socket
import tempfile
import threading

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]

# Seconds. Chromium starts in 1-3 s on an idle machine; the build machines run 8 builds on
# 2 cores, hence the margin.
START_TIMEOUT = 90
PAGE_LOAD_TIMEOUT = 60
SCRIPT_TIMEOUT = 20

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/lib/chromium/chromium")
CHROMEDRIVER_CANDIDATES = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
BROWSER_OWN_SCHEMES = ("data:", "chrome:", "chrome-untrusted:", "chrome-extension:", "devtools:", "about:")
INSTALL_HINT = ("install Debian's chromium, chromium-driver and python3-selenium "
                "(bash scripts/setup-debian.sh, which make test runs)")


def _first_executable(candidates, name):
    for path in candidates:
        if os.access(path, os.X_OK):
            return path
    return shutil.which(name)


def free_port():
    """A TCP port on 127.0.0.1 that was free a moment ago (the caller binds it right away)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(name="free_port")
def free_port_fixture():
    return free_port


@pytest.fixture(scope="session")
def pith_cli():
    for candidate in (os.environ.get("PITH_CLI"), REPO / "build" / "pith", shutil.which("pith")):
        if candidate and os.access(str(candidate), os.X_OK):
            return str(candidate)
    pytest.fail("no pith binary: set PITH_CLI (ctest does) or build build/pith")


@pytest.fixture(scope="session")
def artifacts():
    folder = os.environ.get("PITH_BROWSER_ARTIFACTS")
    path = pathlib.Path(folder) if folder else pathlib.Path(tempfile.mkdtemp(prefix="pith-browser-"))
    path.mkdir(parents=True, exist_ok=True)
    return path


class Browser:
    """One headless Chromium. Logs are drained from the driver as they are read, so this keeps
    everything seen since the browser started (or since `forget_logs`)."""

    def __init__(self, driver, artifacts_dir):
        self.driver = driver
        self.artifacts = artifacts_dir
        self._console = []   # entries of the "browser" log: {level, message, source, timestamp}
        self._requests = []  # Network.requestWillBeSent params: {request: {url, method}, type, ...}

    # --- navigation and DOM ---
    def open(self, target):
        """Loads a pathlib.Path (as a file:// URL) or a URL string and waits for its load event."""
        url = target.resolve().as_uri() if isinstance(target, pathlib.Path) else target
        self.driver.get(url)
        return self

    def find(self, css):
        from selenium.webdriver.common.by import By
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css):
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    # --- what the page did ---
    def alert_text(self):
        """The text of an open alert/confirm/prompt, else None (never accepts or dismisses it)."""
        from selenium.common.exceptions import NoAlertPresentException
        try:
            return self.driver.switch_to.alert.text
        except NoAlertPresentException:
            return None

    def _drain(self):
        self._console.extend(self.driver.get_log("browser"))
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                self._requests.append(message["params"])

    def forget_logs(self):
        self._drain()
        self._console.clear()
        self._requests.clear()

    def console_entries(self):
        self._drain()
        return list(self._console)

    def console_errors(self):
        """Messages of console entries at level SEVERE: uncaught exceptions, console.error, CSP
        violations, failed loads."""
        return [e["message"] for e in self.console_entries() if e.get("level") == "SEVERE"]

    def requests(self):
        """URLs of every request the browser sent since it started, in order, the documents
        opened with `open` included."""
        self._drain()
        return [r["request"]["url"] for r in self._requests]

    def network_requests(self):
        """Requests other than the documents' own loads (a Document request the test made with
        `open`): what the page itself fetched. A page that opens from disk and fetches nothing
        gives []. data: URLs (inline images) are not network requests, and the browser's own
        pages (chrome://, the new tab page it starts with) are not the page's: both are left out."""
        self._drain()
        return [r["request"]["url"] for r in self._requests
                if r.get("type") != "Document" and not r["request"]["url"].startswith(BROWSER_OWN_SCHEMES)]

    def assert_quiet(self):
        """No console error and no request beyond the documents opened."""
        errors = self.console_errors()
        assert errors == [], f"console errors: {errors}"
        fetched = self.network_requests()
        assert fetched == [], f"the page made network requests: {fetched}"

    def screenshot(self, name):
        """Saves a full-window PNG as ARTIFACTS/NAME.png and returns its path."""
        path = self.artifacts / f"{name}.png"
        self.driver.save_screenshot(str(path))
        return path


def _start_driver(chromium, chromedriver, profile_dir, window):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--metrics-recording-only", "--mute-audio",
                f"--window-size={window[0]},{window[1]}", f"--user-data-dir={profile_dir}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    options.add_experimental_option("perfLoggingPrefs", {"enableNetwork": True, "enablePage": False})
    # Leave alerts open so that a test can see one (the default would dismiss it and raise).
    options.set_capability("unhandledPromptBehavior", "ignore")
    service = Service(executable_path=chromedriver, log_path=os.devnull)
    return webdriver.Chrome(service=service, options=options)


def start_browser(artifacts_dir, window=(1280, 900)):
    """A headless Chromium, or pytest.fail with the reason it could not start."""
    try:
        import selenium  # noqa: F401
    except ImportError as e:
        pytest.fail(f"browser tests: cannot import selenium ({e}); {INSTALL_HINT}")
    chromium = _first_executable(CHROMIUM_CANDIDATES, "chromium")
    chromedriver = _first_executable(CHROMEDRIVER_CANDIDATES, "chromedriver")
    if not chromium or not chromedriver:
        pytest.fail(f"browser tests: chromium={chromium} chromedriver={chromedriver}; {INSTALL_HINT}")

    profile_dir = tempfile.mkdtemp(prefix="pith-chromium-")
    outcome = {}

    def start():
        try:
            outcome["driver"] = _start_driver(chromium, chromedriver, profile_dir, window)
        except Exception as e:  # any failure to start is reported the same way
            outcome["error"] = e

    thread = threading.Thread(target=start, daemon=True)
    thread.start()
    thread.join(START_TIMEOUT)
    if thread.is_alive():
        pytest.fail(f"browser tests: headless chromium did not start within {START_TIMEOUT} s "
                    f"({chromium}, {chromedriver})")
    if "error" in outcome:
        pytest.fail(f"browser tests: headless chromium failed to start ({chromium}, "
                    f"{chromedriver}): {outcome['error']}")
    driver = outcome["driver"]
    driver.set_page_load_timeout(PAGE_LOAD_TIMEOUT)
    driver.set_script_timeout(SCRIPT_TIMEOUT)
    return driver, profile_dir


@pytest.fixture
def browser(artifacts):
    driver, profile_dir = start_browser(artifacts)
    try:
        yield Browser(driver, artifacts)
    finally:
        try:
            driver.quit()
        finally:
            shutil.rmtree(profile_dir, ignore_errors=True)
