"""The command line in a shell: completion, --quiet / --verbose, NO_COLOR,
tables that do not wrap when piped, and every rule file in `rules list`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from policyx.cli.app import app

from .conftest import CORPUS, ROOT

runner = CliRunner()


def _policyx(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "policyx", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=180, env={**os.environ, **(env or {})}, **kwargs)


def test_install_completion_writes_a_script_that_completes_commands(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    # typer asks shellingham which shell runs it, by walking up the process tree:
    # run it under bash, as a user would (pytest itself may run under no shell at all)
    installed = subprocess.run(["bash", "-c", '"$@"; exit $?', "bash", sys.executable, "-m", "policyx",
                                "--install-completion"], capture_output=True, text=True, cwd=ROOT, timeout=180,
                               env={**os.environ, "HOME": str(home), "SHELL": "/bin/bash"})
    assert installed.returncode == 0, installed.stderr
    script = home / ".bash_completions" / "policyx.sh"
    assert script.is_file() and str(script) in (home / ".bashrc").read_text()
    assert "_POLICYX_COMPLETE" in script.read_text()
    shown = _policyx("--show-completion", "bash", env={"SHELL": "/bin/bash"})
    assert shown.returncode == 0 and "complete" in shown.stdout
    # what bash asks the program when Tab is pressed after "policyx rep"
    completing = _policyx(env={"_POLICYX_COMPLETE": "complete_bash", "COMP_WORDS": "policyx rep", "COMP_CWORD": "1"})
    assert completing.stdout.split() == ["report"]
    options = _policyx(env={"_POLICYX_COMPLETE": "complete_bash", "COMP_WORDS": "policyx query --te", "COMP_CWORD": "2"})
    assert "--text" in options.stdout.split()


def test_quiet_and_verbose_on_commands_that_log(tmp_path):
    plans = [str(CORPUS / "xinjiang-water-2016.txt"), str(CORPUS / "changji-water-2016.txt")]
    out = tmp_path / "all.jsonl"
    normal = _policyx("extract", *plans, "--format", "jsonl", "-o", str(out), "--jobs", "1")
    quiet = _policyx("extract", *plans, "--format", "jsonl", "-o", str(out), "--jobs", "1", "--quiet")
    verbose = _policyx("extract", *plans, "--format", "jsonl", "-o", str(out), "--jobs", "1", "--verbose")
    assert normal.stderr.strip() == "policyx: 2/2 plans done"
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert "xinjiang-water-2016.txt: 70 tasks" in verbose.stderr and "2/2 plans done" in verbose.stderr
    root_quiet = _policyx("--quiet", "report", "xinjiang", "-o", str(tmp_path / "x.html"))
    assert root_quiet.returncode == 0 and root_quiet.stderr == ""
    said = _policyx("report", "xinjiang", "-o", str(tmp_path / "x.html"))
    assert "70 tasks" in said.stderr
    failing = _policyx("extract", plans[0], str(tmp_path / "missing.txt"), "--format", "jsonl", "--quiet")
    assert failing.returncode == 2 and "missing.txt" in failing.stderr  # errors are never silenced


def test_no_color_is_honoured():
    coloured = _policyx("diff", "xinjiang", "changji", env={"FORCE_COLOR": "1"})
    plain = _policyx("diff", "xinjiang", "changji", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[3" in coloured.stdout  # a foreground colour
    assert "\x1b[3" not in plain.stdout.replace("\x1b[3m", "")  # italic is no colour


def test_tables_never_wrap_when_piped():
    tasks = json.loads(_policyx("tasks", "xinjiang", "--format", "json").stdout)
    piped = _policyx("tasks", "xinjiang", env={"COLUMNS": "80"})
    lines = piped.stdout.splitlines()
    # one line per task, holding its id and its whole title: nothing folded onto a second line
    for task in tasks:
        assert sum(1 for line in lines if task["id"] in line and task["title"] in line) >= 1
    assert len(lines) <= len(tasks) + 8  # a title, a header, borders, a note: no continuation lines
    assert max(len(line) for line in lines) > 80


def test_rules_list_names_the_rule_files_added_lately():
    listing = runner.invoke(app, ["rules", "list", "--format", "json"])
    files = {r["file"] for r in json.loads(listing.stdout)}
    assert {"alignment.yaml", "indicators.yaml", "regions.yaml", "document.yaml"} <= files
    shown = runner.invoke(app, ["rules", "show", "alignment.procedural_title"])
    assert shown.exit_code == 0 and "examples:" in shown.stdout and "counterexamples:" in shown.stdout


def test_report_escapes_and_writes_one_page(tmp_path: Path):
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "changji", "--against", "xinjiang", "-o", str(out)])
    assert result.exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "src=\"http" not in html
    assert html.count("<script") == 3  # the data, Chart.js, the page's own script: nothing loaded from elsewhere
