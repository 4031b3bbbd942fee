"""Builds you can trust: the same commit and SOURCE_DATE_EPOCH give the same bytes, wherever it is built."""

from __future__ import annotations

import gzip
import struct
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from helpers import copy_project, mkdocs

EPOCH = 1_600_000_000


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path inside the site."""
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_in_different_folders_are_byte_identical(tmp_path: Path) -> None:
    # Different folders (names and depths), and different hash seeds, so that set order would show.
    projects = [copy_project(tmp_path / "one" / "project"), copy_project(tmp_path / "two" / "deeper" / "elsewhere")]
    runs = [
        (project, {"SOURCE_DATE_EPOCH": str(EPOCH), "PYTHONHASHSEED": seed})
        for project, seed in zip(projects, "12", strict=True)
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda run: mkdocs(run[0], "build", "--strict", env=run[1], fresh=True), runs))
    for result in results:
        assert result.returncode == 0, result.stderr
    first, second = (files(project / "site") for project in projects)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []  # so no file names its folder


def test_dates_in_a_build_come_from_source_date_epoch(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = mkdocs(project, "build", "--strict", env={"SOURCE_DATE_EPOCH": str(EPOCH)})
    assert result.returncode == 0, result.stderr
    day = datetime.fromtimestamp(EPOCH, tz=UTC).date().isoformat()
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count(f"<lastmod>{day}</lastmod>") == sitemap.count("<url>") > 0
    packed = (project / "site" / "sitemap.xml.gz").read_bytes()
    mtime = struct.unpack("<I", packed[4:8])[0]  # the gzip header's time: MkDocs keeps the day
    assert datetime.fromtimestamp(mtime, tz=UTC).date().isoformat() == day
    assert gzip.decompress(packed).decode("utf-8") == sitemap
