"""Generate a synthetic dataset in the factcheck schema, valid under every rule.

    python benchmarks/generate.py CLAIMS OUTDIR

Articles of about fifty sentences, each sentence one claim whose span and quote match the
text exactly; publishers and agencies whose ids never occur inside one another; attribution
chains with cue words from their paragraph; every verdict, with the evidence each needs (two
independent publishers taking a side for every supported, refuted and partly supported
claim) and attribution evidence for confirmed attributions; dates in order. Sizes scale
together: a claim has two evidence items on average. The output is in the canonical CSV
dialect, so `factcheck format --check` passes.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from factcheck.exports.datapackage import render as render_datapackage
from factcheck.model.tables import TABLES

CLAIMS_PER_ARTICLE = 50
SENTENCES_PER_PARAGRAPH = 5
REVIEWED_ON = "2026-01-15"
PUBLISHED_ON = "2025-06-01"
# (claim_type, verdict) in rotation: every verdict and type appears, uncheckable ones too
ROTATION = [
    ("event", "supported"),
    ("attribute", "supported"),
    ("time_or_quantity", "supported"),
    ("event", "refuted"),
    ("attribute", "partly_supported"),
    ("event", "not_enough_evidence"),
    ("analysis_or_opinion", "not_checkable"),
    ("expectation_or_plan", "not_checkable"),
    ("event", "supported"),
    ("attribute", "supported"),
]


def claim_id(n: int) -> str:
    return f"C{n:04d}" if n < 10_000 else f"C{n}"


def evidence_id(n: int) -> str:
    return f"E{n:04d}" if n < 10_000 else f"E{n}"


def source_ids(claims: int) -> tuple[list[str], list[str]]:
    """Publishers and agencies; one fixed width, so no id can occur inside another."""
    articles = max(1, claims // CLAIMS_PER_ARTICLE)
    publishers = [f"PUB{i:06d}" for i in range(1, min(articles, 200) + 1)]
    agencies = [f"AGY{i:06d}" for i in range(1, max(2, claims // 2_000) + 1)]
    return publishers, agencies


def sentence(n: int, attributed: bool, expected: bool) -> str:
    words = "reported" if attributed else "noted"
    tail = " as expected" if expected else ""
    return f"Officials {words} that event {n} took place in region {n % 97}{tail}."


def generate(claims: int, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "articles").mkdir(exist_ok=True)
    publishers, agencies = source_ids(claims)
    writers = {}
    handles = {}
    for spec in TABLES:
        handles[spec.name] = (out / spec.file).open("w", encoding="utf-8", newline="")
        writers[spec.name] = csv.writer(handles[spec.name], lineterminator="\n")
        writers[spec.name].writerow(spec.columns)
    article_rows = []
    evidence_counter = 0
    used = set()
    for article_number, start in enumerate(range(0, claims, CLAIMS_PER_ARTICLE), start=1):
        article_id = f"synthetic-{article_number:07d}"
        publisher = publishers[(article_number - 1) % len(publishers)]
        used.add(publisher)
        text, rows = _article(
            article_id, publisher, agencies, start, min(claims, start + CLAIMS_PER_ARTICLE)
        )
        (out / "articles" / f"{article_id}.txt").write_text(text, encoding="utf-8", newline="")
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        article_rows.append(
            [
                article_id,
                f"Synthetic article {article_number}",
                "dataset",
                publisher,
                f"https://example.org/articles/{article_number}",
                PUBLISHED_ON,
                "en",
                digest,
                "complete",
                *[""] * 6,  # not assessed yet: rating to updated_on
            ]
        )
        for claim, attributed_to in rows:
            writers["claims"].writerow(claim)
            if attributed_to:
                used.add(attributed_to)
            for item in _evidence(claim, attributed_to is not None):
                evidence_counter += 1
                writers["evidence"].writerow([evidence_id(evidence_counter), *item])
    for row in article_rows:
        writers["articles"].writerow(row)
    for source in sorted(used):
        kind = "publisher" if source.startswith("PUB") else "news_agency"
        writers["sources"].writerow(
            [source, f"Source {source}", "", kind, "KR", "false", f"Synthetic source {source}."]
        )
    for handle in handles.values():
        handle.close()
    (out / "datapackage.json").write_text(render_datapackage(), encoding="utf-8")


def _article(
    article_id: str, publisher: str, agencies: list[str], first: int, last: int
) -> tuple[str, list[tuple[list[str], str | None]]]:
    lines: list[str] = []
    rows: list[tuple[list[str], str | None]] = []
    offset = 0
    paragraph: list[str] = []
    pending: list[tuple[int, int, int, bool, bool]] = []
    for n in range(first, last):
        attributed = n % 3 == 0
        claim_type, _ = ROTATION[n % len(ROTATION)]
        expected = claim_type == "expectation_or_plan"
        text = sentence(n, attributed, expected)
        position = offset + sum(len(s) + 1 for s in paragraph)
        paragraph.append(text)
        pending.append((n, position, position + len(text), attributed, expected))
        if len(paragraph) == SENTENCES_PER_PARAGRAPH or n == last - 1:
            line = " ".join(paragraph)
            lines.append(line)
            offset += len(line) + 1
            paragraph = []
    text = "\n".join(lines)
    for n, start, end, attributed, expected in pending:
        claim_type, verdict = ROTATION[n % len(ROTATION)]
        agency = agencies[n % len(agencies)] if attributed else None
        chain = f"{publisher} > {agency}" if agency else publisher
        claim = [
            claim_id(n + 1),
            article_id,
            str(start),
            str(end),
            text[start:end],
            f"Event {n} took place in region {n % 97}.",
            claim_type,
            "expected" if expected else "asserted",
            "expected" if expected else "",
            chain,
            "reported" if agency else "",
            "2025-05-30" if claim_type == "event" else "",
            verdict,
            f"The synthetic evidence for claim {n} gives this verdict.",
            "confirmed" if agency else "not_applicable",
            "The agency is found saying so." if agency else "",
            REVIEWED_ON,
        ]
        rows.append((claim, agency))
    return text, rows


def _evidence(claim: list[str], attributed: bool) -> Iterator[list[str]]:
    cid, verdict = claim[0], claim[12]

    def item(suffix: str, publisher: str, originator: str, stance: str, bears: str) -> list[str]:
        site = publisher.lower().replace(" ", "-")  # one site, one publisher
        return [
            cid,
            bears,
            f"https://{site}.example.org/evidence/{cid}/{suffix}",
            publisher,
            originator,
            "2025-06-02",
            stance,
            f"A synthetic page that {stance} the claim.",
        ]

    if verdict == "supported":
        # two publishers that take its side: one would be a notice
        yield item("a", "Daily One", "Wire A", "supports", "content")
        yield item("b", "Daily Two", "", "supports", "content")
    elif verdict in ("refuted", "partly_supported"):
        stance = "refutes" if verdict == "refuted" else "supports"
        yield item("a", "Daily One", "Wire A", stance, "content")
        yield item("b", "Daily Two", "Wire B", "refutes", "content")
    elif verdict == "not_enough_evidence":
        yield item("a", "Daily Three", "", "context", "content")
    if attributed:
        yield item("c", "Daily Four", "", "supports", "attribution")


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
