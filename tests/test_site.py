"""`factcheck site`: every claim marked in its article's text, every panel, the ClaimReview
blocks equal to the export, and nothing loaded from elsewhere; read from the HTML itself.
(tests/test_site_browser.py opens the pages in a real browser.)"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

import factcheck
from conftest import ARTICLE_ID, REPO, set_cell, with_new_sources
from factcheck.analysis.summary import publishers_in_words
from factcheck.cli import main
from factcheck.dataset import DatasetInvalid
from factcheck.edits.add_article import ArticleInfo, add_article
from factcheck.exports.base import ExportError
from factcheck.exports.claimreview import claim_reviews
from factcheck.model import notation, segment
from factcheck.model.vocabularies import AttributionCheck, Certainty, ReviewState
from factcheck.site.build import (
    DESCRIPTION_LENGTH,
    REVIEW_URL,
    article_path,
    build_site,
    build_site_from,
    check_reviewer_url,
)
from factcheck.site.pages import articles, blocks, legend, segments
from factcheck.site.policies import Policies
from factcheck.site.trust import PAGES

PUBLISHER = "factcheck test desk"
SITE_URL = "https://factcheck.example.org/site"
POLICIES = Policies("We correct errors openly.\n\nEach change is dated.", "desk@example.org")
# what `factcheck site` needs besides the folder and -o
OPTIONS = ["--reviewer-name", PUBLISHER, "--corrections", POLICIES.corrections]
OPTIONS += ["--contact", POLICIES.contact]


class Page(HTMLParser):
    """What a test needs of a page: the article body's text, each claim's marked text, the
    panels, the JSON-LD blocks, and every address the page loads."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.body: list[str] = []
        self.marked: dict[str, list[str]] = {}
        self.panels: list[str] = []
        self.copy_links: list[str] = []
        self.jsonld: list[str] = []
        self.meta: dict[str, str] = {}  # meta tags by property or name; the canonical link
        self.loads: list[str] = []
        self.language = ""
        self.blocks: list[tuple[str, str]] = []  # the text's headings and paragraphs, as tags
        self._in_body = 0
        self._segment: list[str] | None = None
        self._script: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "html":
            self.language = found.get("lang") or ""
        if tag == "div" and "body" in classes:
            self._in_body = 1
        elif self._in_body and tag == "div":
            self._in_body += 1
        if self._in_body and tag in ("p", "h2"):
            self.blocks.append((tag, ""))
        if tag == "span" and "seg" in classes:
            self._segment = (found.get("data-claims") or "").split()
        if tag == "section" and "panel" in classes:
            self.panels.append(found["id"] or "")
        if tag == "button" and "copy-link" in classes:
            self.copy_links.append(found["data-copy"] or "")
        if tag == "script":
            self._script = found.get("type") or ""
            if found.get("src"):
                self.loads.append(str(found["src"]))
        if tag == "link" and found.get("rel") != "canonical" and found.get("href"):
            self.loads.append(str(found["href"]))  # a canonical link names, never loads
        if tag == "meta" and found.get("content") is not None:
            key = found.get("property") or found.get("name") or ""
            self.meta[key] = str(found["content"])
        if tag == "link" and found.get("rel") == "canonical":
            self.meta["canonical"] = str(found["href"])
        if tag == "img" and found.get("src"):
            self.loads.append(str(found["src"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._in_body:
            self._in_body -= 1
        if tag == "span":
            self._segment = None
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script == "application/ld+json":
            self.jsonld.append(data)
        if self._in_body:
            self.body.append(data)
            tag, words = self.blocks[-1]
            self.blocks[-1] = (tag, words + data)
            for claim in self._segment or []:
                self.marked.setdefault(claim, []).append(data)


@pytest.fixture(scope="module")
def files(data: factcheck.Dataset) -> dict[str, bytes]:
    return build_site(data, PUBLISHER, SITE_URL, POLICIES)


@pytest.fixture(scope="module")
def page(data: factcheck.Dataset, files: dict[str, bytes]) -> Page:
    article_id = data.articles["article_id"].iat[0]
    return Page(files[article_path(article_id)].decode("utf-8"))


def test_the_site_is_an_index_a_page_per_article_and_its_assets(
    data: factcheck.Dataset, files: dict[str, bytes]
) -> None:
    pages = {article_path(a) for a in data.articles["article_id"]}
    assets = {f"assets/{name}" for name in ("site.css", "site.js", "favicon.svg")}
    about = {page.path for page in PAGES}
    assert set(files) == {"index.html", *assets, *pages, *about}
    index = files["index.html"].decode("utf-8")
    for path in pages:
        assert f'href="{path}"' in index


def test_the_page_holds_the_whole_text_and_every_claim_marked_exactly(
    data: factcheck.Dataset, page: Page
) -> None:
    text = next(iter(data.texts.values()))
    assert "".join(page.body) == text
    assert page.language == data.articles["language"].iat[0]
    for claim in data.claims.itertuples():
        assert "".join(page.marked[claim.claim_id]) == claim.quote, claim.claim_id


def test_the_texts_headings_are_headings_and_its_lines_paragraphs(
    data: factcheck.Dataset, page: Page
) -> None:
    """Marked as the coverage rules read them, each block ending with its line break."""
    text = next(iter(data.texts.values()))
    lines = segment.paragraphs(text)
    tags = {"heading": "h2", "paragraph": "p"}
    assert [(tag, words.rstrip("\n")) for tag, words in page.blocks] == [
        (tags[line.kind], line.text) for line in lines
    ]
    assert [tag for tag, _ in page.blocks].count("h2") == 3


def test_the_blank_lines_between_paragraphs_follow_them_outside_them() -> None:
    text = "A heading\n\nA paragraph. It goes on.\n\nAnother one.\n"
    found = blocks(text, {"C1": (11, 33)})
    assert [(b.kind, "".join(s.text for s in b.segments)) for b in found] == [
        ("heading", "A heading"),
        ("paragraph", "A paragraph. It goes on."),
        ("paragraph", "Another one."),
    ]
    assert [[s.text for s in b.tail] for b in found] == [["\n\n"], ["\n\n"], ["\n"]]
    # every character once, in order, the claim's own segments its span exactly
    assert "".join(s.text for b in found for s in [*b.segments, *b.tail]) == text
    marked = [s.text for b in found for s in [*b.segments, *b.tail] if s.claims]
    assert "".join(marked) == text[11:33]


def _voices(data: factcheck.Dataset) -> Counter[str]:
    """How many claims each source is heard in, every voice of every chain counted."""
    return Counter(v for chain in data.claims["attribution"] for v in notation.voices(chain))


def test_every_voice_of_a_chain_is_in_the_key_the_filter_and_the_counts(
    data: factcheck.Dataset, files: dict[str, bytes]
) -> None:
    page = files[article_path(data.articles["article_id"].iat[0])].decode("utf-8")
    expected = {source: str(count) for source, count in _voices(data).items()}
    # the relaying agency and both officials of a joint group, not only the chain's origin
    assert {"YONHAP", "KP-BROADCASTER", "US-OFFICIALS", "KR-OFFICIALS"} <= set(expected)
    key = re.findall(r'<li class="key-source source-([A-Z0-9-]+)">.*?\((\d+)\)</li>', page)
    options = re.findall(r'<option value="([A-Z][A-Z0-9-]*)">[^<]*\((\d+)\)</option>', page)
    assert dict(key) == dict(options) == expected
    index = files["index.html"].decode("utf-8")
    counted = re.findall(
        r'swatch source-([A-Z0-9-]+)" aria-hidden="true"></span>[^<]*</th><td>(\d+)</td>', index
    )
    assert dict(counted) == expected


def test_each_list_item_says_who_says_it_and_filters_by_every_voice(
    data: factcheck.Dataset, files: dict[str, bytes]
) -> None:
    page = files[article_path(data.articles["article_id"].iat[0])].decode("utf-8")
    items = re.findall(
        r'<li data-verdict="[a-z_]+" data-origin="[A-Z0-9-]+" '
        r'data-sources="([A-Z0-9 -]+)" data-label="[\d,]+">.*?<span class="said-by">Said by ([^<]*)'
        r"</span>",
        page,
        re.DOTALL,
    )
    names = data.source_names()
    claims = data.claims.sort_values(["span_start", "span_end"], kind="stable")
    assert [(voices.split(" "), html.unescape(said)) for voices, said in items] == [
        (notation.voices(chain), notation.in_words(chain, names)) for chain in claims["attribution"]
    ]


def test_an_article_without_claims_says_so_and_the_index_lists_the_newest_first(
    dataset: Path,
) -> None:
    info = ArticleInfo(
        "2026-01-05-a-second-article", "2026-01-05", "A second article", "Example Gazette"
    )
    added = add_article(dataset, b"One line of text, with no claim drafted.", info)
    assert added.problems == []
    files = build_site(factcheck.load_dataset(dataset), PUBLISHER, SITE_URL, POLICIES)
    page = files[article_path(info.article_id)].decode("utf-8")
    assert "No claims of this article have been drafted or checked yet." in page
    # just added, its review is in progress: the reader is told so, in the state's own words
    said = html.unescape(page)
    assert f"<strong>Review in progress.</strong> {ReviewState.IN_PROGRESS.definition}" in said
    seed = files[article_path(ARTICLE_ID)].decode("utf-8")
    assert "Review in progress" not in seed
    for empty in ('id="filter-verdict"', 'class="key"', 'class="claim-list"', "<table"):
        assert empty not in page
    index = files["index.html"].decode("utf-8")
    newest, oldest = info.article_id, "2025-09-02-kim-jong-un-train-beijing"
    assert index.index(article_path(newest)) < index.index(article_path(oldest))
    card = index.split(article_path(newest), 1)[1].split("</li>", 1)[0]
    assert "<table" not in card
    assert "0 claims, review in progress" in card


def test_every_claim_has_its_panel_at_its_own_anchor(data: factcheck.Dataset, page: Page) -> None:
    assert sorted(page.panels) == sorted(data.claims["claim_id"])


def _panels(data: factcheck.Dataset, files: dict[str, bytes]) -> dict[str, str]:
    """Each claim's panel, as HTML, by claim id."""
    html = files[article_path(data.articles["article_id"].iat[0])].decode("utf-8")
    parts = re.split(r'<section class="panel[^"]*" id="', html)[1:]
    return {part.split('"', 1)[0]: part.split("</section>", 1)[0] for part in parts}


def test_each_panel_says_its_terms_and_links_other_claims_by_their_words(
    data: factcheck.Dataset, files: dict[str, bytes]
) -> None:
    panels = _panels(data, files)
    claims = data.claims.set_index("claim_id")
    for claim_id, panel in panels.items():
        row = claims.loc[claim_id]
        certainty = Certainty.of(str(row["certainty"]))
        words = html.unescape(panel)
        assert re.search(
            rf"<dd>{certainty.words}( \(<q>[^<]*</q>\))? <span class=\"meaning\">— "
            + re.escape(certainty.definition),
            words,
        )
        check = AttributionCheck.of(str(row["attribution_check"]))
        assert f'{check.words} <span class="meaning">— {check.definition}' in words
        assert f"“claim {claim_id}” is its id in the dataset" in panel
        for other, words in re.findall(
            r'<a href="#(C\d+)" data-claim-link="C\d+">([^<]*)</a>', panel
        ):
            assert html.unescape(words) == claims.loc[other, "claim"]
    # an item on the attribution says so in words ("Context the attribution" read as a typo)
    on_attribution = data.evidence[data.evidence["bears_on"] == "attribution"]
    assert len(on_attribution) >= 4
    for item in on_attribution.itertuples():
        phrase = {"supports": "Supports", "refutes": "Refutes", "context": "Context for"}
        assert (
            f'<span class="stance">{phrase[item.stance]} the attribution</span>'
            in (panels[item.claim_id])
        )
    assert "Context the attribution" not in "".join(panels.values())
    assert any('data-claim-link="' in panel for panel in panels.values())


def test_each_rated_claims_panel_counts_its_independent_publishers(
    data: factcheck.Dataset, files: dict[str, bytes]
) -> None:
    panels = _panels(data, files)
    counted = data.independent_publishers().set_index("claim_id")["names"]
    for claim in data.claims.itertuples():
        panel = panels[claim.claim_id]
        if claim.verdict == "not_checkable":
            assert 'class="independence"' not in panel
            continue
        words = publishers_in_words(counted[claim.claim_id])
        assert f'<p class="independence">{words} (a story' in panel, claim.claim_id
    assert "2 independent publishers: BBC, Reuters (a story" in panels["C0056"]


def test_the_page_opens_with_the_assessment_of_the_article(
    data: factcheck.Dataset, files: dict[str, bytes]
) -> None:
    row = data.articles.iloc[0]
    page = files[article_path(row["article_id"])].decode("utf-8")
    top = page.split('<section class="text"', 1)[0]  # before the article's text
    section = top.split('<section class="assessment', 1)[1].split("</section>", 1)[0]
    assert 'Our assessment: <span class="rating">Neutral credibility</span>' in section
    summary = section.split('<p class="summary">', 1)[1].split("</p>", 1)[0]
    assert html.unescape(summary) == row["assessment"]
    findings = re.findall(r'<a href="#(C\d+)" class="finding"', section)
    assert findings == row["key_findings"].split(" ")  # in the editor's order
    words = re.sub(r"<[^>]+>", "", section)
    assert "Of 57 claims: 39 supported, 3 partly supported, 3 refuted" in words
    # each count leads to those claims: the way to every refuted claim on the first screen
    assert '<a href="#claims" class="tally-link" data-filter-verdict="refuted">3 refuted' in section
    assert f'Reviewed by {row["reviewed_by"]} on <time datetime="2026-12-07">' in section


def test_the_page_then_the_articles_review_lead_its_jsonld_blocks(
    data: factcheck.Dataset, page: Page
) -> None:
    itself, review = (json.loads(block) for block in page.jsonld[:2])
    article_id = data.articles["article_id"].iat[0]
    assert itself["@type"] == "Article"
    assert itself["url"] == f"{SITE_URL}/articles/{article_id}.html"
    dates = sorted({*data.claims["reviewed_on"].dropna().dt.date.astype(str), "2026-12-07"})
    assert (itself["datePublished"], itself["dateModified"]) == (dates[0], dates[-1])
    assert itself["about"]["datePublished"] == "2025-09-02"
    assert review["@type"] == "Review"
    assert review["reviewRating"]["alternateName"] == "Neutral credibility"
    assert all(json.loads(block)["@type"] == "ClaimReview" for block in page.jsonld[2:])


def test_a_shared_link_and_a_search_result_describe_the_page(
    data: factcheck.Dataset, page: Page, files: dict[str, bytes]
) -> None:
    article_id = data.articles["article_id"].iat[0]
    url = f"{SITE_URL}/articles/{article_id}.html"
    assert page.meta["canonical"] == page.meta["og:url"] == url
    assert page.meta["og:type"] == "article"
    assert page.meta["description"].startswith("Neutral credibility: The article's account")
    # a search result's length, cut at a word, not the whole ~800-character summary
    assert len(page.meta["description"]) <= DESCRIPTION_LENGTH
    assert page.meta["description"].endswith("…")
    assert data.articles["assessment"].iat[0].startswith(page.meta["description"][21:-1])
    assert page.meta["og:description"] == page.meta["twitter:description"]
    title = f"{data.articles['title'].iat[0]} — claims checked"
    assert page.meta["og:title"] == page.meta["twitter:title"] == title
    assert page.meta["og:site_name"] == PUBLISHER
    assert "assets/favicon.svg" in files
    assert "../assets/favicon.svg" in page.loads
    index = Page(files["index.html"].decode("utf-8"))
    assert (index.meta["canonical"], index.meta["og:type"]) == (f"{SITE_URL}/index.html", "website")


def test_each_panel_offers_its_claims_link_to_copy(data: factcheck.Dataset, page: Page) -> None:
    assert sorted(page.copy_links) == sorted(data.claims["claim_id"])


def test_an_update_is_dated_and_no_findings_means_no_list(dataset: Path) -> None:
    set_cell(dataset, "articles.csv", 2, "updated_on", "2026-12-07")
    set_cell(dataset, "articles.csv", 2, "key_findings", "")
    data = factcheck.load_dataset(dataset)
    page = build_site(data, PUBLISHER, SITE_URL, POLICIES)[article_path(ARTICLE_ID)]
    text = page.decode("utf-8")
    assert ', updated <time datetime="2026-12-07">2026-12-07</time>.' in text
    assert "Key findings" not in text
    assert 'class="finding"' not in text


def test_an_article_not_yet_assessed_says_so(dataset: Path) -> None:
    for column in ("rating", "assessment", "key_findings", "reviewed_by", "reviewed_on"):
        set_cell(dataset, "articles.csv", 2, column, "")
    data = factcheck.load_dataset(dataset)
    html = build_site(data, PUBLISHER, SITE_URL, POLICIES)[article_path(ARTICLE_ID)]
    text = html.decode("utf-8")
    assert '<section class="assessment' not in text
    assert "The fact-checker's assessment of this article is not written yet." in text
    assert '"@type": "Review"' not in text


def test_the_claimreview_blocks_are_the_export_with_each_claims_anchor(
    data: factcheck.Dataset, page: Page, tmp_path: Path
) -> None:
    blocks = [json.loads(block) for block in page.jsonld[2:]]  # after the page's and the Review
    exported = tmp_path / "claimreview.jsonld"
    command = ["export", "claimreview", "--dir", str(REPO), "-o", str(exported)]
    command += ["--reviewer-name", PUBLISHER, "--reviewer-url", SITE_URL]
    assert main([*command, "--review-url", REVIEW_URL]) == 0
    graph = json.loads(exported.read_text(encoding="utf-8"))["@graph"]
    assert blocks == [{"@context": "https://schema.org", **review} for review in graph]
    assert graph == claim_reviews(data, PUBLISHER, SITE_URL, REVIEW_URL)["@graph"]
    article_id = data.articles["article_id"].iat[0]
    assert blocks[0]["url"] == f"{SITE_URL}/articles/{article_id}.html#{blocks[0]['identifier']}"


def test_nothing_is_loaded_from_elsewhere(files: dict[str, bytes]) -> None:
    for name, content in files.items():
        if name.endswith(".html"):
            loads = Page(content.decode("utf-8")).loads
            assert loads, name
            assert all("://" not in address and not address.startswith("//") for address in loads)


def test_no_cell_can_break_out_of_a_jsonld_block(dataset: Path) -> None:
    """A rationale holding what ends a script element, or opens a comment inside one, stays
    inside its block: every panel is still on the page, and the block reads back."""
    rationale = "It says </script> and <!--<script> here & there."
    set_cell(dataset, "claims.csv", 3, "verdict_rationale", rationale)
    data = factcheck.load_dataset(dataset)
    files = build_site(data, PUBLISHER, SITE_URL, POLICIES)
    html = files[article_path(data.articles["article_id"].iat[0])].decode("utf-8")
    page = Page(html)
    assert sorted(page.panels) == sorted(data.claims["claim_id"])
    rationales = [json.loads(b)["reviewRating"]["ratingExplanation"] for b in page.jsonld[2:]]
    assert rationale in rationales
    assert "<!--<script>" not in html.split("</head>")[0]


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ({"A": (0, 3)}, [("abc", ("A",)), ("defgh", ())]),
        (
            {"A": (0, 5), "B": (2, 4)},
            [("ab", ("A",)), ("cd", ("B", "A")), ("e", ("A",)), ("fgh", ())],
        ),
        ({"A": (1, 4), "B": (1, 4)}, [("a", ()), ("bcd", ("A", "B")), ("efgh", ())]),
        (
            {"A": (0, 4), "B": (2, 6)},
            [("ab", ("A",)), ("cd", ("A", "B")), ("ef", ("B",)), ("gh", ())],
        ),
    ],
)
def test_text_is_cut_where_claims_begin_and_end_innermost_first(
    spans: dict[str, tuple[int, int]], expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert [(s.text, s.claims) for s in segments("abcdefgh", spans)] == expected


def test_each_source_on_a_page_has_a_number_its_marks_and_key_share(
    data: factcheck.Dataset, files: dict[str, bytes]
) -> None:
    """The second sign besides colour when colouring by source: a number per source, in the
    key's order; the style sheet draws it after the source's marks (site.css)."""
    (article,) = articles(data)
    assert list(article.source_labels) == [sid for sid, _, _ in article.source_counts]
    assert list(article.source_labels.values()) == [
        str(n) for n in range(1, len(article.source_counts) + 1)
    ]
    page = files[article_path(article.article_id)].decode("utf-8")
    # each claim's marks carry the numbers of every source it is heard from
    labelled = re.findall(r'data-sources="([A-Z0-9 -]+)" data-label="([\d,]+)"', page)
    assert len(labelled) == len(article.claims)
    for voices, label in labelled:
        assert label == ",".join(article.source_labels[v] for v in voices.split(" "))
    # Yonhap citing the broadcaster; U.S. and South Korean officials, twice
    assert sum("," in label for _, label in labelled) == 3
    keyed = re.findall(
        r'<li class="key-source source-([\w-]+)">.*?"source-label" aria-hidden="true">(\d+)<', page
    )
    assert dict(keyed) == article.source_labels


def test_a_second_articles_sources_repaint_none_of_the_pages_sources(
    data: factcheck.Dataset,
) -> None:
    before = legend(data).sources
    second = replace(data, sources=with_new_sources(data.sources))
    after = {sid: color for sid, _, color in legend(second).sources}
    assert len(after) > len(before)
    assert all(after[sid] == color for sid, _, color in before)


def test_the_command_writes_the_site_and_refuses_a_relative_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    base = ["site", "--dir", str(REPO), "-o", str(out), *OPTIONS]
    assert main([*base, "--reviewer-url", "example.org"]) == 2
    assert "--reviewer-url must be an absolute http(s) address" in capsys.readouterr().err
    assert main([*base, "--reviewer-url", f"{SITE_URL}/"]) == 2  # or the reviews' addresses
    assert "--reviewer-url must not end with '/'" in capsys.readouterr().err
    assert main([*base, "--reviewer-url", SITE_URL]) == 0
    assert (out / "index.html").is_file()
    assert (out / "assets" / "site.js").is_file()


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        ("example.org", "--reviewer-url must be an absolute http(s) address"),
        ("ftp://example.org", "--reviewer-url must be an absolute http(s) address"),
        (f"{SITE_URL}/", "--reviewer-url must not end with '/'"),
        (SITE_URL, None),
        ("http://example.org/fact-checks", None),
    ],
)
def test_the_site_takes_an_absolute_address_without_a_final_slash(
    url: str, refused: str | None
) -> None:
    if refused is None:
        check_reviewer_url(url)
    else:
        with pytest.raises(ExportError, match=re.escape(refused)):
            check_reviewer_url(url)


def test_a_site_is_built_from_a_folder_only_when_its_dataset_validates(
    dataset: Path, files: dict[str, bytes]
) -> None:
    policies = {"corrections": POLICIES.corrections, "contact": POLICIES.contact}
    assert build_site_from(REPO, PUBLISHER, SITE_URL, **policies) == files
    set_cell(dataset, "claims.csv", 6, "verdict", "maybe")
    with pytest.raises(ExportError):  # the address is checked before the dataset is read
        build_site_from(dataset, PUBLISHER, "example.org", **policies)
    with pytest.raises(ExportError):  # and so are the policy and the contact
        build_site_from(dataset, PUBLISHER, SITE_URL, **{**policies, "contact": "nobody"})
    with pytest.raises(DatasetInvalid) as raised:
        build_site_from(dataset, PUBLISHER, SITE_URL, **policies)
    assert [p.rule for p in raised.value.problems] == ["claims.verdict.allowed"]
