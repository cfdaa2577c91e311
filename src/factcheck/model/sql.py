"""Checks written once in SQL, and the pieces of SQL the rules are built from.

A check that SQL states plainly (what a cell starts with, two cells filled in together) is
declared in a model with an SQL expression that is true where a row passes, kept in the
check's statistics. Every engine runs that expression in its own SQL; pandera, given a
pandas frame, runs it through DuckDB. A missing cell is NULL, and an expression that comes
out NULL passes: a cell left empty is the required rule's business.

The SQL is DuckDB's dialect, kept to what other engines share, so that Spark runs it after a
mechanical translation.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

SQL = "sql"  # the statistic a check's SQL is kept under
CELL = "{cell}"  # where a cell rule's SQL names the cell it is applied to
ROW = "_row"  # the spreadsheet row of a table's row, in every table an engine holds
# A check that compares a row with the table's other rows (no two claims alike, say) is a
# query: the statistic `FAILING` keeps SQL that selects the `_row` of every failing row of
# the table it names `{table}`. An engine runs it over the whole table it holds; pandera,
# given a pandas frame, through DuckDB with `_row` the frame's row positions.
TABLE = "{table}"
FAILING = "failing"
# The statistic naming the Python functions (SQL name: function of one text) a check's SQL
# calls; each path that runs the SQL registers them under those names.
FUNCTIONS = "functions"
# The statistic of a check written in Python naming its function, `module:qualname`, which
# the validator imports and calls by that name.
PYTHON = "python"
# What an engine without DuckDB's `nfc_normalize` (Spark) calls in its place: DuckDB's own,
# run from Python (`cells.nfc_normalize`).
NFC_NORMALIZE = "fc_nfc_normalize"
# The statistic of a check written in Python that says, in SQL, which cells could fail it:
# an engine calls Python only for those.
CANDIDATES = "candidates"

# Python's white space, which `\s` matches in a text pattern; SQL engines' `\s` is ASCII only.
_SPACE = (
    r"\t\n\x{0B}\x{0C}\r\x{1C}-\x{20}\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}"
    r"\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}"
)


def literal(text: str) -> str:
    """Text as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def name(identifier: str) -> str:
    """A column or table name as an SQL identifier (`when` is a keyword)."""
    return '"' + identifier.replace('"', '""') + '"'


def one_of(values: list[str]) -> str:
    """SQL: a parenthesised list of text values, for IN."""
    return "(" + ", ".join(literal(v) for v in values) + ")"


def sql_pattern(pattern: str) -> str:
    """A Python regular expression as SQL engines run it alike (RE2 in DuckDB, Java's in
    Spark) with Python's meaning: `\\s` is any Unicode white space, and a final `$` also
    matches before a final line break, as it does in `re.match`."""
    out: list[str] = []
    in_class, opened, at = False, 0, 0
    while at < len(pattern):
        char = pattern[at]
        if char == "\\" and at + 1 < len(pattern):
            out.append(_escape(pattern[at : at + 2], in_class, pattern))
            at += 2
            continue
        first_in_class = len(out) == opened or (len(out) == opened + 1 and out[-1] == "^")
        if char == "]" and in_class and not first_in_class:
            in_class = False
        out.append(char)
        at += 1
        if char == "[" and not in_class:
            in_class, opened = True, len(out)
    translated = "".join(out)
    if translated.endswith("$") and not translated.endswith("\\$"):
        translated = translated[:-1] + r"\n?$"
    return translated


def _escape(escaped: str, in_class: bool, pattern: str) -> str:
    if escaped == r"\s":
        return _SPACE if in_class else f"[{_SPACE}]"
    if escaped == r"\S" and not in_class:
        return f"[^{_SPACE}]"
    if escaped == r"\S":
        raise ValueError(f"\\S inside a class cannot be translated: {pattern}")
    return escaped


def matches(cell: str, pattern: str) -> str:
    """SQL: the cell is present and matches `pattern` (a Python regular expression, matched
    from the start as `re.match` does)."""
    return f"coalesce(regexp_matches({cell}, {literal(sql_pattern(pattern))}), false)"


def contains(cell: str, pattern: str) -> str:
    """SQL: `pattern` occurs somewhere in the cell (NULL for a missing cell)."""
    return f"regexp_matches({cell}, {literal(sql_pattern(pattern))})"


def passes_on_frame(frame: pd.DataFrame, passes: str) -> pd.Series:
    """Whether each row of a pandas frame passes an SQL check, run by DuckDB."""
    cursor = _connection().cursor()  # a cursor of its own: safe across threads
    try:
        cursor.register("frame", frame)
        result = cursor.execute(f"SELECT coalesce({passes}, true) FROM frame").fetchnumpy()
    finally:
        cursor.close()
    return pd.Series(next(iter(result.values())).astype(bool), index=frame.index)


def rows_pass_query(
    frame: pd.DataFrame, failing: str, functions: Mapping[str, TextFunction]
) -> pd.Series:
    """Whether each row of a pandas frame passes a check that compares rows, given as SQL
    selecting the `_row` of every failing row of `{table}`; run by DuckDB with `_row` the
    row's position in the frame."""
    connection = _connection()
    for function_name, function in functions.items():
        _register(connection, function_name, function)
    cursor = connection.cursor()
    try:
        cursor.register("frame", frame.assign(**{ROW: range(len(frame))}))
        found = cursor.execute(failing.replace(TABLE, "frame")).fetchnumpy()
    finally:
        cursor.close()
    failed = set(next(iter(found.values())).tolist())
    return pd.Series([at not in failed for at in range(len(frame))], index=frame.index)


# A Python function SQL calls on one text, giving text.
TextFunction = Callable[[str], str]


_PANDERA_DUCKDB: dict[str, Any] = {}  # the connection, once made, and what it has registered
_LOCK = threading.Lock()


def _connection() -> Any:
    """One in-process DuckDB for pandera's checks of pandas frames: opening one costs more
    than a check. Made under a lock, so that two threads' first checks share one."""
    with _LOCK:
        if "connection" not in _PANDERA_DUCKDB:
            import duckdb  # only pandera's own validation of a frame needs it here

            _PANDERA_DUCKDB["connection"] = duckdb.connect()
            _PANDERA_DUCKDB["functions"] = {}
        return _PANDERA_DUCKDB["connection"]


def normalized_by_duckdb(text: str) -> str:
    """`text` in NFC as DuckDB's `nfc_normalize` writes it."""
    cursor = _connection().cursor()
    try:
        found: str = cursor.execute("SELECT nfc_normalize(?)", [text]).fetchall()[0][0]
    finally:
        cursor.close()
    return found


def _register(connection: Any, function_name: str, function: TextFunction) -> None:
    """Register a text function in pandera's DuckDB once (DuckDB refuses a second time);
    two different functions under one name are a mistake of the model's."""
    with _LOCK:
        registered = _PANDERA_DUCKDB["functions"]
        if registered.get(function_name, function) is not function:
            raise ValueError(f"two functions declared as {function_name}")
        if function_name in registered:
            return
        import duckdb

        text = duckdb.sqltype("VARCHAR")
        connection.create_function(function_name, function, [text], text, side_effects=False)
        registered[function_name] = function


def cells_pass(frame: pd.DataFrame, passes: str) -> pd.DataFrame | bool:
    """A cell rule (SQL naming the cell `{cell}`) applied to every cell of a frame."""
    outcome = {
        column: passes_on_frame(frame, passes.replace(CELL, name(str(column))))
        for column in frame.columns
    }
    result = pd.DataFrame(outcome, index=frame.index)
    return True if result.to_numpy().all() else result


def statistics(passes: str) -> dict[str, Any]:
    """The statistics a check declared by SQL carries."""
    return {SQL: passes}


def table_statistics(failing: str, functions: Mapping[str, TextFunction]) -> dict[str, Any]:
    """The statistics a check that compares rows carries: its SQL, and the functions it calls."""
    return {FAILING: failing, FUNCTIONS: dict(functions)}
