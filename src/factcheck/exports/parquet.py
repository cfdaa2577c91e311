"""Parquet export: one file per table, with the loader's dtypes kept.

Categoricals keep their categories and order, offsets stay nullable integers, dates dates and
flags nullable booleans, so `pandas.read_parquet` gives back exactly what
`factcheck.load_dataset` returned.
"""

from __future__ import annotations

import io

from factcheck.exports.base import Format, Output, Source
from factcheck.model.tables import TABLES


class ParquetFormat(Format):
    name = "parquet"
    help = "one Parquet file per table, with the loader's dtypes"
    suffix = "/"

    def render(self, source: Source, **options: str) -> Output:
        files = {}
        for spec in TABLES:
            buffer = io.BytesIO()
            frame = getattr(source.dataset, spec.name)
            frame.to_parquet(buffer, engine="pyarrow", index=False)
            files[f"{spec.name}.parquet"] = buffer.getvalue()
        return files
