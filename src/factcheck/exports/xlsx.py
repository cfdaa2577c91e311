"""The workbook for editors: the dataset as an XLSX file (its import is `edits.xlsx_import`).

The workbook has one sheet per table, named after it, with the header frozen and styled,
readable widths, identifiers and text stored as text (never as a number or a formula),
offsets as whole numbers, dates as real dates, and every enum column offering its allowed
values in a drop-down; a last sheet documents each column. Export then
`factcheck import xlsx` reproduces the CSV files byte for byte.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from factcheck.exports.base import Format, Output, Source
from factcheck.exports.dictionary import column_docs
from factcheck.model.schemas import allowed_values
from factcheck.model.tables import TABLES, TableSpec
from factcheck.storage import dialect

COLUMNS_SHEET = "columns"
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
MAX_WIDTH = 60
# Excel keeps a list validation's items in one formula of at most 255 characters.
MAX_LIST_FORMULA = 255
LAST_ROW = 1_048_576


def write_sheet(sheet: Worksheet, spec: TableSpec, table: list[list[str]]) -> None:
    """One table on a sheet: canonical cells typed by their column's dtype, then the styling."""
    header, body = table[0], table[1:]
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
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    sheet.freeze_panes = "A2"
    _add_drop_downs(sheet, spec, header)
    _set_widths(sheet, table)


def _to_cell(value: str, dtype: str) -> Any:
    if value == "":
        return None
    if dtype == "Int64":
        return int(value)
    if dtype == "date":
        return dt.date.fromisoformat(value)
    return value


def _format_column(sheet: Worksheet, index: int, dtype: str, rows: int) -> None:
    number_format = {"Int64": "0", "date": "yyyy-mm-dd"}.get(dtype, "@")
    for (cell,) in sheet.iter_rows(min_row=2, max_row=rows + 1, min_col=index, max_col=index):
        cell.number_format = number_format
        if number_format == "@" and cell.value is not None:
            cell.data_type = "s"  # a string, even one that looks like a formula or a number


def _add_drop_downs(sheet: Worksheet, spec: TableSpec, header: list[str]) -> None:
    for index, name in enumerate(header, start=1):
        column = spec.schema.columns.get(name)
        if column is None:
            continue
        allowed = allowed_values(column)
        if not allowed:
            continue
        formula = '"' + ",".join(allowed) + '"'
        if len(formula) > MAX_LIST_FORMULA:
            raise ValueError(f"{spec.name}.{name}: too many values for an in-cell drop-down")
        validation = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=column.nullable,
            showErrorMessage=True,
            errorTitle=f"{name}",
            error=f"{name} must be one of: {', '.join(allowed)}",
        )
        letter = get_column_letter(index)
        validation.add(f"{letter}2:{letter}{LAST_ROW}")
        sheet.add_data_validation(validation)


def _set_widths(sheet: Worksheet, table: list[list[str]]) -> None:
    for index, name in enumerate(table[0], start=1):
        longest = max((len(row[index - 1]) for row in table), default=len(name))
        sheet.column_dimensions[get_column_letter(index)].width = min(longest + 2, MAX_WIDTH)


def _write_columns_sheet(sheet: Worksheet) -> None:
    header = ["table", "column", "dtype", "required", "rules", "description"]
    table = [header] + [
        [d.table, d.column, d.dtype, "yes" if d.required else "no", d.rules, d.description]
        for spec in TABLES
        for d in column_docs(spec)
    ]
    for row in table:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    sheet.freeze_panes = "A2"
    _set_widths(sheet, table)


class WorkbookFormat(Format):
    name = "xlsx"
    help = "an Excel workbook: one sheet per table, drop-downs, and a sheet of column docs"
    suffix = ".xlsx"
    text = False

    def render(self, source: Source, **options: str) -> Output:
        workbook = Workbook()
        workbook.remove(workbook.active)
        for spec in TABLES:
            rows = dialect.rows(spec, source.text_table(spec.name))
            write_sheet(workbook.create_sheet(spec.name), spec, rows)
        _write_columns_sheet(workbook.create_sheet(COLUMNS_SHEET))
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
