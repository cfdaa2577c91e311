"""The closed vocabularies: every `Vocabulary` in the package, found by importing it, has
snake-case values each defined in a sentence, and the schemas and the loader's categoricals
offer exactly those values in the same order."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pandas as pd
import pytest

import factcheck
from factcheck.model import vocabularies
from factcheck.model.tables import TABLES
from factcheck.model.vocabularies import Vocabulary

SNAKE_CASE = re.compile(r"[a-z]+(?:_[a-z]+)*")


def all_vocabularies() -> list[type[Vocabulary]]:
    """Every subclass of `Vocabulary` defined anywhere in the package."""
    for module in pkgutil.walk_packages(factcheck.__path__, "factcheck."):
        if not module.name.endswith("__main__"):  # that one runs the command line
            importlib.import_module(module.name)
    found: list[type[Vocabulary]] = []
    pending = list(Vocabulary.__subclasses__())
    while pending:
        cls = pending.pop(0)
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return sorted(found, key=lambda cls: (cls.__module__, cls.__name__))


VOCABULARIES = all_vocabularies()
BY_NAME = {cls.__name__: cls for cls in VOCABULARIES}


def enum_columns() -> list[tuple[str, str, type[Vocabulary]]]:
    """(table, column, vocabulary) for every schema column that takes a vocabulary."""
    return [
        (spec.name, name, BY_NAME[column.metadata["vocabulary"]])
        for spec in TABLES
        for name, column in spec.schema.columns.items()
        if column.metadata and column.metadata.get("vocabulary")
    ]


ENUM_COLUMNS = enum_columns()


def test_discovery_finds_the_dataset_and_drafting_vocabularies() -> None:
    names = {cls.__name__ for cls in VOCABULARIES}
    assert len(names) == len(VOCABULARIES)  # a schema names its vocabulary by class name
    assert {"ClaimType", "Certainty", "Verdict", "BearsOn", "Status"} <= names


def test_every_dataset_vocabulary_is_used_by_a_schema_column() -> None:
    defined = {cls for cls in VOCABULARIES if cls.__module__ == vocabularies.__name__}
    assert {vocabulary for _, _, vocabulary in ENUM_COLUMNS} == defined


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda cls: cls.__name__)
def test_every_value_is_snake_case_unique_and_defined_in_a_sentence(
    vocabulary: type[Vocabulary],
) -> None:
    assert len(vocabulary) >= 2
    assert len(vocabulary.__members__) == len(vocabulary), "two members share a value"
    for name, member in vocabulary.__members__.items():
        assert SNAKE_CASE.fullmatch(member.value), member.value
        assert name == member.value.upper(), name
        definition = member.definition
        assert definition.strip() == definition, member
        assert definition[:1].isupper(), member
        assert definition.endswith("."), member
    definitions = [member.definition for member in vocabulary]
    assert len(set(definitions)) == len(definitions), "two values share a definition"


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda cls: cls.__name__)
def test_of_finds_each_member_and_refuses_anything_else(vocabulary: type[Vocabulary]) -> None:
    for member in vocabulary:
        assert vocabulary.of(member.value) is member
    for unknown in ("unknown", "", vocabulary.values()[0].upper(), f" {vocabulary.values()[0]}"):
        with pytest.raises(ValueError, match="is not one of"):
            vocabulary.of(unknown)


@pytest.mark.parametrize(
    ("table", "column", "vocabulary"), ENUM_COLUMNS, ids=[f"{t}.{c}" for t, c, _ in ENUM_COLUMNS]
)
def test_the_schema_allows_exactly_the_vocabulary_in_order(
    table: str, column: str, vocabulary: type[Vocabulary]
) -> None:
    spec = next(spec for spec in TABLES if spec.name == table)
    checks = [c for c in spec.schema.columns[column].checks if c.name == "isin"]
    assert len(checks) == 1
    assert list(checks[0].statistics["allowed_values"]) == vocabulary.values()


@pytest.mark.parametrize(
    ("table", "column", "vocabulary"), ENUM_COLUMNS, ids=[f"{t}.{c}" for t, c, _ in ENUM_COLUMNS]
)
def test_the_loader_categories_are_the_vocabulary_in_order(
    data: factcheck.Dataset, table: str, column: str, vocabulary: type[Vocabulary]
) -> None:
    values = getattr(data, table)[column]
    assert isinstance(values.dtype, pd.CategoricalDtype)
    assert list(values.cat.categories) == vocabulary.values()
