"""Take the README's screenshots of the web page with the browser the tests use.

    python scripts/screenshots.py [--out docs/screenshots]

Starts the app on a free loopback port, drives Debian's chromium (chromium-driver, Selenium)
through the check page (a sample against a shipped role), the report, the editor after "I have
this" on a missing skill and a typed bullet, the shortlist form, and a shortlist of the samples
zipped with one broken file; writes one PNG per page.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from webdriver import chromium, running_server  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import Select, WebDriverWait

    samples = ROOT / "samples"
    with tempfile.TemporaryDirectory() as tmp, running_server() as url, chromium(Path(tmp), 1280, 900) as browser:
        def full_page(name: str) -> None:
            height = browser.execute_script("return document.documentElement.scrollHeight")
            browser.set_window_size(1280, min(max(height, 600), 2400))
            browser.save_screenshot(str(args.out / name))
            browser.set_window_size(1280, 900)
            print(args.out / name)

        browser.get(url + "/")
        browser.find_element(By.ID, "resume").send_keys(str(samples / "network-technician.pdf"))
        Select(browser.find_element(By.ID, "job")).select_by_value("network-technician")
        full_page("check-form.png")
        browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(browser, 60).until(ready.presence_of_element_located((By.ID, "score")))
        full_page("check-report.png")

        browser.get(url + "/")
        browser.find_element(By.ID, "resume").send_keys(str(samples / "career-changer.pdf"))
        Select(browser.find_element(By.ID, "job")).select_by_value("network-technician")
        browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(browser, 60).until(ready.presence_of_element_located((By.ID, "score")))
        browser.find_element(By.CSS_SELECTOR, '#suggestions button[data-skill="DHCP"]').click()
        browser.find_element(By.ID, "have-where-bullet").click()
        browser.find_element(By.ID, "have-bullet").send_keys("Set up DHCP reservations and a guest VLAN for the store's cameras and tills")
        browser.save_screenshot(str(args.out / "editor-i-have-this.png"))
        print(args.out / "editor-i-have-this.png")
        browser.find_element(By.ID, "have-add").click()
        WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#effects li"))
        experience = browser.find_element(By.CSS_SELECTOR, 'textarea[data-section="experience"]')
        experience.send_keys(Keys.CONTROL, Keys.END)
        experience.send_keys("\n• Captured traffic with Wireshark to find a duplex mismatch on the store's uplink.")
        WebDriverWait(browser, 10).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#effects li")) == 2)
        browser.execute_script("document.getElementById('diff-box').open = true;")
        browser.set_window_size(1280, 1700)  # the editor, each change's effect and the diff in one picture
        browser.execute_script("document.getElementById('editor-title').scrollIntoView()")
        browser.save_screenshot(str(args.out / "editor.png"))
        browser.set_window_size(1280, 900)
        print(args.out / "editor.png")

        archive = Path(tmp) / "applicants.zip"
        with zipfile.ZipFile(archive, "w") as bundle:
            for sample in sorted(samples.glob("*.pdf")):
                bundle.write(sample, sample.name)
            bundle.writestr("scanned-fax.pdf", b"%PDF-1.7\n1 0 obj <<")
        browser.get(url + "/shortlist")
        browser.find_element(By.ID, "files").send_keys(str(archive))
        Select(browser.find_element(By.ID, "job")).select_by_value("network-technician")
        browser.find_element(By.ID, "top").send_keys("3")
        full_page("shortlist-form.png")
        browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(browser, 120).until(ready.presence_of_element_located((By.ID, "ranking")))
        full_page("shortlist-ranking.png")


if __name__ == "__main__":
    main()
