"""`mkdocs serve` as the owner lives in it: every save reloads the open page, a mistake never stops it."""

from __future__ import annotations

from pathlib import Path

from helpers import edit, free_port, mkdocs


def test_bad_data_stops_the_server_from_starting(project: Path) -> None:
    profile = project / "data" / "profile.yml"
    line = next(number for number, text in enumerate(profile.read_text().splitlines(), 1) if text.startswith("email: "))
    edit(profile, profile.read_text().splitlines()[line - 1], "email: hello")
    result = mkdocs(project, "serve", "--dev-addr", f"127.0.0.1:{free_port()}", timeout=60)
    assert result.returncode == 1
    assert f"data/profile.yml:{line}: profile.email: must be an email address" in result.stderr
    assert "Traceback" not in result.stderr
