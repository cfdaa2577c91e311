"""Every page of the site, and every state a reader can put an article's page in, checked by
axe-core for WCAG 2.1 A and AA: 0 violations. axe runs inside headless Chromium, driven by
Playwright, on the pages built from the dataset and opened from disk.

It needs Playwright and axe-playwright-python (both in the test extra; the latter carries
axe-core) and a Chromium (Debian's `chromium`); without them it is skipped, saying what to
install. A failure lists each violation with its impact and the first elements it found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import factcheck
from conftest import chromium_or_skip, copy_dataset
from factcheck.cli.output import write_output
from factcheck.dataset import load_dataset
from factcheck.edits.add_article import ArticleInfo, add_article
from factcheck.site.build import article_path, build_site
from factcheck.site.policies import Policies
from factcheck.site.trust import PAGES

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the axe tests need Playwright: pip install playwright"
)
axe_playwright = pytest.importorskip(
    "axe_playwright_python.sync_playwright",
    reason="the axe tests need axe-core: pip install axe-playwright-python",
)
CHROMIUM = chromium_or_skip("axe tests")

PUBLISHER = "factcheck test desk"
SITE_URL = "https://factcheck.example.org/site"
POLICIES = Policies("We correct errors openly.\n\nEach change is dated.", "desk@example.org")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# WCAG 2.0 and 2.1, levels A and AA: what the site is held to
OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
SHOWN_TARGETS = 3  # elements named per violation in a failure


@pytest.fixture(scope="module")
def site(data: factcheck.Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    write_output(
        build_site(data, PUBLISHER, SITE_URL, POLICIES), str(root)
    )  # as `factcheck site -o` writes it
    return root


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def axe() -> Any:
    return axe_playwright.Axe()


def violations(axe: Any, page: Any) -> str:
    """What axe finds on the page as it is now, one violation a line; empty if none."""
    found = axe.run(page, options=OPTIONS).response["violations"]
    lines = []
    for violation in found:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        shown = ", ".join(targets[:SHOWN_TARGETS])
        more = f" and {len(targets) - SHOWN_TARGETS} more" if len(targets) > SHOWN_TARGETS else ""
        lines.append(
            f"{violation['id']} ({violation['impact']}, {len(targets)} elements: {shown}{more}): "
            f"{violation['help']}"
        )
    return "\n".join(lines)


def check(browser: Any, axe: Any, address: str, viewport: dict[str, int], act: Any) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(address)
    act(page)
    found = violations(axe, page)
    context.close()
    assert errors == []
    assert found == "", f"axe found on {address} at {viewport['width']}px:\n{found}"


@pytest.mark.parametrize("path", ["index.html", *(page.path for page in PAGES)])
def test_every_page_but_the_articles_has_no_violation(
    browser: Any, axe: Any, site: Path, path: str
) -> None:
    for viewport in (DESKTOP, PHONE):
        check(browser, axe, (site / path).as_uri(), viewport, lambda page: None)


def _select_a_claim(page: Any) -> None:
    page.locator("[data-claim]").nth(9).click()


STATES: dict[str, tuple[str, Callable[[Any], None]]] = {
    "as opened": ("", lambda page: None),
    "coloured by source": ("", lambda page: page.check("input[name=colour][value=source]")),
    "a claim selected": ("", _select_a_claim),
    "filtered to refuted": ("", lambda page: page.select_option("#filter-verdict", "refuted")),
    "opened at a claim's address": ("#C0010", lambda page: None),
    "printing": ("", lambda page: page.emulate_media(media="print")),
}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("state", list(STATES))
def test_an_articles_page_has_no_violation_in_any_state(
    browser: Any,
    axe: Any,
    site: Path,
    data: factcheck.Dataset,
    state: str,
    viewport: dict[str, int],
) -> None:
    fragment, act = STATES[state]
    address = (site / article_path(data.articles["article_id"].iat[0])).as_uri() + fragment
    check(browser, axe, address, viewport, act)


@pytest.fixture(scope="module")
def second_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the dataset with a second article just added: no claims, no assessment."""
    folder = copy_dataset(tmp_path_factory.mktemp("data") / "dataset")
    info = ArticleInfo(SECOND, "2026-01-05", "A second article", "Example Gazette")
    assert add_article(folder, b"One line of text, with no claim drafted.", info).problems == []
    root = tmp_path_factory.mktemp("second-site")
    write_output(
        build_site(load_dataset(folder), PUBLISHER, SITE_URL, POLICIES), str(root)
    )  # as `factcheck site -o` writes it
    return root


SECOND = "2026-01-05-a-second-article"


@pytest.mark.parametrize("path", ["index.html", article_path(SECOND)])
def test_an_article_without_claims_or_assessment_has_no_violation(
    browser: Any, axe: Any, second_site: Path, path: str
) -> None:
    for viewport in (DESKTOP, PHONE):
        check(browser, axe, (second_site / path).as_uri(), viewport, lambda page: None)
