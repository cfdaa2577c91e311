"""Collecting the problems of a run, listing the first few of each rule and counting the rest."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from factcheck import registry
from factcheck.problems import OMITTED, Problem, sort


class Collector:
    """Keeps the first `limit` problems of each rule and counts the rest, so a million bad
    cells make a report of a few hundred lines that still names rows, plus the counts."""

    def __init__(self, limit: int | None = None) -> None:
        if limit is not None and limit < 0:
            raise ValueError(f"a limit of problems per rule is 0 or more, not {limit}")
        self.limit = limit
        self.kept: list[Problem] = []
        self.counts: Counter[str] = Counter()
        self.files: dict[str, str] = {}
        self.notices: set[str] = set()

    @property
    def errors(self) -> int:
        """How many problems were found, listed or not, notices aside."""
        return sum(n for rule, n in self.counts.items() if rule not in self.notices)

    def wants(self, rule: str) -> bool:
        """Whether another problem of `rule` would be kept (else only counting is needed)."""
        return self.limit is None or self.counts[rule] < self.limit

    def room(self, rule: str) -> int | None:
        """How many more problems of `rule` would be kept (None: any number)."""
        return None if self.limit is None else max(self.limit - self.counts[rule], 0)

    def count_more(self, rule: str, file: str, count: int) -> None:
        """Count `count` problems of `rule` in `file` that are not kept."""
        if count > 0:
            self.counts[rule] += count
            self.files.setdefault(rule, file)

    def add(self, problem: Problem) -> None:
        if problem.notice:
            self.notices.add(problem.rule)
        if self.wants(problem.rule):
            self.kept.append(problem)
        self.counts[problem.rule] += 1
        self.files.setdefault(problem.rule, problem.file)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.add(problem)

    def omitted(self) -> Iterator[Problem]:
        """A notice per rule with problems beyond the limit, saying how many."""
        assert self.limit is not None or not any(self._beyond())
        for rule, count in self._beyond():
            yield registry.problem(
                OMITTED, self.files[rule], value=rule, count=count, limit=self.limit
            )

    def _beyond(self) -> Iterator[tuple[str, int]]:
        for rule, count in sorted(self.counts.items()):
            if self.limit is not None and count > self.limit:
                yield rule, count - self.limit

    def problems(self) -> list[Problem]:
        return sort(self.kept) + list(self.omitted())
