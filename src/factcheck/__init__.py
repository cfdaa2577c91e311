"""factcheck: a claim-and-source fact-checking dataset and the tools that keep it true.

`factcheck.load_dataset(path)` returns the validated tables for analysis; the command line
`factcheck validate` reports every problem in a dataset directory.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

# pandera imports pyspark.pandas whenever pyspark is installed (the `spark` extra), and
# pyspark 4 then warns that pyspark.pandas does not fully support pandas 3. factcheck never
# uses pyspark.pandas, and a warning on every command would only alarm.
warnings.filterwarnings(
    "ignore", message="PySpark does not yet fully support pandas", category=FutureWarning
)

__version__ = "0.1.0"
__all__ = ["Dataset", "DatasetError", "DatasetInvalid", "DatasetUnreadable", "load_dataset"]

if TYPE_CHECKING:
    from factcheck.dataset import (
        Dataset,
        DatasetError,
        DatasetInvalid,
        DatasetUnreadable,
        load_dataset,
    )


def __dir__() -> list[str]:
    # the lazy names too: `dir(factcheck)` and tab completion list what the package offers
    return sorted({*globals(), *__all__})


def __getattr__(name: str) -> Any:
    # Import pandas and pandera only when the loader is used, so `factcheck --help` stays quick.
    if name in __all__:
        from factcheck import dataset

        return getattr(dataset, name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
