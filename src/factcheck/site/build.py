"""`factcheck site`: the dataset as static pages a reader opens in a browser.

An index of the articles, and one page per article: its text with every claim marked,
coloured by verdict or by who says it, each claim's panel (its verdict and why, who says it,
the evidence), a list of the claims to filter, and a schema.org ClaimReview block per checked
claim, made by `exports.claimreview` exactly as `factcheck export claimreview` makes it,
each review's `url` the claim's anchor on its page. Beside them, the pages that say how the
checks were made and how to hold them to account (`trust`): how we checked, what each rating
means, corrections and contact, licence and how to cite; every page links every one of them.
Everything the pages need is written beside them (one style sheet, one small script): no
server, no network at view time.

`build_site_from` is the command: it checks the address the site will be published at
(`check_reviewer_url`), the corrections policy and the contact (`policies`) before it loads
the dataset, then builds the pages.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from factcheck.dataset import Dataset, load_dataset
from factcheck.exports import article_review, claimreview
from factcheck.exports.base import ExportError
from factcheck.site import trust
from factcheck.site.pages import Article, articles, legend
from factcheck.site.policies import Policies, read_policies

ASSETS = ("site.css", "site.js", "favicon.svg")
# Each review's page: the claim's anchor on its article's page, under the site's address.
REVIEW_URL = "{reviewer_url}/articles/{article_id}.html#{claim_id}"
ARTICLE_PATH = "articles/{article_id}.html"


def article_path(article_id: str) -> str:
    return ARTICLE_PATH.format(article_id=article_id)


def check_reviewer_url(url: str) -> None:
    """Refuse an address the site cannot be published at: one that is not an absolute
    http(s) address (as the ClaimReview export refuses it), or one ending in '/', under which
    the reviews' addresses would differ from the export's. Raises `ExportError`."""
    claimreview.check_reviewer_url(url)
    if url.endswith("/"):
        raise ExportError("--reviewer-url must not end with '/'")


def build_site_from(
    root: Path, reviewer_name: str, reviewer_url: str, corrections: str, contact: str
) -> dict[str, bytes]:
    """The site of the dataset in `root`, by path, as `build_site` makes it. The options are
    checked first (`ExportError`): the address, then the corrections policy (its text, or a
    file holding it) and the contact (`read_policies`); then the dataset is loaded
    (`DatasetError` with the problems when it does not validate)."""
    check_reviewer_url(reviewer_url)
    policies = read_policies(corrections, contact)
    return build_site(load_dataset(root), reviewer_name, reviewer_url, policies)


def build_site(
    data: Dataset, reviewer_name: str, reviewer_url: str, policies: Policies
) -> dict[str, bytes]:
    """The site's files by path: `index.html`, `articles/<id>.html`, the pages on how the
    checks were made (`trust.PAGES`), `assets/...`. `reviewer_url` is where the site is
    published, without a final '/'; the reviews' addresses are under it."""
    reviews = claimreview.claim_reviews(data, reviewer_name, reviewer_url, REVIEW_URL)["@graph"]
    assessed = article_review.article_reviews(data, reviewer_name, reviewer_url)["@graph"]
    overall = {review["identifier"]: review for review in assessed}
    pages = articles(data)
    environment = _environment()
    reviewer = trust.organisation(reviewer_name, reviewer_url, policies)
    shared = {"legend": legend(data), "reviewer_name": reviewer_name, "nav": trust.NAV}
    files = {
        "index.html": environment.get_template("index.html").render(
            articles=pages,
            article_path=article_path,
            page_url=f"{reviewer_url}/index.html",
            description=f"{_articles(len(pages))}, claim by claim: what holds and why.",
            **shared,
        )
    }
    for page in pages:
        url = f"{reviewer_url}/{article_path(page.article_id)}"
        files[article_path(page.article_id)] = environment.get_template("article.html").render(
            article=page,
            reviews=[
                _page(page, url, reviewer),
                *_overall(overall.get(page.article_id)),
                *_reviews_of(page, reviews),
            ],
            page_url=url,
            description=_description(page),
            **shared,
        )
    for about in trust.PAGES:
        url = f"{reviewer_url}/{about.path}"
        files[about.path] = environment.get_template(about.path).render(
            page=about,
            page_url=url,
            description=about.description,
            jsonld=script_json(trust.jsonld(about, url, reviewer)),
            **trust.content(about, data, policies, ARTICLE_PATH),
            **shared,
        )
    found = {path: html.encode("utf-8") for path, html in files.items()}
    assets = resources.files("factcheck.site").joinpath("assets")
    for name in ASSETS:
        found[f"assets/{name}"] = assets.joinpath(name).read_bytes()
    return found


def _articles(count: int) -> str:
    return f"{count} news article" + ("" if count == 1 else "s")


# A search result shows about this much of a description; a shared link's card less
DESCRIPTION_LENGTH = 200


def _description(page: Article) -> str:
    """What a search result or a shared link says of an article's page: its assessment, or
    its claims counted, cut at a word to `DESCRIPTION_LENGTH` characters."""
    if page.assessment is None:
        return f"{len(page.claims)} claims of “{page.title}”, checked against their sources."
    said = f"{page.assessment.rating_words} credibility: {page.assessment.summary}"
    if len(said) <= DESCRIPTION_LENGTH:
        return said
    return said[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _page(page: Article, url: str, reviewer: dict[str, Any]) -> str:
    """The page itself as a schema.org Article by the reviewer (with its principles,
    corrections policy and contact), about the news article, with the dates of its first and
    latest review (claims' and the article's own)."""
    document: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "url": url,
        "headline": f"{page.title}: claims checked",
        "description": _description(page),
        "author": reviewer,
        "publisher": reviewer,
        "about": {"@type": "NewsArticle", "name": page.title, "datePublished": page.published_on},
    }
    if page.reviewed_dates:
        document["datePublished"] = page.reviewed_dates[0]
        document["dateModified"] = page.reviewed_dates[-1]
    return script_json(document)


def _overall(review: dict[str, Any] | None) -> list[str]:
    """The article's own Review block, first, if it has been assessed."""
    return [] if review is None else [script_json({"@context": "https://schema.org", **review})]


def _reviews_of(page: Article, reviews: list[dict[str, Any]]) -> list[str]:
    """The page's ClaimReview blocks as JSON, safe inside a script element."""
    ids = {claim.claim_id for claim in page.claims}
    blocks = []
    for review in reviews:
        if review["identifier"] in ids:
            document = {"@context": "https://schema.org", **review}
            blocks.append(script_json(document))
    return blocks


# Inside a script element the HTML parser still reads `</script` and `<!--`: a cell holding
# either could end the block early or swallow the page. JSON may spell these characters as
# escapes, which every JSON parser reads back as the same text.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(document: dict[str, Any]) -> str:
    """`document` as JSON that no text in it can break out of a script element."""
    return json.dumps(document, ensure_ascii=False, indent=2).translate(_SCRIPT_SAFE)


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("factcheck.site", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
