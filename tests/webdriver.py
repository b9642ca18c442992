"""A real server and a real browser for the web tests and the README's screenshots: the app on
uvicorn in a thread, and Debian's chromium driven through its chromium-driver by Selenium."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
DRIVER_NAMES = ("chromedriver", "chromium-driver")


def require_browser() -> tuple[str, str]:
    """(browser, driver) for a browser test module, or the whole module skipped with the reason
    (failed under CI, which installs them: a missing install step must not pass as a skip)."""
    import os

    import pytest

    in_ci = os.environ.get("CI") == "true"
    try:
        import selenium  # noqa: F401
        import uvicorn  # noqa: F401

        from resumematch.web import create_app  # noqa: F401
    except ImportError:
        if in_ci:
            raise
        pytest.skip("needs the web and test extras: pip install -e '.[web,test]'", allow_module_level=True)
    browser, driver = find_browser()
    if not (browser and driver):
        if in_ci:
            pytest.fail("CI needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
                        pytrace=False)
        pytest.skip("no chromium and chromium-driver found (apt-get install chromium chromium-driver)", allow_module_level=True)
    return browser, driver


def find_browser() -> tuple[str | None, str | None]:
    browser = next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)
    driver = next((found for name in DRIVER_NAMES if (found := shutil.which(name))), None)
    if driver is None and Path("/usr/lib/chromium/chromedriver").exists():
        driver = "/usr/lib/chromium/chromedriver"
    return browser, driver


@contextmanager
def running_server(**app_options):
    """The web app on a free loopback port, in this process; yields its base URL."""
    import uvicorn

    from resumematch.skills import load_pipeline
    from resumematch.web import allowed_hosts, create_app

    load_pipeline()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(allowed_hosts=allowed_hosts("127.0.0.1"), **app_options)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web app did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chromium(downloads: Path, width: int = 1280, height: int = 1000):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    browser, driver_path = find_browser()
    options = Options()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--hide-scrollbars"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # to catch CSP violations
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False,
    })
    # The driver's path is given, so Selenium Manager never looks anything up on the network.
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()
