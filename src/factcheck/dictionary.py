"""The data dictionary, generated from the schemas, the vocabularies and the dataset rules.

`docs/data-dictionary.md` is this module's output (`factcheck dictionary -o
docs/data-dictionary.md`); a test fails when the committed file is stale, so the documented
rules are always the enforced ones.
"""

from __future__ import annotations

from typing import Any

from factcheck.rules import RULES
from factcheck.schemas import TABLES, TableSpec
from factcheck.validate import BUILTIN_RULES
from factcheck.vocabularies import Certainty, ClaimType, SourceKind, TitleOrigin, Vocabulary

VOCABULARIES: dict[str, type[Vocabulary]] = {
    "claim_type": ClaimType,
    "certainty": Certainty,
    "kind": SourceKind,
    "title_origin": TitleOrigin,
}


def render() -> str:
    """The whole dictionary as Markdown."""
    parts = [
        "# Data dictionary",
        "",
        "Generated from `src/factcheck/schemas.py`, `vocabularies.py` and `rules.py` by "
        "`factcheck dictionary`; do not edit by hand.",
        "",
        "Every cell is read as text; an empty cell is a missing value. Every cell of every "
        "table must not begin or end with spaces and must not contain line breaks or tabs. "
        "*dtype* is what `factcheck.load_dataset()` returns for the column.",
    ]
    for spec in TABLES:
        parts += ["", *_table(spec)]
    parts += ["", "## Vocabularies"]
    for column, vocabulary in VOCABULARIES.items():
        parts += [
            "",
            f"### `{column}`",
            "",
            *_doc_lines(vocabulary),
            "",
            "| value | meaning |",
            "|---|---|",
        ]
        parts += [f"| `{m.value}` | {m.definition} |" for m in vocabulary]
    parts += [
        "",
        "## Dataset rules",
        "",
        "Checked across tables and against the article texts.",
        "",
    ]
    parts += ["| rule | what it requires |", "|---|---|"]
    parts += [f"| `{r.id}` | {r.id.split('.')[1]} {r.description} |" for r in RULES]
    return "\n".join(_escape(part) for part in parts) + "\n"


def _escape(line: str) -> str:
    """Escape `<` outside code spans, or "<article_id>" vanishes as an HTML tag when rendered."""
    pieces = line.split("`")
    return "`".join(p if i % 2 else p.replace("<", "&lt;") for i, p in enumerate(pieces))


def _table(spec: TableSpec) -> list[str]:
    schema = spec.schema
    lines = [f"## `{spec.file}`", "", *_doc_lines(spec.model), ""]
    lines += ["| column | dtype | required | rules | description |", "|---|---|---|---|---|"]
    for name, column in schema.columns.items():
        words = [_rule_words(name, column, check) for check in column.checks]
        rules = "; ".join(filter(None, ["unique" if column.unique else "", *words]))
        required = "no" if column.nullable else "yes"
        dtype = column.metadata["dtype"]
        lines.append(f"| `{name}` | {dtype} | {required} | {rules} | {column.description} |")
    if schema.checks:
        lines += ["", "Row rules:", ""]
        lines += [
            f"- `{c.name.split('.')[0]}` {c.error} (`{spec.name}.{c.name}`)" for c in schema.checks
        ]
    return lines


def _rule_words(name: str, column: Any, check: Any) -> str:
    rule = BUILTIN_RULES.get(check.name, check.name)
    if rule in ("trimmed", "one_line"):
        return ""
    if rule == "format":
        return f"must be {column.metadata['format']}"
    if rule == "allowed" and name in VOCABULARIES:
        return f"one of the `{name}` vocabulary below"
    if rule == "allowed":
        return f"one of: {', '.join(check.statistics['allowed_values'])}"
    return str(check.error)


def _doc_lines(obj: type) -> list[str]:
    return [line.strip() for line in (obj.__doc__ or "").strip().splitlines()]
