"""DuckDB's SQL as Spark runs it: what sqlglot alone would get wrong is rewritten.

These need sqlglot only; tests/test_spark.py runs the rewritten queries on Spark and
requires DuckDB's rows.
"""

from __future__ import annotations

import pytest

pytest.importorskip(
    "sqlglot", reason="the spark engine needs sqlglot: pip install 'factcheck-dataset[spark]'"
)

from factcheck.checks.engines.spark_sql import quoted, spark_sql


def test_each_query_is_translated_once() -> None:
    sql = "SELECT regexp_matches('a', 'a') AS m"
    assert spark_sql(sql) is spark_sql(sql)


def test_a_regular_expression_has_only_newline_for_a_line_break() -> None:
    translated = spark_sql(r"SELECT regexp_matches(s, '^a\n?$') AS m FROM t")
    # Java's UNIX_LINES flag: `$` and `.` then treat \u2028, \r and the like as characters
    assert "RLIKE '(?d)^a" in translated


def test_an_asof_join_is_a_left_join_bounded_by_the_next_start() -> None:
    translated = spark_sql(
        "SELECT g.id, p.start FROM g ASOF LEFT JOIN p ON p.k = g.k AND g.at >= p.start"
    )
    assert "ASOF" not in translated.upper()
    assert "LEFT JOIN" in translated
    assert "LEAD(`start`) OVER (PARTITION BY `k` ORDER BY `start`)" in translated
    assert "g.at < p._fc_next" in translated


def test_an_asof_join_without_one_inequality_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported as-of join"):
        spark_sql("SELECT g.id FROM g ASOF LEFT JOIN p ON p.k = g.k")


def test_a_numbered_unnest_is_one_inline_generator() -> None:
    translated = spark_sql(
        "SELECT id, unnest(string_split(s, ' > ')) AS item, "
        "generate_subscripts(string_split(s, ' > '), 1) AS ordinal FROM t"
    )
    assert "GENERATE_SUBSCRIPTS" not in translated.upper()
    assert translated.upper().count("INLINE(") == 1
    assert "_fc_i + 1 AS `ordinal`" in translated


def test_names_are_quoted_with_backticks_doubled() -> None:
    assert quoted("a`b.c") == "`a``b.c`"
