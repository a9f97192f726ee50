"""policyx check: findings on the corpus, broken fixtures, config, formats, exit codes."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from policyx import extract_file, extract_text, load_rules
from policyx.analyse.check import catalogue, check_plan, load_config
from policyx.cli.app import app
from policyx.analyse.diff import diff_plans

from .conftest import CORPUS, ROOT

runner = CliRunner()
RULES = load_rules()
CHANGJI = (CORPUS / "changji-water-2016.txt").read_text(encoding="utf-8")


def findings(text: str, **kwargs):
    return [(f.rule, f.line) for f in check_plan(extract_text(text), RULES, **kwargs)]


def test_changji_findings_are_pinned():
    # each read by hand:
    # - line 17: the body has 环保局 lead 取缔“十小”企业 alone; 附表1 (line 191) lists 经信委、环保局;
    # - line 19: the clause has no opening bracket ("…技术改造。经信委、环保局牵头,发改委负责)");
    # - line 93: the body names 住房和城乡建设局、环保局、卫计委 as leads of 加强从水源到供水系统全过程监管,
    #   附表1 (line 481) names 卫计委、水利局、住建局: 环保局 in the body, 水利局 in the table.
    # Spelling variants (住建局 / 住房和城乡建设局) are not findings.
    assert [(f.rule, f.line, f.severity) for f in check_plan(extract_file("changji"), RULES)] == [
        ("body-table-mismatch", 17, "warning"),
        ("clause-unclosed", 19, "warning"),
        ("body-table-mismatch", 93, "warning"),
    ]


@pytest.mark.parametrize(
    ("plan", "expected"),
    [
        # "2015年底前调查确定地级以上城市建成区黑臭水体" in a 2016 plan: already past when issued
        ("xinjiang", [("deadline-outside-plan", 99)]),
        # "自治区环保厅负责对各地区…工作方案进行汇总，编制自治区水污染防治工作方案": the task's own clause,
        # and 附件2 dates that 方案 2015年底前, which its text does not say (nor the table its 10月31日前)
        # and "自治区水污染防治工作领导小组要切实履行好组织协调和监督职责": a duty of a body the registry does not know
        ("neimenggu", [("body-table-mismatch", 137), ("department-unknown", 147), ("body-table-mismatch", 255)]),
        # "基本完成2010年前历史遗留的铀矿地质勘探点位的退役治理": a date of the past read as a deadline
        ("xinjiang-13th", [("deadline-outside-plan", 480)]),
        ("xinjiang-14th", []),
    ],
)
def test_other_corpus_plans(plan, expected):
    assert [(f.rule, f.line) for f in check_plan(extract_file(plan), RULES)] == expected


BROKEN = [
    # (rule, what to replace in a copy of changji, with what)
    ("task-without-lead", "(水利局负责)\n", "(发改委参与)\n"),
    ("department-unknown", "(商务局、经信委牵头,环保局、科学技术局负责)", "(商务局、经信委牵头,环保局、星际航行局负责)"),
    ("deadline-unparsed", "2016年底前编制完成全州农村环境综合整治方案", "2016年春季编制完成全州农村环境综合整治方案"),
    ("deadline-outside-plan", "2016年底前,制定浆粕化纤", "2011年底前,制定浆粕化纤"),
    ("section-numbering", "(三十三)加强督查问责。对因", "(三十四)加强督查问责。对因"),
    ("clause-unclosed", "(住房和城乡建设局牵头,发改委、环保局负责)\n\n全面加强", "(住房和城乡建设局牵头,发改委、环保局负责\n\n全面加强"),
    ("target-without-year", "到2020年,再生水利用率达到20%以上", "再生水利用率达到20%以上"),
    ("task-without-clause", "(水利局负责)\n", "\n"),
    ("body-table-mismatch", "促进再生水利用。\n\n住建局", "促进再生水利用。\n\n水利局"),
]


@pytest.mark.parametrize(("rule", "old", "new"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_plan_broken_one_way_triggers_exactly_that_rule(rule, old, new):
    assert CHANGJI.count(old) == 1, f"fixture text not unique: {old!r}"
    # an edit of the body may also make it disagree with the plan's own table
    # (附表1); that rule is looked at only where it is the one meant
    off = () if rule == "body-table-mismatch" else ("body-table-mismatch",)
    base = [(f.rule, f.message) for f in check_plan(extract_text(CHANGJI), RULES, disable=off)]
    broken = [(f.rule, f.message) for f in check_plan(extract_text(CHANGJI.replace(old, new)), RULES, disable=off)]
    added = [f for f in broken if f not in base]
    assert [r for r, _ in added] == [rule], added


def test_duplicate_task():
    text = "一、总则\n（一）工业。取缔小企业。2016年底前全部取缔。（省环保厅牵头）\n取缔小企业。2016年底前全部取缔。（省环保厅牵头）\n"
    assert [r for r, _ in findings(text)] == ["duplicate-task"]


def test_no_structure_is_an_error():
    assert findings("各地要高度重视，认真组织实施。") == [("no-structure", None)]


def test_against_parent_is_consistent_with_diff():
    child, parent = extract_file("changji"), extract_file("xinjiang")
    found = check_plan(child, RULES, parent=parent)
    d = diff_plans(parent, child)
    rules = [f.rule for f in found]
    assert rules.count("parent-task-missing") == len(d.only_a) == 6
    assert rules.count("deadline-later-than-parent") == d.summary["later"]
    assert rules.count("target-looser-than-parent") == d.summary["looser"]
    assert rules.count("lead-changed") == d.summary["lead_changes"]
    missing = {f.message.split("'")[1] for f in found if f.rule == "parent-task-missing"}
    assert "整治城市黑臭水体" in missing and "健全法规规章" in missing
    assert {f.line for f in found if f.rule == "deadline-later-than-parent"} == {23}
    assert {f.line for f in found if f.rule == "target-looser-than-parent"} == {21}


def test_config_disables_and_regrades(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.policyx.check]\ndisable = ["clause-unclosed"]\n[tool.policyx.check.severity]\ntask-without-clause = "error"\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path / "pyproject.toml", catalogue(RULES))
    assert config.disabled == {"clause-unclosed"} and config.severity == {"task-without-clause": "error"}
    assert [f.rule for f in check_plan(extract_file("changji"), RULES, config=config)] == ["body-table-mismatch"] * 2
    text = "一、总则\n（一）工业。取缔小企业。（省环保厅牵头）\n加强监管。定期检查。\n二、保障\n（二）考核。严格考核。（省环保厅牵头）\n"
    # the paragraph whose clause is missing is no task, and is reported (an error by default)
    assert [(f.rule, f.severity) for f in check_plan(extract_text(text), RULES, config=config)] == [
        ("task-without-clause", "error"),
    ]


def test_policyx_toml_and_cli_disable(tmp_path, monkeypatch):
    (tmp_path / "policyx.toml").write_text('[check]\ndisable = ["clause-unclosed", "body-table-mismatch"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["check", "changji", "-f", "json"]).exit_code == 0
    clean = json.loads(runner.invoke(app, ["check", "changji", "-f", "json"]).stdout)
    assert clean["findings"] == []
    (tmp_path / "policyx.toml").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["check", "changji", "-f", "json", "--disable", "clause-unclosed",
                                 "--disable", "body-table-mismatch"])
    assert json.loads(result.stdout)["findings"] == []


def test_bad_config_and_unknown_rules_exit_2(tmp_path):
    bad = tmp_path / "policyx.toml"
    bad.write_text('disable = ["no-such-rule"]\n', encoding="utf-8")
    result = runner.invoke(app, ["check", "changji", "--config", str(bad)])
    assert result.exit_code == 2 and "unknown rule 'no-such-rule'" in result.stderr
    result = runner.invoke(app, ["check", "changji", "--disable", "nope"])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


def test_exit_codes(tmp_path):
    assert runner.invoke(app, ["check", "xinjiang-14th"]).exit_code == 0
    assert runner.invoke(app, ["check", "changji"]).exit_code == 0  # a warning only
    assert runner.invoke(app, ["check", "changji", "--strict"]).exit_code == 1
    assert runner.invoke(app, ["check", "changji", "--against", "xinjiang"]).exit_code == 1  # later and looser: errors
    missing = runner.invoke(app, ["check", "changji", str(tmp_path / "gone.txt")])
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    assert "1 plan(s) checked: " in missing.stdout and missing.stdout.rstrip().endswith("; 1 could not be read")
    assert runner.invoke(app, ["check"]).exit_code == 2


def test_several_files_with_a_summary():
    paths = sorted(str(p) for p in CORPUS.glob("*.txt"))
    result = runner.invoke(app, ["check", *paths, "-f", "json"])
    data = json.loads(result.stdout)
    assert len(data["documents"]) == 5
    # (neimenggu's two body-table-mismatch warnings at lines 137 and 255 and its unknown 领导小组: test_other_corpus_plans)
    assert data["summary"] == {"error": 0, "warning": 8, "info": 0}
    text = runner.invoke(app, ["check", *paths])
    assert "5 plan(s) checked" in text.stdout


def test_list_rules():
    result = runner.invoke(app, ["check", "--list-rules"])
    assert result.exit_code == 0
    for rule in ("task-without-lead", "deadline-later-than-parent", "target-looser-than-parent", "section-numbering"):
        assert rule in result.stdout


def test_json_follows_the_contract():
    data = json.loads(runner.invoke(app, ["check", "changji", "-f", "json"]).stdout)
    assert data["document"]["id"] == "changji-water-2016"
    unclosed = next(f for f in data["findings"] if f["rule"] == "clause-unclosed")
    assert unclosed == {"rule": "clause-unclosed", "severity": "warning", "message": unclosed["message"], "line": 19,
                        "task": "1.1.2", "span": unclosed["span"]}  # (the task whose text holds the clause)
    assert [f["task"] for f in data["findings"]] == ["1.1.1", "1.1.2", "5.1.1"]  # (a new user found them null)
    assert data["summary"] == {"error": 0, "warning": 3, "info": 0}


def test_github_annotations(monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = runner.invoke(app, ["check", "changji", "--against", "xinjiang"])  # auto: github
    lines = result.stdout.splitlines()
    assert any(line.startswith("::error file=") and ",line=23," in line and "title=deadline-later-than-parent::" in line
               for line in lines)
    assert any(line.startswith("::notice ") for line in lines) and any(line.startswith("::warning ") for line in lines)


def test_junit_xml():
    result = runner.invoke(app, ["check", "changji", "xinjiang-14th", "--against", "xinjiang", "-f", "junit"])
    root = ET.fromstring(result.stdout)
    suites = root.findall("testsuite")
    assert len(suites) == 2
    assert suites[0].get("failures") == "2" and len(suites[0].findall("testcase/failure")) == 2
    assert root.find("testsuite/testcase/failure").get("type") == "error"


def test_sarif_validates_against_the_official_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "tests/data/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    result = runner.invoke(app, ["check", "changji", "--against", "xinjiang", "-f", "sarif"])
    sarif = json.loads(result.stdout)
    jsonschema.validate(sarif, schema)
    run = sarif["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"task-without-lead", "target-looser-than-parent"}
    levels = {r["level"] for r in run["results"]}
    assert levels == {"error", "warning", "note"}
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("changji-water-2016.txt")


def test_a_plan_that_could_not_be_read_is_in_every_report(tmp_path):
    """A CI job reading the report, not standard error, learns of a plan it
    could not read (a new user's trial: only the text summary counted it)."""
    import jsonschema

    gone = str(tmp_path / "gone.txt")
    result = runner.invoke(app, ["check", "changji", gone, "-f", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [d["document"]["id"] for d in data["documents"]] == ["changji-water-2016"]
    assert data["unreadable"] == [{"path": gone, "error": data["unreadable"][0]["error"]}]
    assert data["unreadable"][0]["error"] == "no such file"  # (not the path twice)
    schema = json.loads(runner.invoke(app, ["schema", "check", "--strict"]).stdout)
    jsonschema.validate(data, schema)
    alone = json.loads(runner.invoke(app, ["check", gone, "-f", "json"]).stdout)
    assert alone["documents"] == [] and len(alone["unreadable"]) == 1

    sarif = json.loads(runner.invoke(app, ["check", "changji", gone, "-f", "sarif"]).stdout)
    jsonschema.validate(sarif, json.loads((ROOT / "tests/data/sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == gone

    root = ET.fromstring(runner.invoke(app, ["check", "changji", gone, "-f", "junit"]).stdout)
    [error] = root.findall("testsuite/testcase/error")
    assert error.get("type") == "unreadable" and root.find("testsuite").get("errors") == "1"

    github = runner.invoke(app, ["check", "changji", gone, "-f", "github"]).stdout.splitlines()
    assert github[0].startswith(f"::error file={gone},title=unreadable::")
    plain = runner.invoke(app, ["check", "changji", gone, "-o", str(tmp_path / "report.txt")])
    assert plain.exit_code == 2 and (tmp_path / "report.txt").read_text(encoding="utf-8").startswith(f"{gone}: error unreadable ")


def test_a_clean_run_says_so_in_sarif():
    sarif = json.loads(runner.invoke(app, ["check", "xinjiang-14th", "-f", "sarif"]).stdout)
    assert sarif["runs"][0]["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]


def test_report_written_atomically(tmp_path):
    out = tmp_path / "report.sarif"
    result = runner.invoke(app, ["check", "changji", "-f", "sarif", "-o", str(out)])
    assert result.exit_code == 0 and json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_pre_commit_hook_definition():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "policyx-check" and hooks[0]["entry"].startswith("policyx check")


def test_a_target_due_every_year_needs_no_year():
    doc = extract_text("一、任务\n（一）调整运输结构。自2019年起，每年新增铁路货运量50万吨。（市交通运输局牵头）\n"
                       "（二）升级车船。新能源车比例不低于80%。（市交通运输局牵头）\n")
    rules = [f.rule for f in check_plan(doc, RULES)]
    assert rules.count("target-without-year") == 1


def test_check_says_whose_plan_it_read_and_takes_it_as_an_option(tmp_path):
    copy = tmp_path / "my-plan.txt"
    copy.write_bytes((ROOT / "corpus" / "changji-water-2016.txt").read_bytes())
    data = json.loads(runner.invoke(app, ["check", str(copy), "--against", "xinjiang", "-f", "json"]).stdout)
    assert (data["document"]["level"], data["document"]["read_from"]["level"]) == ("prefecture", "text")
    assert data["against"]["read_from"]["level"] == "manifest"
    stated = json.loads(runner.invoke(app, ["check", str(copy), "-f", "json", "--level", "county", "--region", "昌吉州"]).stdout)
    assert (stated["document"]["level"], stated["document"]["read_from"]["region"]) == ("county", "option")
    text = runner.invoke(app, ["check", "changji", "-f", "text"]).stdout
    assert "prefecture, 昌吉回族自治州, 2016-07-27 (title, level, region, date: manifest)" in text
    assert runner.invoke(app, ["check", "changji", "--level", "town"]).exit_code == 2


def test_a_national_plan_is_the_states():
    """A new user's trial: national plans had no level ("state" was no plan level)."""
    # national-fangguanfu-task-division-2020: its clauses name State Council bodies
    data = json.loads(runner.invoke(app, ["check", str(ROOT / "tests/data/wild/full/national-fangguanfu-task-division-2020.txt"),
                                          "-f", "json"]).stdout)
    assert (data["document"]["level"], data["document"]["read_from"]["level"]) == ("state", "text")
    # a title that names the State Council or a ministry as its issuer
    assert extract_text("国务院办公厅关于印发某项重点任务分工方案的通知\n一、总体要求\n").info.level == "state"
    assert extract_text("水利部贯彻落实《某意见》的分工实施意见\n一、总体要求\n").info.level == "state"
    assert extract_text("全国文明城市复审迎检工作方案\n一、总体要求\n").info.level != "state"  # (a city's plan)
    assert runner.invoke(app, ["check", "changji", "--level", "state", "-f", "json"]).exit_code in (0, 1)


def test_a_directory_is_checked_plan_by_plan(tmp_path):
    """"policyx check mix" failed with "is a directory", though extract and index take a folder (a new user's trial)."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "changji.txt").write_bytes((CORPUS / "changji-water-2016.txt").read_bytes())
    (tmp_path / "sub" / "xinjiang.txt").write_bytes((CORPUS / "xinjiang-water-2016.txt").read_bytes())
    result = runner.invoke(app, ["check", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 2


def test_a_division_of_tasks_whose_tasks_name_no_department_fails():
    """chengdu-waste-2020 (a docx preview of a 责任分工表 run together) as a
    preview's page that starts below the header: its rows are not found as a
    table, the page markers 1、2、3、 are read as items — three tasks, none
    with a department: an error, not a clean check. (With its header, the
    table is read: no error.)"""
    text = (ROOT / "tests" / "data" / "wild" / "texts" / "chengdu-waste-2020.txt").read_text(encoding="utf-8")
    headless = text.replace("序号工作内容目标任务责任单位备注", "")
    found = [(f.rule, f.severity) for f in check_plan(extract_text(headless), RULES)]
    assert ("attribution-unread", "error") in found
    assert "attribution-unread" not in [f.rule for f in check_plan(extract_text(text), RULES)]


@pytest.mark.parametrize("text", [
    # a division whose tasks name their offices
    "重点任务分工方案\n1.加强水源保护。（市环保局牵头）\n2.推进截污纳管。（市住建局牵头）\n",
    # a plan that divides nothing: its measures name no office, and need not
    "环境保护规划\n一、主要任务\n（一）加强水源保护。\n（二）推进截污纳管。\n",
])
def test_a_plan_that_divides_nothing_or_names_its_offices_is_no_unread_attribution(text):
    assert "attribution-unread" not in [rule for rule, _ in findings(text)]
