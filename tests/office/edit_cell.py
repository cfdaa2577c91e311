"""Edit one cell of a CSV file in LibreOffice Calc, as a user would, and save it as CSV.

Run by a Python that has LibreOffice's UNO bridge (Debian's `python3-uno`, for the system's
python3), not by the test environment's: `python3 edit_cell.py SOFFICE PROFILE_URL FILE ROW
COLUMN VALUE`, ROW and COLUMN counted from 0 as Calc counts them. It starts LibreOffice
headless on a pipe of its own, opens FILE with the CSV filter (comma, double quote, UTF-8),
types VALUE into the cell as text and stores the sheet back as CSV with the same settings.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

CSV_FILTER = "Text - txt - csv (StarCalc)"
READ_OPTIONS = "44,34,76,1"  # comma, double quote, UTF-8, from line 1
WRITE_OPTIONS = "44,34,76,1,,0,false,true,false,false"


def properties(**values: Any) -> tuple[Any, ...]:
    found = []
    for name, value in values.items():
        item = PropertyValue()
        item.Name, item.Value = name, value
        found.append(item)
    return tuple(found)


def connect(pipe: str) -> Any:
    """LibreOffice's component context, once it listens on `pipe` (it takes seconds)."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    for _ in range(240):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # not listening yet
            time.sleep(0.25)
    raise TimeoutError("LibreOffice did not start within a minute")


def edit(soffice: str, profile: str, path: str, row: int, column: int, value: str) -> None:
    pipe = f"factcheck-{os.getpid()}"
    office = subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--invisible",
            "--norestore",
            f"--accept=pipe,name={pipe};urp;",
        ]
    )
    desktop = None
    try:
        context = connect(pipe)
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context
        )
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        document = desktop.loadComponentFromURL(
            url,
            "_blank",
            0,
            properties(Hidden=True, FilterName=CSV_FILTER, FilterOptions=READ_OPTIONS),
        )
        document.Sheets.getByIndex(0).getCellByPosition(column, row).setString(value)
        document.storeToURL(url, properties(FilterName=CSV_FILTER, FilterOptions=WRITE_OPTIONS))
        document.close(True)
    finally:
        if desktop is not None:
            with contextlib.suppress(Exception):  # the bridge goes as LibreOffice exits
                desktop.terminate()
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    soffice, profile, path, row, column, value = sys.argv[1:]
    edit(soffice, profile, path, int(row), int(column), value)
