"""`make bench` runs: its quick mode prints the table with every row and judges none of its figures against the
full bench's targets (timings are never asserted)."""

from __future__ import annotations

import pytest

from bench.bench import QUICK_SCALES, main

SMALL, MIDDLE, LARGE = QUICK_SCALES  # fewer projects than the full bench's 10, 100 and 1,000
ROWS = [
    "a. Overhead",
    "a. Overhead of mkdocs-macros alone",
    "a. Overhead of the portfolio alone",
    f"b. Scale: {SMALL:,} projects",
    f"b. Scale: {MIDDLE:,} projects",
    f"b. Scale: {LARGE:,} projects",
    "b. Scale: blog posts",
    "b. Scale: growth",
    "c. Live reload",
    "d. Data alone: real data",
    f"d. Data alone: {LARGE:,} projects",
    "e. Lighthouse",  # skipped in the quick mode: one Lighthouse run takes about 15 s
]


@pytest.mark.slow
def test_quick_bench_prints_the_table_with_every_row(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--quick"])  # what `make bench QUICK=1` runs, here in the test's process (its builds fork the tests' server)
    output = capsys.readouterr().out
    lines = [line.split("|")[1:-1] for line in output.splitlines() if line.startswith("|")]
    assert [cell.strip() for cell in lines[0]] == ["Row", "Measure", "Figure", "Reference", "Ratio", "Target", "Result"]
    assert [cells[0].strip() for cells in lines[2:]] == ROWS
    for cells in lines[2:]:
        assert len(cells) == 7
        assert all(cell.strip() for cell in cells), cells
        assert cells[-1].strip() == "—", cells  # one run of fewer projects: no pass, no fail
    assert "the targets are the full bench's, not judged" in output
