"""The workbook for editors: the dataset as an XLSX file (its import is `edits.xlsx_import`).

The workbook has one sheet per table, named after it, written as `storage.workbook` writes a
table (typed cells, drop-downs, styling); a last sheet documents each column. Export then
`factcheck import xlsx` reproduces the CSV files byte for byte.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from factcheck.exports.base import Format, Output, Source
from factcheck.exports.dictionary import column_docs
from factcheck.model.tables import TABLES
from factcheck.storage import dialect
from factcheck.storage.workbook import set_widths, style_header, write_sheet

COLUMNS_SHEET = "columns"


def _write_columns_sheet(sheet: Worksheet) -> None:
    header = ["table", "column", "dtype", "required", "rules", "description"]
    table = [header] + [
        [d.table, d.column, d.dtype, "yes" if d.required else "no", d.rules, d.description]
        for spec in TABLES
        for d in column_docs(spec)
    ]
    for row in table:
        sheet.append(row)
    style_header(sheet)
    set_widths(sheet, table)


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
