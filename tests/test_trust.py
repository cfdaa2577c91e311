"""The pages on how the checks were made (factcheck.site.trust) and the options they are made
from (factcheck.site.policies): each page says what the dataset and the options say, every
page of the site links every one of them, and an option the pages cannot use is refused in
one line before the dataset is read. Read from the HTML itself; tests/test_site_axe.py opens
the same pages in a browser."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import factcheck
from conftest import ARTICLE_ID, REPO
from factcheck import registry
from factcheck.cli import main
from factcheck.exports.base import ExportError
from factcheck.exports.claimreview import RATINGS
from factcheck.model.card import card
from factcheck.model.vocabularies import (
    ArticleRating,
    AttributionCheck,
    BearsOn,
    Certainty,
    ClaimType,
    Stance,
    Verdict,
)
from factcheck.site.build import article_path, build_site, build_site_from
from factcheck.site.policies import Policies, read_policies
from factcheck.site.trust import NAV, PAGES, page_named

PUBLISHER = "factcheck test desk"
SITE_URL = "https://factcheck.example.org/site"
POLICY = "We correct errors openly & promptly.\n\nEach change is dated\non the page it changes."
POLICIES = Policies(POLICY, "desk@example.org")


class Links(HTMLParser):
    """Every link of a page, the ones marked as the current page, the nav's accessible name,
    the JSON-LD blocks and the meta tags."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.current: list[str] = []
        self.navs: list[str] = []
        self.jsonld: list[str] = []
        self.meta: dict[str, str] = {}
        self._script = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
            if found.get("aria-current") == "page":
                self.current.append(str(found["href"]))
        if tag == "nav":
            self.navs.append(found.get("aria-label") or "")
        self._script = tag == "script" and found.get("type") == "application/ld+json"
        if tag == "meta" and found.get("content") is not None:
            self.meta[found.get("property") or found.get("name") or ""] = str(found["content"])
        if tag == "link" and found.get("rel") == "canonical":
            self.meta["canonical"] = str(found["href"])

    def handle_data(self, data: str) -> None:
        if self._script:
            self.jsonld.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._script = False


@pytest.fixture(scope="module")
def files(data: factcheck.Dataset) -> dict[str, str]:
    built = build_site(data, PUBLISHER, SITE_URL, POLICIES)
    return {path: content.decode("utf-8") for path, content in built.items()}


def text_of(page: str) -> str:
    """A page's main content as a reader reads it: tags gone, entities read, spaces one."""
    main_part = page.split('<main id="main">', 1)[1].split("</main>", 1)[0]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", main_part)).split())


def test_the_site_has_each_page_on_how_the_checks_were_made(files: dict[str, str]) -> None:
    assert [page.path for page in PAGES] == [
        "method.html",
        "ratings.html",
        "corrections.html",
        "licence.html",
    ]
    for page in PAGES:
        assert f'<h1 id="page-title">{page.title}</h1>' in files[page.path]


def test_every_page_links_every_other_and_marks_its_own(
    data: factcheck.Dataset, files: dict[str, str]
) -> None:
    article = article_path(data.articles["article_id"].iat[0])
    pages = {"index.html": "index.html", article: None} | {p.path: p.path for p in PAGES}
    for path, own in pages.items():
        root = "../" if path.startswith("articles/") else ""
        links = Links(files[path])
        assert links.navs.count("Site pages") == 1, path  # one nav landmark, named
        for _, target, _ in NAV:
            assert f"{root}{target}" in links.links, (path, target)
        assert links.current == ([] if own is None else [own]), path


def test_each_page_describes_itself_as_the_others_do(files: dict[str, str]) -> None:
    for page in PAGES:
        links = Links(files[page.path])
        url = f"{SITE_URL}/{page.path}"
        assert links.meta["canonical"] == links.meta["og:url"] == url
        assert links.meta["description"] == links.meta["og:description"] == page.description
        assert links.meta["twitter:description"] == page.description
        assert links.meta["og:title"] == f"{page.title} — {PUBLISHER}"
        (block,) = (json.loads(b) for b in links.jsonld)
        assert (block["@type"], block["url"], block["name"]) == (page.schema_type, url, page.title)
        assert block["publisher"]["correctionsPolicy"] == f"{SITE_URL}/corrections.html"


def test_the_reviewer_points_at_its_principles_corrections_and_contact(
    data: factcheck.Dataset, files: dict[str, str]
) -> None:
    page = files[article_path(data.articles["article_id"].iat[0])]
    itself = json.loads(Links(page).jsonld[0])
    assert itself["@type"] == "Article"
    assert itself["author"] == itself["publisher"]
    assert itself["author"] == {
        "@type": "Organization",
        "name": PUBLISHER,
        "url": SITE_URL,
        "publishingPrinciples": f"{SITE_URL}/method.html",
        "correctionsPolicy": f"{SITE_URL}/corrections.html",
        "actionableFeedbackPolicy": f"{SITE_URL}/corrections.html",
        "contactPoint": {
            "@type": "ContactPoint",
            "contactType": "corrections",
            "email": "desk@example.org",
        },
    }


def test_the_ratings_page_lists_every_verdict_and_article_rating_in_scale_order(
    files: dict[str, str],
) -> None:
    page = files["ratings.html"]
    said = text_of(page)
    at = [said.index(f"{v.words} {html.unescape(v.definition)}") for v in Verdict]
    assert at == sorted(at)  # in scale order
    for verdict in Verdict:
        assert f'<span class="sample verdict-{verdict.value}">{verdict.words}</span>' in page
        rating = RATINGS.get(verdict)
        if rating is not None and rating.value is not None:
            assert f"{verdict.definition} In its schema.org ClaimReview: {rating.value} of 5" in (
                said
            )
    assert "Not published as a schema.org ClaimReview." in said  # not_checkable
    at = [said.index(f"{r.words} credibility {r.definition}") for r in ArticleRating]
    assert at == sorted(at)
    for rating in ArticleRating:
        assert f'class="swatch rating-{rating.value}"' in page
    assert "--verdict:" in page.split("</head>", 1)[0]  # the article pages' colours


def test_the_method_page_says_what_the_dataset_and_its_rules_say(
    data: factcheck.Dataset, files: dict[str, str]
) -> None:
    said = text_of(files["method.html"])
    assert card().summary in said
    for vocabulary in (ClaimType, Certainty, AttributionCheck, BearsOn, Stance):
        for term in vocabulary:
            assert f"{term.words}{term.definition}" in said, term  # <dt>, then <dd>
    for rule_id in (
        "claims.verdict.two_independent_publishers",
        "claims.attribution_check.matches_attribution",
    ):
        assert f"{registry.requirement(rule_id)} ({rule_id})" in said
    assert "a story that several sites carry counts once" in said
    counts = f"{len(data.articles)} article and {len(data.claims)} claims"
    checked = int(data.claims["verdict"].notna().sum())
    assert (
        f"{counts}, {checked} of them checked so far against {len(data.evidence)} evidence" in said
    )
    # the longest attribution chain, read in words and linked at its claim's address
    chain = "attributed CURRENTINDIA > YONHAP > KP-BROADCASTER (cue words: reported > citing)"
    assert chain in said
    assert f'href="{article_path(ARTICLE_ID)}#C0015"' in files["method.html"]
    for limitation in card().limitations:
        assert limitation.replace("`", "") in said


def test_the_corrections_page_gives_the_policy_and_the_contact(files: dict[str, str]) -> None:
    page = files["corrections.html"]
    assert "<p>We correct errors openly &amp; promptly.</p>" in page
    assert "<p>Each change is dated on the page it changes.</p>" in page
    assert '<a href="mailto:desk@example.org">desk@example.org</a>' in page


def test_a_contact_page_is_linked_as_given(data: factcheck.Dataset) -> None:
    policies = Policies(POLICY, "https://example.org/contact?topic=corrections")
    page = build_site(data, PUBLISHER, SITE_URL, policies)["corrections.html"].decode("utf-8")
    assert '<a href="https://example.org/contact?topic=corrections">' in page
    itself = json.loads(Links(page).jsonld[0])
    assert itself["publisher"]["contactPoint"]["url"] == policies.contact


def test_the_licence_page_gives_each_groups_licence_and_the_citation(
    files: dict[str, str],
) -> None:
    page = files["licence.html"]
    said = text_of(page)
    for group in card().licences:
        assert f"The {group.group} ({group.path_list(code=False)}) {group.terms}." in said
        if group.url:
            assert f'<a href="{group.url}">{group.name}</a>' in page
    assert card().citation in said
    assert html.escape(card().bibtex, quote=False) in page
    assert "claim C0019, article <code>2025-09-02-kim-jong-un-train-beijing</code>" in page
    about = json.loads(Links(page).jsonld[0])["about"]
    assert about["license"] == [g.url for g in card().licences if g.url]


@pytest.mark.parametrize(
    ("corrections", "contact", "refused"),
    [
        ("", "desk@example.org", "--corrections must not be empty: give the corrections "
         "policy's text, or a file holding it"),
        (" \n ", "desk@example.org", "--corrections must not be empty"),
        (POLICY, "", "--contact must be an email address or an absolute http(s) address"),
        (POLICY, "desk", "--contact must be an email address or an absolute http(s) address, "
         "not 'desk'"),
        (POLICY, "desk@localhost", "--contact must be"),
        (POLICY, "example.org/contact", "--contact must be"),
        (POLICY, "ftp://example.org", "--contact must be"),
        (POLICY, "a b@example.org", "--contact must be"),
    ],
)  # fmt: skip
def test_a_policy_or_contact_the_pages_cannot_use_is_refused(
    data: factcheck.Dataset, corrections: str, contact: str, refused: str
) -> None:
    with pytest.raises(ExportError, match=re.escape(refused)):
        build_site(data, PUBLISHER, SITE_URL, Policies(corrections, contact))


def test_the_policy_is_read_from_a_file_that_is_utf8_and_not_empty(tmp_path: Path) -> None:
    policy = tmp_path / "corrections.md"
    policy.write_text("First paragraph.\n\nSecond, on\ntwo lines.\n", encoding="utf-8")
    read = read_policies(str(policy), " desk@example.org ")
    assert read.paragraphs == ["First paragraph.", "Second, on two lines."]
    assert read.contact == "desk@example.org"
    assert read_policies("We correct errors.", "desk@example.org").paragraphs == [
        "We correct errors."
    ]
    assert read_policies("x" * 5000 + " y", "desk@example.org").corrections.endswith(" y")
    policy.write_bytes(b"caf\xe9")
    with pytest.raises(ExportError, match=re.escape(f"--corrections: {policy} is not UTF-8")):
        read_policies(str(policy), "desk@example.org")
    policy.write_text("\n \n", encoding="utf-8")
    with pytest.raises(ExportError, match=re.escape(f"--corrections: {policy} is empty")):
        read_policies(str(policy), "desk@example.org")
    # one word is a file name mistyped, never a policy
    with pytest.raises(ExportError, match=re.escape("--corrections: corections.md is not a file")):
        read_policies("corections.md", "desk@example.org")


def test_the_command_refuses_missing_options_and_checks_them_before_the_dataset(
    dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["site", "--dir", str(REPO), "-o", str(tmp_path / "site")]
    base += ["--reviewer-name", PUBLISHER, "--reviewer-url", SITE_URL]
    with pytest.raises(SystemExit) as stopped:
        main(base)
    assert stopped.value.code == 2
    assert "the following arguments are required: --corrections, --contact" in (
        capsys.readouterr().err
    )
    (dataset / "claims.csv").write_text("not the table\n", encoding="utf-8")
    broken = [*base[:2], str(dataset), *base[3:]]
    assert main([*broken, "--corrections", "We correct.", "--contact", "desk"]) == 2
    assert capsys.readouterr() == (
        "",
        "factcheck: --contact must be an email address or an absolute http(s) address, "
        "not 'desk'\n",
    )
    assert not (tmp_path / "site").exists()
    policy = tmp_path / "corrections.txt"
    policy.write_text(POLICY, encoding="utf-8")
    assert main([*base, "--corrections", str(policy), "--contact", "desk@example.org"]) == 0
    written = (tmp_path / "site" / "corrections.html").read_text(encoding="utf-8")
    assert "<p>Each change is dated on the page it changes.</p>" in written


def test_a_site_from_a_folder_has_the_same_pages(files: dict[str, str]) -> None:
    built = build_site_from(REPO, PUBLISHER, SITE_URL, POLICY, "desk@example.org")
    assert {path: built[path].decode("utf-8") for path in files} == files
    assert page_named("corrections").path in built
