"""The data dictionary, generated from the schemas, the vocabularies and the dataset rules.

`docs/data-dictionary.md` is this module's output (`factcheck export dictionary -o
docs/data-dictionary.md`); a test fails when the committed file is stale, so the documented
rules are always the enforced ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from factcheck import registry
from factcheck.checks.rules.columns import rule_id, schema_fields
from factcheck.exports.base import Format, Output, Source
from factcheck.model import vocabularies
from factcheck.model.rule_ids import CELL_RULES
from factcheck.model.tables import TABLES, TableSpec
from factcheck.model.vocabularies import Vocabulary


@dataclass(frozen=True)
class ColumnDoc:
    """One column as documented: the dictionary's table rows and the workbook's column sheet."""

    table: str
    column: str
    dtype: str
    required: bool
    rules: str
    description: str


def column_docs(spec: TableSpec) -> list[ColumnDoc]:
    """Every column of a table with its dtype, whether it is required and its rules in words."""
    docs = []
    for name, column in spec.schema.columns.items():
        words = [_rule_words(spec, name, check) for check in column.checks]
        unique = registry.requirement(f"{spec.name}.{name}.unique") if column.unique else ""
        rules = "; ".join(filter(None, [unique, *words]))
        docs.append(
            ColumnDoc(
                spec.name,
                name,
                column.metadata["dtype"],
                not column.nullable,
                rules,
                column.description,
            )
        )
    return docs


def used_vocabularies() -> dict[str, type[Vocabulary]]:
    """The vocabularies the schemas use, by class name, in the order columns first use them."""
    found: dict[str, type[Vocabulary]] = {}
    for spec in TABLES:
        for column in spec.schema.columns.values():
            name = column.metadata.get("vocabulary")
            if name:
                found.setdefault(name, getattr(vocabularies, name))
    return found


def render() -> str:
    """The whole dictionary as Markdown."""
    parts = [
        "# Data dictionary",
        "",
        "Generated from `src/factcheck/model/schemas.py`, `model/vocabularies.py` and "
        "`registry.py` by `factcheck export dictionary`; do not edit by hand.",
        "",
        "Every cell is read as text; an empty cell is a missing value. Every cell of every "
        "table is also held to the rules for any column (`*.*.trimmed` and the others under "
        "*Every rule* below). *dtype* is what `factcheck.load_dataset()` returns for the "
        "column.",
    ]
    for spec in TABLES:
        parts += ["", *_table(spec)]
    parts += ["", "## Vocabularies"]
    for name, vocabulary in used_vocabularies().items():
        parts += [
            "",
            f"### {name}",
            "",
            *_doc_lines(vocabulary),
            "",
            "| value | meaning |",
            "|---|---|",
        ]
        parts += [f"| `{m.value}` | {m.definition} |" for m in vocabulary]
    parts += ["", *_rules()]
    return "\n".join(_escape(part) for part in parts) + "\n"


def _cell(text: str) -> str:
    """Text for a table cell: a `|` in it would end the cell."""
    return text.replace("|", "\\|")


def _escape(line: str) -> str:
    """Escape `<` outside code spans, or "<article_id>" vanishes as an HTML tag when rendered."""
    pieces = line.split("`")
    return "`".join(p if i % 2 else p.replace("<", "&lt;") for i, p in enumerate(pieces))


def _table(spec: TableSpec) -> list[str]:
    schema = spec.schema
    lines = [f"## `{spec.file}`", "", *_doc_lines(spec.model), ""]
    lines += ["| column | dtype | required | rules | description |", "|---|---|---|---|---|"]
    for doc in column_docs(spec):
        required = "yes" if doc.required else "no"
        lines.append(
            f"| `{doc.column}` | {doc.dtype} | {required} | {_cell(doc.rules)} "
            f"| {_cell(doc.description)} |"
        )
    row_checks = [c for c in schema.checks if c.name not in CELL_RULES]
    if row_checks:
        lines += ["", "Row rules:", ""]
        lines += [
            f"- `{c.name.split('.')[0]}` {c.error} (`{spec.name}.{c.name}`)" for c in row_checks
        ]
    return lines


def _rule_words(spec: TableSpec, column: str, check: Any) -> str:
    """A column check's rule in the words of its messages."""
    rule = rule_id(spec, column, str(check.name))
    return registry.requirement(rule, **schema_fields(spec, column, check))


RULES_INTRO = (
    "Each problem names its rule's id in brackets. `*` stands for any table and any "
    "column; `fatal` stops a file from being checked (exit 2), `error` is data that breaks "
    "a rule (exit 1), `notice` is worth knowing but not wrong."
)


def _rules() -> list[str]:
    """Every rule the tools report, from the registry."""
    return ["## Every rule", "", RULES_INTRO, "", *rules_table(registry.RULES.values())]


def rules_table(rules: Iterable[registry.Rule]) -> list[str]:
    """Rules as Markdown table lines (the docs site's rules reference groups them too): a
    `<placeholder>` is filled in from the schema or from what was found."""
    lines = ["| rule | severity | message |", "|---|---|---|"]
    for declared in rules:
        row = f"| `{declared.id}` | {declared.severity} | {_cell(declared.description)} |"
        lines.append(_escape(row))
    return lines


def _doc_lines(obj: type) -> list[str]:
    return [line.strip() for line in (obj.__doc__ or "").strip().splitlines()]


class DictionaryFormat(Format):
    name = "dictionary"
    help = "the data dictionary, generated from the schemas and rules (Markdown)"
    suffix = ".md"
    reads_data = False

    def render(self, source: Source, **options: str) -> Output:
        return render().encode("utf-8")
