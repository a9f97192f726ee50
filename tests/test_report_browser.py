"""`policyx report` opened in headless Chromium: no console errors, nothing
fetched, and the charts and tables hold what `policyx tasks`, `departments`,
`timeline` and `diff` say about the same plans.

Needs playwright (a test dependency) and a Chromium: Debian's (`chromium`,
which .ci/run installs when missing), or one named by POLICYX_CHROMIUM.
Elsewhere the tests skip, saying which is missing. Screenshots are kept in
tests/artifacts/ (not versioned).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policyx.cli.app import app

from .conftest import ROOT

runner = CliRunner()
ARTIFACTS = ROOT / "tests" / "artifacts"
LONG_PLAN = ROOT / "tests" / "data" / "wild" / "full" / "hebei-economy-stabilization-2022.txt"


def _chromium() -> str | None:
    named = os.environ.get("POLICYX_CHROMIUM")
    if named:
        return named
    return next((path for path in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if path), None)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium, or set POLICYX_CHROMIUM)")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


def _cli_json(*args: str):
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


class Opened:
    """A report loaded in a page, with what the page said and asked for."""

    def __init__(self, browser, html: Path, shot: str):
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.problems.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.route("**/*", self._route)
        self.page.goto(html.as_uri())
        self.page.wait_for_function("window.policyxReport !== undefined")
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"report-{shot}.png"))

    def _route(self, route):
        url = route.request.url
        if url.startswith("file:"):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()

    def chart(self, name: str) -> dict:
        return self.page.evaluate(
            """name => { const c = window.policyxReport.charts[name];
                return {labels: c.data.labels, data: c.data.datasets.map(d => d.data), label: c.data.datasets.map(d => d.label),
                        drawn: c.data.datasets.map((d, i) => c.getDatasetMeta(i).data.length)}; }""", name)


def _report(tmp_path: Path, name: str, *args: str) -> Path:
    out = tmp_path / f"{name}.html"
    result = runner.invoke(app, ["report", *args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _check_plan_numbers(opened: Opened, plan: str) -> None:
    tasks = _cli_json("tasks", plan)
    departments = _cli_json("departments", plan)
    timeline = _cli_json("timeline", plan)
    assert opened.problems == [] and opened.requests == []
    # the task table: one row per task of `policyx tasks`, in its order
    assert opened.count("#task-table tbody tr") == len(tasks)
    ids = opened.page.locator("#task-table tbody td.id").all_inner_texts()
    assert ids == [t["id"] for t in tasks]
    # department load: the table and the chart's bars are `policyx departments`
    assert opened.count("#department-table tbody tr") == len(departments)
    load = opened.chart("load")
    assert load["labels"] == [d["canonical"] for d in departments]
    assert load["drawn"] == [len(departments)] * 3
    assert load["data"] == [[len(d[role]) for d in departments] for role in ("leads", "participates", "implements")]
    # deadlines: every `policyx timeline` entry counted once, undated kinds as such
    chart = opened.chart("timeline")
    assert sum(sum(series) for series in chart["data"]) == len(timeline)
    dated = {e["date"][:4] + " Q" + str((int(e["date"][5:7]) - 1) // 3 + 1) for e in timeline if e["date"]}
    undated = {{"every": "recurring", "ongoing": "ongoing", "none": "no deadline"}[e["kind"]] for e in timeline if not e["date"]}
    assert chart["labels"] == sorted(dated) + [k for k in ("recurring", "ongoing", "no deadline") if k in undated]
    assert opened.count("#timeline-table tbody tr") == len(timeline)
    assert int(opened.page.inner_text("[data-count=tasks]")) == len(tasks)


def test_plan_report_in_chromium(browser, tmp_path):
    opened = Opened(browser, _report(tmp_path, "xinjiang", "xinjiang"), "xinjiang")
    _check_plan_numbers(opened, "xinjiang")
    page = opened.page
    # filtering: the tasks 自治区环保厅 leads are those `policyx tasks --lead 环保厅` lists
    led = _cli_json("tasks", "xinjiang", "--lead", "环保厅")
    page.select_option("#filter-department", "自治区环境保护厅")
    page.select_option("#filter-role", "lead")
    assert page.locator("#task-table tbody tr:not(.hidden)").count() == len(led)
    assert page.inner_text("#task-count") == f"{len(led)} of 70 tasks"
    page.select_option("#filter-department", "")
    page.select_option("#filter-role", "")
    in_section = _cli_json("tasks", "xinjiang", "--section", "3")
    page.select_option("#filter-section", "3")
    assert page.locator("#task-table tbody tr:not(.hidden)").count() == len(in_section)
    page.select_option("#filter-section", "")
    due_2017 = [t for t in _cli_json("tasks", "xinjiang") if any((d["date"] or "").startswith("2017") for d in t["deadlines"])]
    page.select_option("#filter-year", "2017")
    assert page.locator("#task-table tbody tr:not(.hidden)").count() == len(due_2017)
    page.select_option("#filter-year", "")
    # sorting by line, descending on the second click
    header = page.locator("#task-table th[data-sort=num]")
    header.click()
    header.click()
    lines = [int(x) for x in page.locator("#task-table tbody td.num").all_inner_texts()]
    assert lines == sorted(lines, reverse=True)
    # by function: the same tasks, counted per function
    page.click("[data-load=function]")
    assert opened.chart("load")["labels"][0] == "environment"
    page.close()


def test_diff_report_in_chromium(browser, tmp_path):
    opened = Opened(browser, _report(tmp_path, "changji-against-xinjiang", "changji", "--against", "xinjiang"),
                    "changji-against-xinjiang")
    _check_plan_numbers(opened, "changji")
    diff = _cli_json("diff", "xinjiang", "changji")
    assert opened.count("#diff-matched tbody tr") == len(diff["matched"])
    assert opened.count("#diff-matched tbody tr.has-changes") == diff["summary"]["changed_tasks"]
    assert opened.count("#diff-only-a tbody tr:not(.none)") == len(diff["only_a"])
    assert opened.count("#diff-only-b tbody tr:not(.none)") == len(diff["only_b"])
    assert opened.count("#diff-indicators tbody tr") == len(diff["indicators"])
    assert opened.count("#diff-matched dd.changed") == 2 * sum(len({c["field"] for c in p["changes"]}) for p in diff["matched"])
    s = diff["summary"]
    directions = opened.chart("directions")
    assert directions["labels"] == ["stricter", "looser", "earlier", "later", "same", "incomparable"]
    assert directions["data"] == [[s["stricter"], s["looser"], s["earlier"], s["later"], s["indicators_same"],
                                   s["indicators_incomparable"]]]
    page = opened.page
    page.check("#filter-changed")
    assert page.locator("#diff-matched tbody tr:not(.hidden)").count() == s["changed_tasks"]
    page.select_option("#filter-field", "lead")
    with_lead = sum(1 for p in diff["matched"] if any(c["field"] == "lead" for c in p["changes"]))
    assert page.locator("#diff-matched tbody tr:not(.hidden)").count() == with_lead == s["lead_changes"]
    page.locator("#diff").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "report-changji-against-xinjiang-diff.png"))
    page.close()


def test_long_wild_plan_report_in_chromium(browser, tmp_path):
    opened = Opened(browser, _report(tmp_path, "long", str(LONG_PLAN)), "hebei-economy-stabilization-2022")
    _check_plan_numbers(opened, str(LONG_PLAN))
    assert opened.count("#task-table tbody tr") > 200
    opened.page.close()


def test_plan_text_cannot_script_the_page(browser, tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "关于<script>alert(1)</script>的实施方案\n"
        "一、总体要求\n"
        "（一）整治</script><img src=x onerror=alert(2)>黑臭水体。2016年底前完成。（省环保厅牵头，\"'&<b>发改委</b>参与）\n",
        encoding="utf-8")
    out = _report(tmp_path, "hostile", str(hostile))
    html = out.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    opened = Opened(browser, out, "hostile")
    assert opened.dialogs == [] and opened.problems == [] and opened.requests == []
    assert "alert(1)" in opened.page.inner_text("h1")  # shown as text, not run
    assert opened.count("#task-table tbody tr") == len(_cli_json("tasks", str(hostile)))
    opened.page.close()
