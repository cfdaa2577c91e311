"""What spreadsheets write into the dataset's cells when they save a CSV file, and what it
means where there is no doubt.

Excel, LibreOffice Calc and Google Sheets read a CSV file's cells as numbers, dates and
booleans where they can, and write them back in their own spelling:

- the booleans as `TRUE` and `FALSE`. Their case says nothing: validation reads a boolean in
  any case (with the dialect notice), the loader reads it, and `factcheck format` writes it
  in lower case;
- a date in the locale's short format: `9/2/2025` (Excel in the US), `02/09/2025` (the UK),
  `02.09.2025` (Germany). Whether `02/09/2025` is 2 September or 9 February the cell cannot
  say: validation reports it, and `factcheck format --date-order mdy|dmy` converts it once
  the user says which order their spreadsheet writes, refusing a value that is no date in
  that order;
- a month (`2019-06`) as `Jun-19`: validation reports it, for the user to write back.
"""

from __future__ import annotations

import datetime
import re

from factcheck.model.vocabularies import Vocabulary

# A whole cell that is a date in a spreadsheet's short format: day and month of one or two
# digits in either order, the year in four or two (LibreOffice's default: 09/02/25), with one
# separator throughout. (No back references: every engine's regular expressions must read
# it.) Matched as pandera and the engines match a column's pattern: `$` also before a final
# line break, which other rules refuse.
SHORT_DATE = (
    r"^(?:[0-9]{1,2}/[0-9]{1,2}/(?:[0-9]{2}){1,2}|[0-9]{1,2}\.[0-9]{1,2}\.(?:[0-9]{2}){1,2}"
    r"|[0-9]{1,2}-[0-9]{1,2}-(?:[0-9]{2}){1,2})$"
)
_SHORT_DATE = re.compile(SHORT_DATE)
# A month as Excel writes `2019-06` back in English: `Jun-19`. Which century, the cell does
# not say, so nothing converts it; validation says what happened.
SHORT_MONTH = r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-[0-9]{2}$"
_SHORT_MONTH = re.compile(SHORT_MONTH)


class DateOrder(Vocabulary):
    """Which order a spreadsheet writes a date in its short format: `format --date-order`."""

    MDY = "mdy", "Month first: 9/2/2025 is 2 September 2025, as Excel writes it in the US."
    DMY = "dmy", "Day first: 02/09/2025 is 2 September 2025, as in the UK and most of Europe."


def canonical_boolean(cell: str) -> str:
    """A boolean cell as the dataset writes it: `TRUE` is `true`."""
    return cell.lower()


def is_short_date(cell: str) -> bool:
    return _SHORT_DATE.match(cell) is not None


def is_short_month(cell: str) -> bool:
    return _SHORT_MONTH.match(cell) is not None


def iso_date(cell: str, order: DateOrder) -> str | None:
    """A short-format date as YYYY-MM-DD, read in `order`; None if it is no date so read,
    or if its year has two digits (which century, the cell does not say)."""
    if not is_short_date(cell):
        return None
    first, second, year = re.split(r"[/.-]", cell.strip())
    if len(year) != 4:
        return None
    return _iso(int(first), int(second), int(year), order)


def _iso(first: int, second: int, year: int, order: DateOrder) -> str | None:
    month, day = (first, second) if order is DateOrder.MDY else (second, first)
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None
