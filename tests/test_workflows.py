"""The GitHub Actions workflows parse, run existing make targets and ask for no more rights than needed."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
MAKE_TARGETS = set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(), re.M))


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_workflows_exist_and_parse():
    assert {p.name for p in WORKFLOWS} == {"site.yml", "linkcheck.yml"}
    for path in WORKFLOWS:
        data = load(path)
        assert data["jobs"], path.name
        for name, job in data["jobs"].items():
            assert job.get("runs-on") and job.get("steps"), (path.name, name)


def test_every_make_call_names_an_existing_target():
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            for step in job["steps"]:
                for target in re.findall(r"\bmake\s+([a-z][a-z-]*)", step.get("run", "")):
                    assert target in MAKE_TARGETS, (path.name, target)


def test_permissions_are_least_privilege():
    for path in WORKFLOWS:
        data = load(path)
        top = data["permissions"]
        assert top.get("contents") == "read", path.name
        assert all(v in ("read", "none") for k, v in top.items() if k != "issues"), path.name
        for name, job in data["jobs"].items():
            extra = job.get("permissions", {})
            assert set(extra) <= {"pages", "id-token"}, (path.name, name)
    assert load(ROOT / ".github/workflows/linkcheck.yml")["permissions"] == {"contents": "read", "issues": "write"}


def test_pages_deploy_uses_the_forks_own_address_and_only_from_main():
    data = load(ROOT / ".github/workflows/site.yml")
    build = data["jobs"]["build"]
    assert "github.event.repository.default_branch" in build["if"] and "pull_request" in build["if"]
    [make_step] = [s for s in build["steps"] if "make build" in s.get("run", "")]
    assert "steps.pages.outputs.base_url" in make_step["env"]["SITE_URL"]
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_the_site_is_tested_and_built_with_the_whole_history_for_its_record_of_changes():
    """A shallow checkout (actions/checkout's default) would publish a 'what changed' page with no record."""
    data = load(ROOT / ".github/workflows/site.yml")
    for name in ("test", "build"):
        [checkout] = [s for s in data["jobs"][name]["steps"] if s.get("uses", "").startswith("actions/checkout@")]
        assert checkout["with"]["fetch-depth"] == 0, name


def test_the_live_check_runs_weekly_and_on_demand_with_a_time_limit_and_reports_in_one_issue():
    data = load(ROOT / ".github/workflows/linkcheck.yml")
    assert "schedule" in data["on"] and "workflow_dispatch" in data["on"]
    job = data["jobs"]["linkcheck"]
    assert 0 < job["timeout-minutes"] <= 30
    runs = " ".join(s.get("run", "") for s in job["steps"])
    assert "make linkcheck" in runs and "gh issue create" in runs and "gh issue edit" in runs
    assert "gh issue close" in runs and "build/linkcheck-report.md" in runs
    # one issue, found by its label and its exact title, never a title search that matches another issue
    assert '--label "$LABEL"' in runs and "select(.title == $ENV.TITLE)" in runs and "--search" not in runs
    assert "$GITHUB_STEP_SUMMARY" in runs
    [artifact] = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert artifact["with"]["path"] == "build/linkcheck-report.md" and artifact["if"] == "always()"


# The current major version of each action (Dependabot proposes the next ones).
CURRENT = {
    "actions/checkout": "v6",
    "actions/setup-python": "v7",
    "actions/configure-pages": "v6",
    "actions/upload-pages-artifact": "v5",
    "actions/deploy-pages": "v5",
    "actions/upload-artifact": "v7",
}


def test_every_action_is_on_its_current_major_version_and_dependabot_keeps_it_so():
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    action, _, version = step["uses"].partition("@")
                    assert CURRENT.get(action) == version, (path.name, step["uses"])
    dependabot = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    assert {u["package-ecosystem"] for u in dependabot["updates"]} == {"github-actions", "pip"}


def test_a_pages_deploy_is_never_cancelled_halfway_and_pip_is_cached():
    data = load(ROOT / ".github/workflows/site.yml")
    assert data["jobs"]["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert "concurrency" not in data or not data["concurrency"].get("cancel-in-progress")
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/setup-python@"):
                    assert step["with"]["cache"] == "pip", path.name


def test_the_pages_build_installs_only_what_building_needs():
    """`make build` installs requirements.txt, which has no test tool (Playwright, pytest, linkchecker)."""
    makefile = (ROOT / "Makefile").read_text()
    build_line = re.search(r"^build:(.*)$", makefile, re.M).group(1)
    check_line = re.search(r"^check:(.*)$", makefile, re.M).group(1)
    assert "DEV_STAMP" not in build_line + check_line
    pinned = (ROOT / "requirements.txt").read_text().lower()
    for tool in ("playwright", "pytest", "linkchecker", "axe-playwright"):
        assert f"\n{tool}==" not in pinned, tool
