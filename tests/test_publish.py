"""Publishing: `mkdocs gh-deploy` to a local bare repository, and the GitHub Actions workflow."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, mkdocs, nav_pages, site_url_of

from portfolio.data import load_portfolio
from portfolio.data.icons import material_icons

WORKFLOW = ROOT / ".github" / "workflows" / "deploy.yml"


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return result.stdout


def repository(project: Path, tmp_path: Path) -> Path:
    """Make the project a git repository with a bare origin to publish to; return the origin."""
    origin = tmp_path / "origin.git"
    git("init", "--quiet", "--bare", str(origin), cwd=tmp_path)
    git("init", "--quiet", "--initial-branch=main", cwd=project)
    git("config", "user.name", "Test", cwd=project)
    git("config", "user.email", "test@example.com", cwd=project)
    git("add", ".", cwd=project)
    git("commit", "--quiet", "-m", "site", cwd=project)
    git("remote", "add", "origin", str(origin), cwd=project)
    return origin


def test_gh_deploy_publishes_the_site_with_cname_and_nojekyll(project: Path, tmp_path: Path) -> None:
    origin = repository(project, tmp_path)
    result = mkdocs(project, "gh-deploy", "--force", "--strict")
    assert result.returncode == 0, result.stderr

    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=origin).split()
    pages = [f"{page}index.html" for page in nav_pages(project)]
    for name in (".nojekyll", *pages, "404.html", "assets/favicon.svg"):
        assert name in files
    cname = project / "docs" / "CNAME"  # the domain GitHub Pages serves; without it, <user>.github.io
    assert ("CNAME" in files) == cname.exists()
    portfolio = load_portfolio(project / "data", material_icons())
    css = git("show", "gh-pages:stylesheets/portfolio.css", cwd=origin)
    assert all(f".pf-badge--{technology} " in css for technology in portfolio.technologies)
    if cname.exists():
        assert git("show", "gh-pages:CNAME", cwd=origin) == cname.read_text()
    published = " ".join(git("show", f"gh-pages:{page}", cwd=origin) for page in pages)
    assert all(f'id="{project.id}"' in published for project in portfolio.projects)


def test_workflow_is_valid_for_github_actions() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_tests_then_deploys_on_push_to_main() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as true
    assert workflow["permissions"] == {"contents": "write"}
    runs = [step.get("run", "") for step in workflow["jobs"]["deploy"]["steps"]]
    test = runs.index("make test")
    deploy = runs.index(".venv/bin/mkdocs gh-deploy --force --strict")
    assert test < deploy
    dated = runs.index('echo "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)" >> "$GITHUB_ENV"')
    assert dated < deploy  # the published build is dated by its commit: reproducible


BROKEN_LINK = "\n[More](nowhere.md)\n"
FAIL_ON_WARNINGS = (
    "ERROR   -  1 warning(s) above: a published build has none (fix each; `mkdocs serve` previews without stopping)"
)


@pytest.mark.parametrize("command", ["build", "gh-deploy"])
def test_plain_build_and_gh_deploy_stop_on_a_broken_link(project: Path, tmp_path: Path, command: str) -> None:
    index = project / "docs" / "index.md"
    index.write_text(index.read_text() + BROKEN_LINK)
    origin = repository(project, tmp_path)
    result = mkdocs(project, command, *(["--force"] if command == "gh-deploy" else []))  # no --strict: as README
    assert result.returncode == 1
    assert "WARNING -  Doc file 'index.md' contains a link 'nowhere.md', but the target is not found" in result.stderr
    assert f"{FAIL_ON_WARNINGS}\n" in result.stderr
    assert "Traceback" not in result.stderr
    assert "gh-pages" not in git("branch", "--list", cwd=origin)  # nothing was published


def test_a_cname_for_another_domain_stops_gh_deploy(project: Path, tmp_path: Path) -> None:
    (project / "docs" / "CNAME").write_text("other.example.net\n")
    origin = repository(project, tmp_path)
    result = mkdocs(project, "gh-deploy", "--force")
    assert result.returncode == 1
    assert (
        f"ERROR   -  docs/CNAME names other.example.net but site_url in mkdocs.yml is {site_url_of(project)}:"
        " make them one domain, or delete docs/CNAME to publish at <user>.github.io\n"
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert "gh-pages" not in git("branch", "--list", cwd=origin)
