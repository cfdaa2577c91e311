"""What an export format is: one interface, and the registry the command line is built from.

A format is a subclass of `Format` in a module of its own under `factcheck.exports`: its
`name` becomes `factcheck export <name>`, its `options` become that command's options, and
`render` returns the bytes it writes: one file, or several files by name for a format that
writes a folder. Defining the subclass registers it; nothing else needs to change to add a
format. A format reads the dataset through a `Source`, which validates it once, on first use,
so formats made from the schemas alone (the data dictionary, the datapackage descriptor) run
even on a dataset that does not validate.

The command line imports the formats only to list them (`factcheck export`, `--help`) or to
run one, so a format module may import what it needs at the top without slowing
`factcheck validate`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.checks.validate import Checked
    from factcheck.dataset import Dataset

Output = bytes | dict[str, bytes]  # one file, or a folder's files by name


class ExportError(Exception):
    """An export cannot be made as asked (an option is wrong); the message says why."""


def check_template(flag: str, template: str, *fields: str) -> None:
    """Refuse an address template (`flag`'s value) that names no item, so that every item
    would get the same address, or names a field other than `fields` (the item's id first:
    claim_id, article_id)."""
    key = fields[0]
    if f"{{{key}}}" not in template:
        item = key.removesuffix("_id")
        raise ExportError(f"{flag} must hold {{{key}}}, so that each {item}'s is its own")
    try:
        template.format(**{field: "x" for field in fields})
    except (KeyError, IndexError, ValueError) as error:
        names = [f"{{{field}}}" for field in fields]
        named = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
        raise ExportError(f"{flag} may name only {named}: {error!r}") from error


@dataclass(frozen=True)
class Option:
    """One command-line option of a format, passed to `render` under its `name`."""

    name: str
    help: str
    metavar: str
    required: bool = False
    default: str | None = None

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


class Source:
    """The dataset in `root` as an export reads it, validated once on first use; reading it
    raises `DatasetError` (with the located problems) if it does not validate."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @cached_property
    def checked(self) -> Checked:
        """The validation run, its tables as text; only if no problem blocks."""
        from factcheck.checks.validate import check_dataset
        from factcheck.dataset import refuse_blocking

        checked = check_dataset(self.root)
        refuse_blocking(checked.problems, self.root)
        return checked

    @cached_property
    def dataset(self) -> Dataset:
        """The validated tables with the loader's dtypes."""
        from factcheck.dataset import dataset_from

        return dataset_from(self.checked)

    def text_table(self, name: str) -> pd.DataFrame:
        """A validated table's cells as read, every cell text or missing."""
        return self.checked.tables[name]


REGISTRY: dict[str, Format] = {}


class Format(ABC):
    """An export format. Subclasses set the class attributes and implement `render`."""

    name: ClassVar[str]
    help: ClassVar[str]
    description: ClassVar[str] = ""  # longer words for `--help`, if `help` is not enough
    suffix: ClassVar[str]  # of the file it writes, or "/" for a folder of files
    # one text file, which goes to standard output unless -o names a file; a workbook or a
    # folder of files has no place to go but the one -o names, so -o is required for it
    text: ClassVar[bool] = True
    reads_data: ClassVar[bool] = True  # False for what is made from the schemas alone
    options: ClassVar[tuple[Option, ...]] = ()

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if cls.name in REGISTRY:
            raise TypeError(f"two export formats are named {cls.name!r}")
        REGISTRY[cls.name] = cls()

    @property
    def writes_folder(self) -> bool:
        return self.suffix == "/"

    @property
    def needs_output(self) -> bool:
        """Whether `-o` must say where to write: for anything but one text file."""
        return self.writes_folder or not self.text

    @abstractmethod
    def render(self, source: Source, **options: str) -> Output:
        """The bytes to write: one file's, or each file's in a folder by name."""
