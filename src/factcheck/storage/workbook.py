"""Tables as workbook sheets, and back: what the XLSX export (`exports.xlsx`), its import
(`edits.xlsx_import`) and a draft kept as a workbook (`drafting.files`) share.

A sheet holds one table: the header frozen and styled, readable widths, identifiers and text
stored as text (never as a number or a formula), offsets as whole numbers, dates as real
dates, and every column with a closed vocabulary offering its values in a drop-down. Read
back, each cell is text as the CSV file holds it: dates as YYYY-MM-DD, whole numbers without
'.0'; a formula stays the formula it is (`=...`), so validation refuses it rather than its
result slipping in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from factcheck import registry
from factcheck.model.schemas import allowed_values
from factcheck.model.tables import TableSpec
from factcheck.problems import Problem
from factcheck.storage.records import is_missing

HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
MAX_WIDTH = 60
# Excel keeps a list validation's items in one formula of at most 255 characters.
MAX_LIST_FORMULA = 255
LAST_ROW = 1_048_576


def write_sheet(
    sheet: Worksheet,
    spec: TableSpec,
    table: Sequence[Sequence[str]],
    lists: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """One table on a sheet: canonical cells typed by their column's dtype in `spec`, then
    the styling; a drop-down on each of the table's enum columns and on each column `lists`
    names (a column a draft adds, say)."""
    header, body = list(table[0]), table[1:]
    dtypes = {name: column.metadata["dtype"] for name, column in spec.schema.columns.items()}
    sheet.append(header)
    for values in body:
        sheet.append(
            [
                _to_cell(value, dtypes.get(name, "string"))
                for name, value in zip(header, values, strict=True)
            ]
        )
    for index, name in enumerate(header, start=1):
        _format_column(sheet, index, dtypes.get(name, "string"), len(body))
    style_header(sheet)
    for index, name in enumerate(header, start=1):
        column = spec.schema.columns.get(name)
        allowed = None if column is None else allowed_values(column)
        if column is not None and allowed:
            add_drop_down(sheet, index, name, allowed, column.nullable)
        elif lists and name in lists:
            add_drop_down(sheet, index, name, list(lists[name]), False)
    set_widths(sheet, table)


def style_header(sheet: Worksheet) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    sheet.freeze_panes = "A2"


def _to_cell(value: str, dtype: str) -> Any:
    """A cell typed by its column's dtype; one that is not what its column holds (a draft's
    mistyped offset) stays the text it is, for validation to report."""
    if value == "":
        return None
    try:
        if dtype == "Int64":
            return int(value)
        if dtype == "date":
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    return value


def _format_column(sheet: Worksheet, index: int, dtype: str, rows: int) -> None:
    number_format = {"Int64": "0", "date": "yyyy-mm-dd"}.get(dtype, "@")
    for (cell,) in sheet.iter_rows(min_row=2, max_row=rows + 1, min_col=index, max_col=index):
        cell.number_format = number_format
        if number_format == "@" and cell.value is not None:
            cell.data_type = "s"  # a string, even one that looks like a formula or a number


def add_drop_down(sheet: Worksheet, index: int, name: str, allowed: list[str], blank: bool) -> None:
    """Column `index` offers `allowed` in a drop-down, and refuses anything else typed."""
    formula = '"' + ",".join(allowed) + '"'
    if len(formula) > MAX_LIST_FORMULA:
        raise ValueError(f"{sheet.title}.{name}: too many values for an in-cell drop-down")
    validation = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=blank,
        showErrorMessage=True,
        errorTitle=f"{name}",
        error=f"{name} must be one of: {', '.join(allowed)}",
    )
    letter = get_column_letter(index)
    validation.add(f"{letter}2:{letter}{LAST_ROW}")
    sheet.add_data_validation(validation)


def set_widths(sheet: Worksheet, table: Sequence[Sequence[str]]) -> None:
    for index, name in enumerate(table[0], start=1):
        longest = max((len(row[index - 1]) for row in table), default=len(name))
        sheet.column_dimensions[get_column_letter(index)].width = min(longest + 2, MAX_WIDTH)


def read_sheet(sheet: Worksheet) -> list[list[str]]:
    """A sheet's cells as text, without the empty rows and columns a spreadsheet counts as
    used at its end."""
    table = [[to_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    while table and not any(table[-1]):
        table.pop()
    width = len(table[0]) if table else 0
    while width and not any(row[width - 1] for row in table if len(row) >= width):
        width -= 1  # columns a spreadsheet counts as used but that hold nothing
    return [row[:width] for row in table]


def blank_headers(source: str, sheet: str, table: list[list[str]]) -> list[Problem]:
    """Each column of a sheet read by `read_sheet` without a name (a note beside the table,
    say, or an empty column before one), by its letter. The sheet's empty columns at the
    right are already trimmed, so a blank header cell here has data under it or a column
    after it."""
    return [
        replace(
            registry.problem("xlsx.header.blank", source, column=get_column_letter(index + 1)),
            sheet=sheet,
        )
        for index in unnamed(table)
    ]


def unnamed(table: list[list[str]]) -> list[int]:
    """The places of a sheet's columns without a name in its header row."""
    return [index for index, name in enumerate(table[0] if table else []) if not name.strip()]


def to_text(value: Any) -> str:
    """A cell as the CSV would hold it: dates as YYYY-MM-DD, whole numbers without '.0'."""
    if value is None or is_missing(value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
