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
    assert "refs/heads/main" in build["if"]
    [make_step] = [s for s in build["steps"] if "make build" in s.get("run", "")]
    assert "steps.pages.outputs.base_url" in make_step["env"]["SITE_URL"]
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_the_live_check_runs_weekly_and_on_demand_and_reports_in_one_issue():
    data = load(ROOT / ".github/workflows/linkcheck.yml")
    assert "schedule" in data["on"] and "workflow_dispatch" in data["on"]
    runs = " ".join(s.get("run", "") for s in data["jobs"]["linkcheck"]["steps"])
    assert "make linkcheck" in runs and "gh issue create" in runs and "gh issue edit" in runs
    assert "gh issue close" in runs and "build/linkcheck-report.md" in runs
