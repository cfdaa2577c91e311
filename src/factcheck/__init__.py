"""factcheck: a claim-and-source fact-checking dataset and the tools that keep it true.

`factcheck.load_dataset()` returns the validated tables of the dataset released with the
package (`factcheck.bundled_path()` says where it is), `factcheck.load_dataset(path)` those
of a dataset folder; the command line `factcheck validate` reports every problem in one.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

from factcheck.version import __version__

# pandera imports pyspark.pandas whenever pyspark is installed (the `spark` extra), and
# pyspark 4 then warns that pyspark.pandas does not fully support pandas 3. factcheck never
# uses pyspark.pandas, and a warning on every command would only alarm.
warnings.filterwarnings(
    "ignore", message="PySpark does not yet fully support pandas", category=FutureWarning
)

__all__ = [
    "Dataset",
    "DatasetError",
    "DatasetInvalid",
    "DatasetUnreadable",
    "__version__",
    "bundled_path",
    "load_dataset",
]

if TYPE_CHECKING:
    from factcheck.dataset import (
        Dataset,
        DatasetError,
        DatasetInvalid,
        DatasetUnreadable,
        load_dataset,
    )
    from factcheck.storage.bundled import bundled_path


def __dir__() -> list[str]:
    # the lazy names too: `dir(factcheck)` and tab completion list what the package offers
    return sorted({*globals(), *__all__})


def __getattr__(name: str) -> Any:
    # Import pandas and pandera only when the loader is used, so `factcheck --help` stays quick.
    if name == "bundled_path":
        from factcheck.storage import bundled

        return bundled.bundled_path
    if name in __all__:
        from factcheck import dataset

        return getattr(dataset, name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
