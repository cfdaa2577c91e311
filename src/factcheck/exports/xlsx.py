"""The spreadsheet round trip: export the dataset as an XLSX workbook, import an edited one.

The workbook has one sheet per table, named after it, with the header frozen and styled,
readable widths, identifiers and text stored as text (never as a number or a formula),
offsets as whole numbers, dates as real dates, and every enum column offering its allowed
values in a drop-down; a last sheet documents each column. Importing reads the sheets back
into cells exactly as the CSV files hold them and validates them, located by the sheet's own
row numbers, before writing anything: an invalid workbook changes nothing. Export then import
reproduces the CSV files byte for byte.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from factcheck.checks.frames import is_missing
from factcheck.checks.validate import check_dataset
from factcheck.edits.staging import check_staged
from factcheck.exports.dictionary import column_docs
from factcheck.model.schemas import TABLES, TableSpec
from factcheck.problems import Problem, Severity, blocking
from factcheck.storage import dialect

COLUMNS_SHEET = "columns"
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
MAX_WIDTH = 60
# Excel keeps a list validation's items in one formula of at most 255 characters.
MAX_LIST_FORMULA = 255
LAST_ROW = 1_048_576


@dataclass
class Imported:
    """What an import found and did: blocking problems (then nothing was written), or the CSV
    files it rewrote."""

    problems: list[Problem] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def export_workbook(directory: str | Path, target: str | Path) -> None:
    """Write the validated dataset in `directory` as a workbook at `target`."""
    checked = check_dataset(directory)
    problems = blocking(checked.problems)
    if problems:
        raise ValueError(f"{len(problems)} problem(s): the dataset must validate to be exported")
    workbook = Workbook()
    workbook.remove(workbook.active)
    for spec in TABLES:
        write_sheet(
            workbook.create_sheet(spec.name), spec, dialect.rows(spec, checked.tables[spec.name])
        )
    _write_columns_sheet(workbook.create_sheet(COLUMNS_SHEET))
    workbook.save(target)


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
        allowed = [c.statistics["allowed_values"] for c in column.checks if c.name == "isin"]
        if not allowed:
            continue
        formula = '"' + ",".join(allowed[0]) + '"'
        if len(formula) > MAX_LIST_FORMULA:
            raise ValueError(f"{spec.name}.{name}: too many values for an in-cell drop-down")
        validation = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=column.nullable,
            showErrorMessage=True,
            errorTitle=f"{name}",
            error=f"{name} must be one of: {', '.join(allowed[0])}",
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


def import_workbook(source: str | Path, directory: str | Path) -> Imported:
    """Bring an edited workbook back into the CSV files of `directory`, only if it validates."""
    workbook = load_workbook(source)  # formulas stay formulas, so validation can refuse them
    missing = [spec.name for spec in TABLES if spec.name not in workbook.sheetnames]
    if missing:
        message = f"has no sheet named {', '.join(missing)}; expected one per table"
        return Imported(
            [Problem(str(source), None, None, None, "xlsx.sheets", message, Severity.FATAL)]
        )
    tables = {spec.name: _read_sheet(workbook[spec.name]) for spec in TABLES}
    root = Path(directory)
    problems = check_staged(root, tables)  # in the sheets' row order: the rows an editor sees
    if problems:
        return Imported(problems=problems)
    result = Imported()
    for spec in TABLES:
        frame = _frame(tables[spec.name])
        wanted = dialect.canonical(spec, frame)
        path = root / spec.file
        if not path.exists() or path.read_bytes() != wanted:
            dialect.write_atomically(path, wanted)
            result.changed.append(spec.file)
    return result


def _read_sheet(sheet: Worksheet) -> list[list[str]]:
    table = [[_to_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    while table and not any(table[-1]):
        table.pop()
    width = len(table[0]) if table else 0
    while width and not any(row[width - 1] for row in table if len(row) >= width):
        width -= 1  # columns a spreadsheet counts as used but that hold nothing
    return [row[:width] for row in table]


def _to_text(value: Any) -> str:
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


def _frame(table: list[list[str]]) -> pd.DataFrame:
    return pd.DataFrame([[cell or None for cell in row] for row in table[1:]], columns=table[0])
