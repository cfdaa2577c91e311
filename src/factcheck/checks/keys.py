"""Keys across tables for the checks: membership, row hashes and key lookup, at scale."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def is_in(values: pd.Series, allowed: pd.Series | Iterable[str]) -> pd.Series:
    """`values.isin(allowed)`, with missing cells False, computed by pyarrow.

    pandas 3 turns `allowed` into Arrow scalars one at a time, which at a million keys costs
    seconds; pyarrow's hash lookup takes milliseconds."""
    if not isinstance(allowed, pd.Series):
        allowed = pd.Series(list(allowed), dtype="str")
    found = pc.is_in(_arrow(values), value_set=_arrow(allowed), skip_nulls=True)
    return pd.Series(found.fill_null(False).to_numpy(zero_copy_only=False), index=values.index)


def _arrow(values: pd.Series) -> pa.Array:
    """A column's cells as one Arrow string array, without copying pandas' own strings;
    cells that are not text become missing."""
    if not isinstance(values.dtype, pd.StringDtype):
        values = values.where(values.map(lambda v: isinstance(v, str)), None).astype("str")
    return pa.array(values, from_pandas=True).cast(pa.large_string())


def row_hashes(frame: pd.DataFrame | pd.Series) -> np.ndarray:
    """A 64-bit hash of each row's cells (missing cells hash alike, as `duplicated` treats
    them): equal rows hash equal, and unequal ones almost never do."""
    return pd.util.hash_pandas_object(frame, index=False).to_numpy(dtype=np.uint64)


def repeated(hashes: np.ndarray) -> np.ndarray:
    """The positions whose hash occurs more than once, in order: every repeated row among
    them, and the rare unequal rows that share a hash, for an exact check to tell apart."""
    order = np.argsort(hashes, kind="stable")
    ordered = hashes[order]
    same = ordered[1:] == ordered[:-1]
    shared = np.zeros(len(hashes), dtype=bool)
    shared[1:] |= same
    shared[:-1] |= same
    return np.sort(order[shared])


class KeyIndex:
    """Where each key of a column sits, found by binary search over the keys' sorted hashes,
    then confirmed against the keys themselves. It holds 16 bytes a key beside the keys, where
    a pandas index over ten million strings would build ten million Python objects."""

    def __init__(self, keys: pd.Series, hashes: np.ndarray | None = None) -> None:
        """`hashes`, if given, are `row_hashes(keys)` computed before (say, block by block,
        which spares turning ten million cells into Python strings at once)."""
        self.keys = keys.reset_index(drop=True)
        hashes = row_hashes(self.keys) if hashes is None else hashes
        self.key_hashes = hashes  # by position, as the keys are
        order = np.argsort(hashes, kind="stable")  # equal keys keep their order: first wins
        self.order = order[self.keys.notna().to_numpy()[order]].astype(np.int32)
        self.hashes = hashes[self.order]

    def positions(self, values: pd.Series, hashes: np.ndarray | None = None) -> np.ndarray:
        """The position of each value's first occurrence among the keys, or -1."""
        found = np.full(len(values), -1, dtype=np.int64)
        if not len(self.hashes) or not len(values):
            return found
        hashes = row_hashes(values) if hashes is None else hashes
        at = np.minimum(np.searchsorted(self.hashes, hashes), len(self.hashes) - 1)
        hit = (self.hashes[at] == hashes) & values.notna().to_numpy()
        candidates = np.flatnonzero(hit)
        where = self.order[at[candidates]]
        wanted = values.iloc[candidates].reset_index(drop=True)
        same = (self.keys.iloc[where].reset_index(drop=True) == wanted).to_numpy(dtype=bool)
        found[candidates[same]] = where[same]
        for i in candidates[~same]:  # another key with the same hash: look through them all
            found[i] = self._scan(int(at[i]), values.iloc[i])
        return found

    def _scan(self, at: int, value: str) -> int:
        end = at
        while end < len(self.hashes) and self.hashes[end] == self.hashes[at]:
            if self.keys.iat[self.order[end]] == value:
                return int(self.order[end])
            end += 1
        return -1

    def take(self, column: pd.Series, values: pd.Series) -> pd.Series:
        """For each value, `column` at its key's row (NaN where the key is absent), indexed
        like `values`; `column` is positional, aligned with the keys."""
        where = self.positions(values)
        found = column.reset_index(drop=True).reindex(where)  # -1 is absent: NaN
        return pd.Series(found.to_numpy(), index=values.index, dtype=column.dtype)


class SpilledHashes:
    """Row hashes kept on disk rather than in memory, in buckets by their top bits, so that
    finding the rows whose hash repeats needs one bucket in memory at a time."""

    BITS = 4  # 16 buckets
    RECORD = np.dtype([("hash", "<u8"), ("row", "<i8")])

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.paths = [directory / f"{bucket:02d}.bin" for bucket in range(2**self.BITS)]
        for path in self.paths:
            path.write_bytes(b"")

    def add(self, hashes: np.ndarray, first_row: int) -> None:
        """Store the hashes of consecutive rows, the first being row `first_row`."""
        records = np.empty(len(hashes), dtype=self.RECORD)
        records["hash"] = hashes
        records["row"] = np.arange(first_row, first_row + len(hashes))
        buckets = (hashes >> np.uint64(64 - self.BITS)).astype(np.int64)
        order = np.argsort(buckets, kind="stable")
        bounds = np.searchsorted(buckets[order], np.arange(len(self.paths) + 1))
        for bucket, path in enumerate(self.paths):
            chosen = records[order[bounds[bucket] : bounds[bucket + 1]]]
            if len(chosen):
                with path.open("ab") as stream:
                    stream.write(chosen.tobytes())

    def repeated_rows(self) -> np.ndarray:
        """The rows whose hash some other row shares, in order (see `repeated`)."""
        found = [np.empty(0, np.int64)]
        for path in self.paths:
            records = np.fromfile(path, dtype=self.RECORD)
            found.append(records["row"][repeated(records["hash"])])
        return np.sort(np.concatenate(found))
