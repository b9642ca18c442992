"""The check report and the shortlist read at a phone's, a tablet's, a laptop's and a desktop's
width (issue 33): no page wider than its window, no table wider than its box, no word broken
inside ("certificatio n"), in a real browser (Debian's chromium through chromium-driver)."""

from __future__ import annotations


import pytest
from webdriver import chromium, require_browser, running_server

BROWSER, DRIVER = require_browser()

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ready  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

WIDTHS = (360, 768, 1280, 1920)

# Words (letters and digits) whose pieces sit on more than one line: a word broken inside.
# Breaks at spaces, hyphens and slashes are where text may wrap; those are not counted.
MEASURE = """
const selectors = arguments[0];
const root = document.documentElement;
const broken = [];
for (const box of document.querySelectorAll(selectors)) {
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const word of node.data.matchAll(/[A-Za-z0-9]{2,}/g)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) broken.push(word[0]);
    }
  }
}
const wide = [...document.querySelectorAll(selectors)]
  .filter((box) => box.scrollWidth > box.clientWidth + 1 || box.getBoundingClientRect().right > root.clientWidth + 0.5)
  .map((box) => box.id || box.tagName);
return {page: root.scrollWidth - root.clientWidth, window: root.clientWidth, broken, wide};
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with running_server() as url, chromium(tmp_path_factory.mktemp("downloads")) as driver:
        driver.base_url = url
        yield driver


def _wait(browser, locator, seconds: float = 120):
    return WebDriverWait(browser, seconds).until(ready.presence_of_element_located(locator))


def _at_each_width(browser, selectors: str) -> dict[int, dict]:
    found = {}
    for width in WIDTHS:
        browser.set_window_size(width, 900)
        found[width] = browser.execute_script(MEASURE, selectors)
    return found


def _problems(found: dict[int, dict]) -> dict[int, str]:
    """One readable line per width with a problem."""
    return {w: f"page {f['page']}px too wide; boxes too wide: {f['wide']}; broken: {sorted(set(f['broken']))}"
            for w, f in found.items() if f["page"] > 0 or f["broken"] or f["wide"]}


def test_the_check_report_reads_at_every_width_and_its_posting_is_formatted(browser, samples):
    browser.set_window_size(1280, 900)
    browser.get(browser.base_url + "/")
    browser.find_element(By.ID, "resume").send_keys(str(samples / "career-changer.docx"))
    Select(browser.find_element(By.ID, "job")).select_by_value("network-technician")
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait(browser, (By.ID, "score"))
    found = _at_each_width(browser, "#components, #skills, #posting-text, main")
    assert all(f["window"] in range(w - 20, w + 1) for w, f in found.items()), found  # the widths asked for
    assert _problems(found) == {}
    # The posting reads as text, not as Markdown source: headings are headings, no "## " shown.
    posting = browser.find_element(By.ID, "posting-text")
    assert posting.find_elements(By.TAG_NAME, "h4") and posting.find_elements(By.TAG_NAME, "li")
    assert "##" not in posting.text and "**" not in posting.text
    # An implied skill is said as the CLI says it: through the resume's words.
    chips = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#skills li.chip.matched")]
    implied = [c for c in chips if c.startswith("TCP/IP")]
    assert implied and "through “DNS server”" in implied[0] and "←" not in implied[0]
    # A credential in progress is shown as such.
    assert "in progress" in browser.find_element(By.ID, "components").text


def test_the_shortlist_reads_at_every_width_and_marks_only_what_was_asked(browser, samples):
    def shortlist(top: str = "") -> None:
        browser.set_window_size(1280, 900)
        browser.get(browser.base_url + "/shortlist")
        names = ("network-engineer.docx", "network-engineer.pdf", "career-changer.docx", "technical-support.pdf")
        browser.find_element(By.ID, "files").send_keys("\n".join(str(samples / n) for n in names))
        Select(browser.find_element(By.ID, "job")).select_by_value("network-technician")
        if top:
            browser.find_element(By.ID, "top").send_keys(top)
        browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        _wait(browser, (By.ID, "ranking"))

    shortlist()
    assert "★" not in browser.find_element(By.ID, "ranking").text and not browser.find_elements(By.ID, "star-legend")
    statuses = [r.find_elements(By.TAG_NAME, "td")[2].text for r in browser.find_elements(By.CSS_SELECTOR, "#ranking tbody tr")]
    assert statuses.count("duplicate") == 1  # one person's PDF and DOCX: one candidate
    found = _at_each_width(browser, "#ranking, main")
    assert _problems(found) == {}
    shortlist(top="1")
    assert browser.find_element(By.ID, "ranking").text.count("★") == 1
    assert "top 1" in browser.find_element(By.ID, "star-legend").text
