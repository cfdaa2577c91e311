"""How a model's checks are named as rules: the one mapping every path that runs them uses
(the engines' queries, pandera's own `validate` read back as problems)."""

from __future__ import annotations

# pandera's names for its built-in checks (and for the required and unique properties it
# checks without a check object), and ours for the rule each enforces.
BUILTIN_RULES = {
    "not_nullable": "required",
    "field_uniqueness": "unique",
    "str_matches": "format",
    "isin": "allowed",
    "str_length": "length",
}
# The rules every cell of every table obeys, whatever its column (`*.*.<rule>`).
CELL_RULES = ("trimmed", "one_line", "printable", "nfc", "formula_safe")
# pandera's name for a column the strict model does not know
UNKNOWN_COLUMN = "column_in_schema"


def column_rule_id(table: str, column: str, check_name: str) -> str:
    """The rule id a column's check reports under, `<table>.<column>.<rule>`."""
    return f"{table}.{column}.{BUILTIN_RULES.get(check_name, check_name)}"


def table_rule_id(table: str, check_name: str) -> str:
    """The rule id of a check on whole rows, named `<column>.<rule>` after the column its
    problems point at."""
    return f"{table}.{check_name}"


def reported_column(check_name: str) -> str:
    """The column a check on whole rows reports at: the one its name starts with."""
    return check_name.split(".", 1)[0]


def unknown_column_rule_id(table: str) -> str:
    return f"{table}.columns.known"
