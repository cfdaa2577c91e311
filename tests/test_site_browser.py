"""The site in a real browser: headless Chromium, driven by Playwright, opens the pages from
disk. Every claim's marked text is its quote, a claim selected by keyboard shows its panel,
the filters and the colouring work, the ClaimReview blocks parse to the export, and the page
reads at desktop and phone widths (screenshots kept in build/screenshots/).

It needs Playwright (in the test extra) and a Chromium (Debian's `chromium`); without either
it is skipped, saying what to install.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

import factcheck
from conftest import REPO, chromium_or_skip
from contrast import contrast
from factcheck.analysis.palette import source_colors
from factcheck.cli.output import write_output
from factcheck.exports.claimreview import claim_reviews
from factcheck.model import notation
from factcheck.site.build import REVIEW_URL, article_path, build_site
from factcheck.site.pages import origin
from factcheck.site.policies import Policies

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the browser tests need Playwright: pip install playwright"
)
CHROMIUM = chromium_or_skip("browser tests")


PUBLISHER = "factcheck test desk"
SITE_URL = "https://factcheck.example.org/site"
POLICIES = Policies("We correct errors openly.", "desk@example.org")
SCREENSHOTS = REPO / "build" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def address(data: factcheck.Dataset, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The article page of the built site, as a file: address."""
    root = tmp_path_factory.mktemp("site")
    write_output(
        build_site(data, PUBLISHER, SITE_URL, POLICIES), str(root)
    )  # as `factcheck site -o` writes it
    return (root / article_path(data.articles["article_id"].iat[0])).as_uri()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, address: str) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.goto(address)
    yield opened
    context.close()
    assert errors == []  # no script error on the page


def test_every_claims_marked_text_is_its_quote(page: Any, data: factcheck.Dataset) -> None:
    marked = page.evaluate(
        """() => {
            const found = {};
            document.querySelectorAll('.seg').forEach(s => s.dataset.claims.split(' ')
                .forEach(c => { found[c] = (found[c] || '') + s.textContent; }));
            return found;
        }"""
    )
    assert marked == dict(zip(data.claims["claim_id"], data.claims["quote"], strict=True))


def test_a_claim_selected_by_keyboard_shows_its_verdict_and_evidence(
    page: Any, data: factcheck.Dataset
) -> None:
    for _ in range(100):  # Tab through the page to the first claim in the list
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.dataset.claim || ''"):
            break
    first = page.evaluate("() => document.activeElement.dataset.claim")
    page.keyboard.press("Enter")
    panel = page.locator(f"#{first}")
    assert panel.is_visible()
    claim = data.claims.set_index("claim_id").loc[first]
    assert "Supported" in panel.locator(".verdict-badge").inner_text()
    links = panel.locator(".evidence a").evaluate_all("links => links.map(a => a.href)")
    evidence = data.evidence[data.evidence["claim_id"] == first]
    assert links == list(evidence["url"])
    assert claim["claim"] in panel.inner_text()
    assert page.evaluate("() => document.activeElement.id") == first  # focus on the panel
    for _ in range(30):  # Tab on through the panel's links to its way back to the list
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.dataset.back || ''"):
            break
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.dataset.claim") == first
    assert not panel.is_visible()  # the list is back in the panel's place
    page.keyboard.press("ArrowDown")  # the next claim, from the keyboard too
    second = page.evaluate("() => document.activeElement.dataset.claim")
    assert second != first
    page.keyboard.press("Enter")
    assert page.locator(f"#{second}").is_visible()
    page.locator(f"#{second} [data-step='-1']").click()  # and back, without the list
    assert panel.is_visible()
    assert not page.locator(f"#{second}").is_visible()


def _on_screen(box: dict[str, float] | None, viewport: dict[str, int]) -> bool:
    """Whether a box, as Playwright measures it, is wholly inside the first screen's height."""
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]


def test_arrow_keys_keep_the_focused_claim_on_screen(page: Any) -> None:
    page.locator("[data-claim]").first.focus()
    for _ in range(30):
        page.keyboard.press("ArrowDown")
    box = page.evaluate(
        """() => { const b = document.activeElement.getBoundingClientRect();
                   const s = document.querySelector('.side-content').getBoundingClientRect();
                   return [b.top, b.bottom, s.top, s.bottom, innerHeight]; }"""
    )
    top, bottom, side_top, side_bottom, height = box
    assert top >= side_top
    assert bottom <= min(side_bottom, height)
    assert page.evaluate("() => document.activeElement.dataset.claim") == "C0031"


def test_the_key_and_filters_stay_beside_the_text_and_the_list_until_a_claim_is_chosen(
    page: Any,
) -> None:
    def box(selector: str) -> dict[str, float]:
        return page.locator(selector).first.bounding_box()  # type: ignore[no-any-return]

    text, claims = box(".text"), box(".claims")
    assert claims["x"] >= text["x"] + text["width"]  # the list in the right column
    assert claims["y"] < DESKTOP["height"]  # on the first screen
    # the text read to its last line
    page.evaluate("() => document.querySelector('.body > :last-child').scrollIntoView(false)")
    assert page.evaluate("() => scrollY") > DESKTOP["height"]
    for selector in (".key", "#filter-verdict", "#filter-source"):
        seen = box(selector)
        assert _on_screen(seen, DESKTOP), selector
        assert seen["x"] >= text["x"] + text["width"]
    page.locator(".seg").nth(40).click()
    panel = box(".panel:not([hidden])")
    assert panel["x"] >= text["x"] + text["width"]
    assert 0 <= panel["y"] < DESKTOP["height"] / 2  # in view where the list was
    assert not page.locator(".claims").is_visible()


def test_on_a_phone_a_claims_panel_opens_under_its_sentence_with_ways_back(
    browser: Any, address: str
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(address)
    mark = page.locator(".seg[data-claims^='C0030']").first
    mark.click()
    panel = page.locator("#C0030")
    assert panel.is_visible()
    # right after the paragraph it explains, less than a screen below the tapped words
    assert panel.evaluate(
        "p => p.previousElementSibling.contains(document.querySelector("
        + "\".seg[data-claims^='C0030']\"))"
    )
    gap = panel.bounding_box()["y"] - mark.bounding_box()["y"]
    assert 0 < gap < PHONE["height"]
    page.locator("#C0030 [data-to-text]").click()
    assert not panel.is_visible()
    seen = mark.bounding_box()
    assert _on_screen(seen, PHONE)
    assert page.evaluate("() => document.activeElement.dataset.claims.startsWith('C0030')")
    page.locator("[data-claim=C0030]").click()  # chosen from the list after the text
    page.locator("#C0030 [data-back]").click()
    assert page.evaluate("() => document.activeElement.dataset.claim") == "C0030"
    context.close()


@pytest.mark.parametrize(("name", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_the_first_screen_shows_the_assessment_and_a_way_to_every_refuted_claim(
    browser: Any, address: str, data: factcheck.Dataset, name: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(address)

    def on_screen(selector: str) -> bool:
        return _on_screen(page.locator(selector).first.bounding_box(), viewport)

    assert on_screen("#assessment-title")
    assert on_screen(".tally-link[data-filter-verdict=refuted]")
    page.locator(".tally-link[data-filter-verdict=refuted]").click()
    shown = page.locator(".claim-list li:not([hidden]) [data-claim]").evaluate_all(
        "found => found.map(b => b.dataset.claim)"
    )
    refuted = data.claims.loc[data.claims["verdict"] == "refuted", "claim_id"]
    assert sorted(shown) == sorted(refuted)
    assert page.evaluate("() => document.activeElement.id") == "claims-title"
    assert on_screen("#claims-title")
    context.close()


# Every element a cell's or an option's words reach, on an article's page and on the index
LONG_WORD_PLACES = {
    "article": (
        "h1",
        ".meta",
        ".rating",
        ".summary",
        ".finding",
        ".byline",
        ".key-source",
        ".claim-text",
        ".said-by",
        "#C0001 .standalone",
        "#C0001 blockquote",
        "#C0001 .evidence p",
        "#C0001 .independence",
        ".seg",
        ".tally",
    ),
    "index": ("h1", ".article-card h2 a", ".article-card .meta", ".counts th"),
}


@pytest.mark.parametrize(("name", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
@pytest.mark.parametrize("which", list(LONG_WORD_PLACES))
def test_a_long_word_wraps_instead_of_widening_the_page(
    browser: Any, address: str, name: str, viewport: dict[str, int], which: str
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(address if which == "article" else address.rsplit("/articles/", 1)[0] + "/index.html")
    for place in LONG_WORD_PLACES[which]:
        assert page.locator(place).count(), place
        page.locator(place).first.evaluate("(e, word) => e.append(word)", "x" * 300)
    if which == "article":
        page.locator("[data-claim=C0001]").click()
    overflow = page.evaluate("() => document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()


def test_filtering_by_a_relaying_source_finds_the_claims_it_relays(page: Any) -> None:
    for source, expected in (("YONHAP", ["C0015"]), ("KR-OFFICIALS", ["C0028", "C0029"])):
        page.select_option("#filter-source", source)
        shown = page.locator(".claim-list li:not([hidden]) [data-claim]").evaluate_all(
            "found => found.map(b => b.dataset.claim)"
        )
        assert shown == expected
        said = page.locator(".claim-list li:not([hidden]) .said-by").first.inner_text()
        assert said.startswith("Said by ")


def test_filtering_by_verdict_shows_those_claims_only(page: Any, data: factcheck.Dataset) -> None:
    page.select_option("#filter-verdict", "refuted")
    shown = page.locator(".claim-list li:not([hidden])").evaluate_all(
        "items => items.map(li => li.dataset.verdict)"
    )
    assert shown == ["refuted"] * int((data.claims["verdict"] == "refuted").sum())
    assert page.locator("#shown-count").inner_text() == str(len(shown))
    page.select_option("#filter-verdict", "")
    assert page.locator(".claim-list li:not([hidden])").count() == len(data.claims)


def test_claims_sharing_a_span_are_each_reached_by_clicking_it_again(page: Any) -> None:
    shared = page.locator(".seg[data-claims*=' ']").first
    ids = shared.get_attribute("data-claims").split()
    reached = []
    for _ in ids:
        shared.click()
        reached.append(page.evaluate("() => document.querySelector('.panel:not([hidden])').id"))
    assert sorted(reached) == sorted(ids)


def test_a_selected_claim_shows_its_own_colour_on_all_its_text(
    page: Any, data: factcheck.Dataset
) -> None:
    """Where claims overlap, the text shows the innermost one's colour until another of them
    is selected; then all of that claim's text shows its colour."""
    outer = page.evaluate(
        """() => Array.from(document.querySelectorAll('.seg'))
            .map(s => s.dataset.claims.split(' '))
            .filter(ids => ids.length > 1)[0][1]"""
    )
    page.locator(f"[data-claim={outer}]").click()
    verdict = data.claims.set_index("claim_id").loc[outer, "verdict"]
    classes = page.locator(".seg.selected").evaluate_all("found => found.map(s => s.className)")
    assert classes
    assert all(f"verdict-{verdict}" in c for c in classes)


def test_colouring_by_source_uses_the_figures_colours(page: Any, data: factcheck.Dataset) -> None:
    page.check("input[name=colour][value=source]")
    claim = data.claims[data.claims["attribution"].str.count(" > ") >= 1].iloc[0]
    colour = source_colors(data.sources.astype({"kind": "str"}))[origin(claim["attribution"])]
    segment = page.locator(f".seg[data-claims^='{claim['claim_id']}']").first
    seen = segment.evaluate("s => getComputedStyle(s).borderBottomColor")
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    assert seen == f"rgb({red}, {green}, {blue})"


# Each source's number in the key, and each mark the number is drawn after: its source and
# what CSS draws there.
KEY_NUMBERS = """() => Object.fromEntries(Array.from(document.querySelectorAll('.key-source'))
    .map(li => [li.className.match(/source-(\\S+)/)[1],
        li.querySelector('.source-label').textContent]))"""
DRAWN_NUMBERS = """() => Array.from(document.querySelectorAll('.seg'))
    .map(s => [s.dataset.claims.split(' ')[0], getComputedStyle(s, '::after').content])
    .filter(([claim, drawn]) => drawn !== 'none')"""


def test_colouring_by_source_numbers_each_sources_marks_as_the_key_does(
    page: Any, data: factcheck.Dataset
) -> None:
    """Colour is not the only sign: sources that share a colour differ in their number."""
    assert page.evaluate(DRAWN_NUMBERS) == []  # coloured by verdict, no numbers
    page.check("input[name=colour][value=source]")
    key = page.evaluate(KEY_NUMBERS)
    drawn = page.evaluate(DRAWN_NUMBERS)
    assert len(set(key.values())) == len(key) > 1
    chains = zip(data.claims["claim_id"], data.claims["attribution"], strict=True)
    voices = {claim: notation.voices(chain) for claim, chain in chains}
    # the numbers of every source the claim is heard from, with no text for a screen reader
    # to read out mid-sentence
    for claim, numbers in drawn:
        assert numbers == '"' + ",".join(key[v] for v in voices[claim]) + '" / ""', claim
    # every source of the key is found in the text by its number
    assert {v for claim, _ in drawn for v in voices[claim]} == set(key)


def test_the_sources_numbers_are_not_read_out(page: Any) -> None:
    by_verdict = page.locator(".body").aria_snapshot()
    page.check("input[name=colour][value=source]")
    assert page.locator(".body").aria_snapshot() == by_verdict


def test_the_claimreview_blocks_parse_to_the_export(page: Any, data: factcheck.Dataset) -> None:
    blocks = page.evaluate(
        """() => Array.from(document.querySelectorAll('script[type="application/ld+json"]'))
            .map(s => JSON.parse(s.textContent))"""
    )
    graph = claim_reviews(data, PUBLISHER, SITE_URL, REVIEW_URL)["@graph"]
    # the page itself and the article's own review come first
    assert [block["@type"] for block in blocks[:2]] == ["Article", "Review"]
    assert blocks[2:] == json.loads(
        json.dumps([{"@context": "https://schema.org", **r} for r in graph])
    )


@pytest.mark.parametrize(("name", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_the_page_reads_at_desktop_and_phone_widths(
    browser: Any, address: str, name: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(address)
    claim = page.locator("[data-claim]").nth(9).get_attribute("data-claim")
    page.locator(f".seg[data-claims^='{claim}']").first.click()  # a claim chosen in the text
    page.evaluate("() => window.scrollTo(0, 0)")
    assert page.locator(f"#{claim}").is_visible()
    overflow = page.evaluate("() => document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0  # nothing wider than the screen
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"article-{name}.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    context.close()


def test_a_reviews_address_opens_its_claim_selected(browser: Any, address: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{address}#C0010")
    assert page.locator("#C0010").is_visible()
    assert page.locator("[data-claim=C0010]").get_attribute("aria-pressed") == "true"
    assert page.locator(".seg.selected").count() >= 1
    context.close()


@pytest.mark.parametrize("colouring", ["verdict", "source"])
def test_marked_text_keeps_enough_contrast_selected_or_not(page: Any, colouring: str) -> None:
    page.check(f"input[name=colour][value={colouring}]")
    page.locator("[data-claim]").nth(9).click()  # one selected, the rest not
    pairs = page.evaluate(
        """() => Array.from(document.querySelectorAll('.seg'))
            .map(s => [getComputedStyle(s).color, getComputedStyle(s).backgroundColor])"""
    )
    worst = min(contrast(color, background) for color, background in pairs)
    assert worst >= 4.5  # WCAG AA for body text


# Each mark's underline as the browser draws it: [classes, colour, width, style].
UNDERLINES = """() => Array.from(document.querySelectorAll('.seg')).map(s => {
    const style = getComputedStyle(s);
    return [s.className, style.borderBottomColor, style.borderBottomWidth,
        style.borderBottomStyle];
})"""
PAPER = "() => getComputedStyle(document.documentElement).backgroundColor"


@pytest.mark.parametrize("colouring", ["verdict", "source"])
def test_every_marks_underline_shows_against_the_page(page: Any, colouring: str) -> None:
    page.check(f"input[name=colour][value={colouring}]")
    paper = page.evaluate(PAPER)
    underlines = page.evaluate(UNDERLINES)
    assert underlines
    for classes, color, width, style in underlines:
        assert style != "none", classes
        assert float(width.removesuffix("px")) >= 1, classes
        assert contrast(color, paper) >= 3, classes  # WCAG 2 non-text contrast


def test_a_not_checkable_claim_is_plainly_marked(page: Any) -> None:
    """Grey, but with a line at least 2px thick and a tint that shows."""
    paper = page.evaluate(PAPER)
    width, color, background = page.locator(".seg.verdict-not_checkable").first.evaluate(
        """s => { const style = getComputedStyle(s);
            return [style.borderBottomWidth, style.borderBottomColor, style.backgroundColor]; }"""
    )
    assert float(width.removesuffix("px")) >= 2
    assert contrast(color, paper) >= 3
    assert contrast(background, paper) >= 1.3


def test_each_verdicts_line_in_the_key_has_a_style_of_its_own(page: Any) -> None:
    lines = page.locator(".key-verdict .sample").evaluate_all(
        """samples => samples.map(s => { const style = getComputedStyle(s);
            return style.borderBottomStyle + ' ' + style.borderBottomWidth; })"""
    )
    assert len(lines) >= 4  # the bundled article has claims of each verdict
    assert len(set(lines)) == len(lines)


def test_printing_shows_every_panel_and_no_controls(page: Any, data: factcheck.Dataset) -> None:
    page.emulate_media(media="print")
    visible = page.locator(".panel").evaluate_all(
        "panels => panels.filter(p => getComputedStyle(p).display !== 'none').length"
    )
    assert visible == len(data.claims)
    assert not page.locator(".filters").is_visible()
    assert not page.locator(".colour-by").is_visible()
    # the key stays, before the text: it says what each underline means on paper too
    assert page.locator(".key-verdict").first.is_visible()
    key, text = page.locator(".key").bounding_box(), page.locator(".text").bounding_box()
    assert key["y"] < text["y"]


def test_without_the_script_no_control_is_shown_that_needs_it(
    browser: Any, address: str, data: factcheck.Dataset
) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(address)
    for dead in (".colour-by", ".filters", ".shown", "[data-back]", "[data-step]", ".copy-link"):
        assert page.locator(dead).first.is_hidden(), dead
    assert page.locator(".key").is_visible()
    assert page.locator(".panel:visible").count() == len(data.claims)  # every panel, in turn
    context.close()


@pytest.mark.parametrize("by", ["pointer", "keyboard"])
def test_on_a_phone_a_claim_chosen_from_the_list_opens_at_its_top(
    browser: Any, address: str, by: str
) -> None:
    """The panel moves up under its paragraph, far above the list: it must be its top, the
    verdict and the claim, that comes into view, not its end."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(address)
    button = page.locator("[data-claim=C0041]")
    if by == "pointer":
        button.click()
    else:
        button.focus()
        page.keyboard.press("Enter")
    top = page.locator("#C0041 h2").bounding_box()
    assert _on_screen(top, PHONE)
    context.close()


def test_the_next_claim_from_one_a_filter_hides_is_the_next_one_it_shows(page: Any) -> None:
    def step(claim: str, by: str) -> str:
        page.locator(f"#{claim} [data-step='{by}']").click()
        return str(page.evaluate("() => document.querySelector('.panel:not([hidden])').id"))

    page.select_option("#filter-verdict", "refuted")  # C0010, C0019, C0041
    page.locator(".finding[data-claim-link=C0043]").click()  # not enough evidence: hidden
    assert step("C0043", "-1") == "C0041"  # the nearest refuted claim before it
    assert step("C0041", "1") == "C0041"  # none shown after it: it stays
    assert step("C0041", "-1") == "C0019"
