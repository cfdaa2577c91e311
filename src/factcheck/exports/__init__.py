"""The formats the dataset is exported in, one module each; `formats()` finds them all.

To add a format, add a module here that defines a `Format` subclass (see `base`): the
command line lists it as `factcheck export <name>` with its options, and nothing else
changes.
"""

from __future__ import annotations

import importlib
import pkgutil

from factcheck.exports.base import REGISTRY, Format


def formats() -> dict[str, Format]:
    """Every export format, by name: each module of this package registers its own."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return dict(sorted(REGISTRY.items()))
