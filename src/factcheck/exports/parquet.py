"""Parquet export: one file per table, with the loader's dtypes kept.

Categoricals keep their categories and order, offsets stay nullable integers, dates dates and
flags nullable booleans, so `pandas.read_parquet` gives back exactly what
`factcheck.load_dataset` returned.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.dataset import Dataset
from factcheck.model.schemas import TABLES


def export_tables(data: Dataset, directory: str | Path) -> list[Path]:
    """Write `<table>.parquet` for every table into `directory`; return the paths written."""
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in TABLES:
        path = target / f"{spec.name}.parquet"
        getattr(data, spec.name).to_parquet(path, engine="pyarrow", index=False)
        written.append(path)
    return written
