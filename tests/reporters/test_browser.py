"""The HTML report in a real browser: Debian's headless Chromium, driven by Playwright, loads the
page and the test checks that the highlighted cells are where the findings say, that each message
is drawn next to its cell, and keeps screenshots under ``artifacts/``.

It skips only when Chromium is missing on a developer's machine; with ``CI=true`` a missing
Chromium or Playwright fails loudly (``.ci/run`` installs both)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import FAULTY_SELECT, SEED_001, run

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
CHROMIUM = shutil.which("chromium")
IN_CI = os.environ.get("CI") == "true"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

if not IN_CI and CHROMIUM is None:
    pytest.skip("chromium is not installed (apt-get install chromium); CI=true makes this a failure",
                allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM, "CI=true but chromium is not installed: .ci/run must apt-get install it"
    from playwright.sync_api import sync_playwright  # a test dependency: a failure here is loud in CI

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, timeout=120_000)
        yield browser
        browser.close()


@pytest.fixture
def report_page(browser, capsys, tmp_path, faulty):
    """The page of seed 001 and the generated faulty report, A-codes only, as Chromium draws it."""
    code, html = run(capsys, "--format", "html", "--select", FAULTY_SELECT, str(SEED_001), str(faulty))
    assert code == 1
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    yield page, requests, path
    page.close()


def _cell(page, report: str, address: str):
    return page.locator(f'details[data-path$="{report}"] td[data-cell="{address}"]')


def _overlap(a: dict, b: dict) -> bool:
    return a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


def test_highlighted_cells_stand_where_the_findings_say(report_page):
    page, requests, path = report_page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "html-report.png"), full_page=True)

    # every highlighted cell in the page, as the browser sees them
    highlighted = page.eval_on_selector_all(
        "td.finding", "cells => cells.map(c => [c.closest('details').dataset.path.split('/').pop(),"
        " c.dataset.cell, [...c.classList].filter(k => k.startsWith('finding-'))[0]])")
    assert sorted(highlighted) == sorted([
        [SEED_001.name, "T2/R3.4.2/C7", "finding-warning"],
        ["faulty.txt", "T2/R1/C7", "finding-error"],
        ["faulty.txt", "T2/R3.4.2/C3", "finding-warning"],
        ["faulty.txt", "T2/R3.7/C1", "finding-error"],
    ])

    blank = _cell(page, SEED_001.name, "T2/R3.4.2/C7")
    blank.scroll_into_view_if_needed()
    assert blank.is_visible()
    assert blank.inner_text().startswith("空白")
    # the warning colours, not the page's: the highlight is really drawn
    assert blank.evaluate("c => getComputedStyle(c).backgroundColor") == "rgb(254, 243, 214)"
    note = page.locator(f'details[data-path$="{SEED_001.name}"] div.note[data-cell="T2/R3.4.2/C7"]')
    assert note.is_visible()
    cell_box, note_box = blank.bounding_box(), note.bounding_box()
    assert note_box["x"] > cell_box["x"] + cell_box["width"] - 1  # to the right of the cell …
    assert _overlap(cell_box, note_box)  # … on the same line
    page.screenshot(path=str(ARTIFACTS / "html-report-seed-001-cell.png"))

    error = _cell(page, "faulty.txt", "T2/R3.7/C1")
    assert error.evaluate("c => getComputedStyle(c).backgroundColor") == "rgb(252, 232, 230)"
    assert [url for url in requests if not url.startswith("file:")] == []


def test_severity_filter_hides_and_shows_messages(report_page):
    page, _, _ = report_page
    warnings = page.locator("div.note.finding-warning")
    assert warnings.count() == 2 and warnings.first.is_visible()
    page.locator('input[data-filter="warning"]').uncheck()
    assert not warnings.first.is_visible() and not warnings.last.is_visible()
    assert page.locator("div.note.finding-error").first.is_visible()
    page.locator('input[data-filter="warning"]').check()
    assert warnings.first.is_visible()


def test_links_open_the_report_they_point_into(report_page):
    page, _, _ = report_page
    seed = f'details[data-path$="{SEED_001.name}"]'
    close_all = "document.querySelectorAll('details.report').forEach(d => d.open = false)"
    page.evaluate(close_all)
    badge = page.locator(f'{seed} td[data-cell="T2/R3.4.2/C7"] a.ref')
    assert not badge.is_visible()
    page.locator(f'tr[data-file$="{SEED_001.name}"] a').click()  # the summary's file link
    page.wait_for_function(f"document.querySelector('{seed}').open")
    assert badge.is_visible()
    page.evaluate(close_all)
    page.evaluate(f"location.hash = '#' + document.querySelector('{seed} div.note').id")  # a finding's link
    page.wait_for_function(f"document.querySelector('{seed}').open")
    assert badge.is_visible()
