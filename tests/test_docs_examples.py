"""The CI examples of docs/check.md run as written: the GitHub Actions
steps, the GitLab script and the local pre-commit hook, on a plans
repository laid out as the page says (plans/province.txt, the prefecture's
plans beside it, policyx in policyx/).

`pip install ./policyx` is run (into a fresh virtual environment) only with
POLICYX_DOCS_INSTALL=1 — it takes a minute and the network; otherwise the
steps use the policyx these tests run with, and the install step is
checked to name the folder that holds this repository.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml

from .conftest import CORPUS, ROOT

DOC = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
INSTALL = os.environ.get("POLICYX_DOCS_INSTALL") == "1"


def _yaml_after(heading: str, index: int = 0):
    section = DOC.split(heading, 1)[1].split("\n## ", 1)[0]
    return yaml.safe_load(re.findall(r"```yaml\n(.*?)```", section, re.S)[index])


@pytest.fixture()
def plans_repo(tmp_path: Path) -> tuple[Path, dict]:
    repo = tmp_path / "plans-repo"
    (repo / "plans").mkdir(parents=True)
    shutil.copyfile(CORPUS / "xinjiang-water-2016.txt", repo / "plans" / "province.txt")
    shutil.copyfile(CORPUS / "changji-water-2016.txt", repo / "plans" / "prefecture-changji.txt")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CI"))}
    if INSTALL:
        shutil.copytree(ROOT, repo / "policyx", ignore=shutil.ignore_patterns(
            ".git", ".venv", "__pycache__", "*.egg-info", ".pytest_cache", ".hypothesis", "artifacts", "build", "dist"))
        runner_python = tmp_path / "python"
        venv.create(runner_python, with_pip=True)
        env["PATH"] = f"{runner_python / 'bin'}{os.pathsep}{env['PATH']}"
    else:
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    return repo, env


def _run(command: str, repo: Path, env: dict) -> int:
    if command.startswith("pip install ") and not INSTALL:
        assert command == "pip install ./policyx"
        return 0
    # as GitHub's runner runs a `run:` step
    proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=900)
    return proc.returncode


def test_github_actions_example_runs_as_written(plans_repo):
    repo, env = plans_repo
    workflow = _yaml_after("## GitHub Actions")
    steps = workflow["jobs"]["check"]["steps"]
    uses = [s["uses"] for s in steps if "uses" in s]
    assert uses == ["actions/checkout@v4", "actions/setup-python@v5", "github/codeql-action/upload-sarif@v3"]
    assert steps[0].get("with") == {"submodules": True}
    runs = [s["run"] for s in steps if "run" in s]
    codes = [_run(command, repo, {**env, "GITHUB_ACTIONS": "true"}) for command in runs]
    assert codes == [0, 0, 0, 1]  # the last: changji is looser and later than xinjiang, as the page says
    sarif = json.loads((repo / "policyx.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]


def test_gitlab_example_runs_as_written(plans_repo):
    repo, env = plans_repo
    job = _yaml_after("## GitLab CI")["check-plans"]
    assert [_run(command, repo, env) for command in job["script"]] == [0, 0]
    assert (repo / job["artifacts"]["reports"]["junit"]).read_text(encoding="utf-8").startswith("<?xml")


def test_local_pre_commit_hook_runs_its_entry_on_the_files_it_names(plans_repo):
    repo, env = plans_repo
    hook = _yaml_after("## pre-commit", 0)["repos"][0]["hooks"][0]
    files = re.compile(hook["files"])
    (repo / "notes.txt").write_text("not a plan", encoding="utf-8")
    names = sorted(str(p.relative_to(repo)) for p in repo.rglob("*") if p.is_file() and files.search(str(p.relative_to(repo))))
    assert names == ["plans/prefecture-changji.txt", "plans/province.txt"]
    # pre-commit runs: entry + the matching files
    assert _run(f"{hook['entry']} {' '.join(names)}", repo, env) == 0
    (repo / "plans" / "bad.txt").write_text("一、任务\n（一）整治黑臭水体。2017年底前完成。\n（二）保护水源。（市环保局牵头）\n", encoding="utf-8")
    assert _run(f"{hook['entry']} plans/bad.txt", repo, env) == 1


def test_the_remote_hook_form_names_a_commit_not_a_tag():
    remote = _yaml_after("## pre-commit", 1)["repos"][0]
    assert "commit" in remote["rev"] and "tag" not in remote["rev"]
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert remote["hooks"][0]["id"] in {h["id"] for h in hooks}
    assert "pip install policyx" not in DOC.replace("pip install policyx`", "")
