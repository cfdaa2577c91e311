"""Draft files: the claim rows `factcheck draft` proposes, kept apart from the dataset until
a person has reviewed them and `factcheck merge` moves them in.

A draft is two CSV files in the dataset's dialect: `<name>.csv` with the columns of
`claims.csv`, and `<name>.sources.csv` with those of `sources.csv` for sources the article
names that are not yet listed; or one workbook, `<name>.xlsx`, with a sheet of each, written
as the XLSX export writes a table (`storage.workbook`: typed cells, a drop-down on every
column with a vocabulary, `status` too). Both tables add a first column, `status` (`draft`
until a person sets `accepted` or `rejected`), and a last, `draft_note`, which says why the
row was proposed.

Drafting again into the same file never overwrites a reviewed row: a row whose status is not
`draft`, or which differs from what the drafter proposes for its span now (a person edited it),
is kept as it is, and no new proposal is added for a span it or `claims.csv` already holds.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from factcheck import registry
from factcheck.drafting.clauses import Draft, Row
from factcheck.drafting.naming import proposals_table
from factcheck.model import notation
from factcheck.model.cells import CLAIM_ID
from factcheck.model.tables import spec_named
from factcheck.model.vocabularies import Vocabulary
from factcheck.problems import Problem
from factcheck.storage import dialect
from factcheck.storage.dialect import Rows, cell_rows
from factcheck.storage.reader import read_cells
from factcheck.storage.workbook import blank_headers, read_sheet, write_sheet

STATUS = "status"
NOTE = "draft_note"
DRAFTS_DIR = "drafts"
WORKBOOK = ".xlsx"  # a draft kept as a workbook: one file, a sheet per table


class Status(Vocabulary):
    """Where a drafted row stands in its review."""

    DRAFT = ("draft", "Proposed by the drafter; nobody has reviewed it yet.")
    ACCEPTED = ("accepted", "Reviewed and ready: `factcheck merge` moves it into the dataset.")
    REJECTED = (
        "rejected",
        "Reviewed and turned down; kept so drafting again does not re-propose it.",
    )


def columns(table: str) -> list[str]:
    """The columns of a draft of `table` (claims or sources)."""
    return [STATUS, *spec_named(table).columns, NOTE]


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() == WORKBOOK


def sources_path(path: Path) -> Path:
    """Where the sources of the draft at `path` are: beside it, `.sources.csv` for `.csv`; in
    a workbook, in the same file."""
    if is_workbook(path):
        return path
    stem = path.name[: -len(".csv")] if path.name.endswith(".csv") else path.name
    return path.with_name(f"{stem}.sources.csv")


def default_path(root: Path, article_id: str, workbook: bool = False) -> Path:
    return root / DRAFTS_DIR / f"{article_id}{WORKBOOK if workbook else '.csv'}"


def read_draft(path: Path, table: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """A draft of `table` as text, or the fatal problems validate would report for it (named
    by `path`, as the person gave it): its header must hold every column but the note, which
    only explains a row."""
    if not path.is_file():
        return None, [registry.problem("draft.file", str(path))]
    if is_workbook(path):
        return _read_sheet(path, table)
    return read_cells(path, str(path), columns(table)[:-1])


def _read_sheet(path: Path, table: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """A draft's sheet as text, as `factcheck import xlsx` reads one: a formula stays the
    formula it is, for validation to refuse."""
    name = str(path)
    try:
        workbook = load_workbook(path)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, InvalidFileException) as error:
        return None, [registry.problem("file.readable", name, error=error)]
    if table not in workbook.sheetnames:
        return None, [registry.problem("xlsx.sheets", name, missing=table)]
    rows = read_sheet(workbook[table])
    blank = blank_headers(name, table, rows)  # a note typed beside the table, say
    if blank:
        return None, blank
    header = rows[0] if rows else []
    missing = [
        replace(registry.problem("csv.header.missing", name, column=column), sheet=table)
        for column in columns(table)[:-1]
        if column not in header
    ]
    if missing:
        return None, missing
    body = [row + [""] * (len(header) - len(row)) for row in rows[1:]]
    return pd.DataFrame(body, columns=header, dtype=object), []


def save_draft(path: Path, claims: Rows, sources: Rows | None) -> Path | None:
    """Write a draft's claims and (unless None) its sources: two CSV files, or one workbook
    with a sheet of each (the sources' sheet always, for a source the drafter missed). Where
    the sources went, if anywhere."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if is_workbook(path):
        workbook = Workbook()
        workbook.remove(workbook.active)
        lists = {STATUS: Status.values()}
        write_sheet(workbook.create_sheet("claims"), spec_named("claims"), claims, lists)
        rows = sources if sources is not None else [columns("sources")]
        write_sheet(workbook.create_sheet("sources"), spec_named("sources"), rows, lists)
        buffer = io.BytesIO()
        workbook.save(buffer)
        dialect.write_atomically(path, buffer.getvalue())
        return path
    dialect.write_atomically(path, dialect.render(claims))
    if sources is None:
        return None
    dialect.write_atomically(sources_path(path), dialect.render(sources))
    return sources_path(path)


def located(problem: Problem, path: Path, table: str) -> Problem:
    """A problem of a draft's row, named as the person sees it: in a workbook, on its sheet."""
    return replace(problem, sheet=table) if is_workbook(path) else problem


@dataclass
class Written:
    """What writing a draft did: rows proposed anew, rows kept from the last draft."""

    claims: Path
    sources: Path | None
    proposed: int = 0
    kept: int = 0
    new_sources: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # why nothing was written
    drafter: str = ""  # who drafted the rows: the rules or a model


def write_draft(draft: Draft, path: Path, claims: pd.DataFrame, sources: pd.DataFrame) -> Written:
    """Write `draft` to `path` (and its sources beside it), keeping reviewed and edited rows
    of a draft already there. `claims` and `sources` are the dataset's tables, as text. A
    draft already there that cannot be read is left as it is, and its problems returned."""
    kept, problems = _kept(path, "claims")
    kept_sources, found = _kept(sources_path(path), "sources")
    problems += found
    if kept is None or kept_sources is None:
        return Written(path, None, problems=problems)
    fresh = _rows(draft)
    unchanged = _unedited(kept, fresh)
    kept = kept[~unchanged].reset_index(drop=True)
    taken = set(_spans(kept)) | set(_spans(claims[claims["article_id"] == draft.article_id]))
    fresh = [row for row in fresh if (row["span_start"], row["span_end"]) not in taken]
    _number(fresh, claims, kept)
    table = pd.concat([kept, pd.DataFrame(fresh, columns=columns("claims"))], ignore_index=True)
    # a span a reviewer mistyped sorts last rather than stopping the draft; merge reports it
    table = table.sort_values(
        ["span_start", "span_end"], key=lambda c: pd.to_numeric(c, errors="coerce"), kind="stable"
    ).reset_index(drop=True)
    proposed, new_sources = _sources(draft, sources, table, kept_sources)
    written = save_draft(path, draft_table("claims", table), proposed)
    return Written(path, written, len(fresh), len(kept), new_sources)


def _kept(path: Path, table: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The draft of `table` already at `path`, an empty one if there is none, or None and why
    it cannot be read."""
    if not path.exists():
        return pd.DataFrame(columns=columns(table)), []
    return read_draft(path, table)


def rows_of(draft: Draft) -> pd.DataFrame:
    """The drafted rows as a table in the draft's columns, one a span, without ids."""
    return pd.DataFrame(_rows(draft), columns=columns("claims"), dtype=object)


def _rows(draft: Draft) -> list[dict[str, str]]:
    seen: set[tuple[str, str]] = set()
    rows = []
    for row in draft.rows:
        key = (str(row.start), str(row.end))
        if key not in seen:  # one row a span: the first proposal (a clause) wins
            seen.add(key)
            rows.append(_cells(draft.article_id, row))
    return rows


def _cells(article_id: str, row: Row) -> dict[str, str]:
    quote = row.quote
    claim = quote[:1].upper() + quote[1:] + ("" if quote.endswith((".", "?", "!")) else ".")
    return {column: "" for column in columns("claims")} | {
        STATUS: Status.DRAFT.value,
        "article_id": article_id,
        "span_start": str(row.start),
        "span_end": str(row.end),
        "quote": quote,
        "claim": claim,
        "claim_type": row.claim_type.value,
        "certainty": row.certainty.value,
        "certainty_cue": row.certainty_cue or "",
        "attribution": row.attribution,
        "attribution_cue": row.attribution_cue or "",
        NOTE: row.note,
    }


def _unedited(kept: pd.DataFrame, fresh: list[dict[str, str]]) -> pd.Series:
    """Rows of the old draft still marked draft and equal to a fresh proposal, but for
    their id: those are replaced; every other row is kept as the reviewer left it."""
    if kept.empty:
        return pd.Series(False, index=kept.index, dtype=bool)
    compared = [c for c in columns("claims") if c not in ("claim_id", NOTE)]
    proposals = {tuple(row.get(c, "") for c in compared) for row in fresh}
    same = kept[compared].astype(str).apply(tuple, axis=1).isin(proposals)
    return same & (kept[STATUS] == Status.DRAFT.value)


def _spans(table: pd.DataFrame) -> list[tuple[str, str]]:
    return list(zip(table["span_start"].astype(str), table["span_end"].astype(str), strict=True))


def _number(fresh: list[dict[str, str]], claims: pd.DataFrame, kept: pd.DataFrame) -> None:
    """Give fresh rows the claim ids after every id in claims.csv and the kept rows."""
    used = [*claims.get("claim_id", []), *kept.get("claim_id", [])]
    numbers = [int(i[1:]) for i in used if isinstance(i, str) and re.match(CLAIM_ID, i)]
    after = max(numbers, default=0)
    for offset, row in enumerate(fresh, start=1):
        row["claim_id"] = f"C{after + offset:04d}"


def draft_table(table: str, frame: pd.DataFrame) -> Rows:
    """A draft of `table` as written: its columns in order, then any a reviewer added."""
    return cell_rows(frame, columns(table), extra=True)


def _sources(
    draft: Draft, sources: pd.DataFrame, claims: pd.DataFrame, kept: pd.DataFrame
) -> tuple[Rows | None, list[str]]:
    """The draft's proposed sources: `kept` rows stay, proposals still named by a drafted row
    are added once; None when there are none."""
    named = {sid for chain in claims["attribution"] for sid in notation.source_ids(str(chain))}
    listed = set(sources["source_id"]) | set(kept["source_id"])
    fresh = [
        {STATUS: Status.DRAFT.value, **row, NOTE: "named by a cue; not found in sources.csv"}
        for row in proposals_table(draft.index.proposed.values(), draft.article_id)
        if row["source_id"] not in listed and row["source_id"] in named
    ]
    if kept.empty and not fresh:
        return None, []
    table = pd.concat([kept, pd.DataFrame(fresh, columns=columns("sources"))], ignore_index=True)
    return draft_table("sources", table), [row["source_id"] for row in fresh]
