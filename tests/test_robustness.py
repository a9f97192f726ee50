"""Issue 14: no input hangs policyx, no output loses data, nothing crashes.

Output: -o never overwrites an input, writes devices and FIFOs directly,
keeps permissions, leaves no temporary file (also after kill -9); plan text
is escaped in every terminal table and in Markdown. Input: Big5 is read as
Big5, HTML entities are decoded, FIFOs and devices are refused at once, a
gold file reads only plans beside it, a plan above the size limit is one
line. The rule files' schema and the SQLite store have their own files
(test_rule_schema.py, test_store_safety.py)."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import threading

import opencc
import pytest
import regex
from typer.testing import CliRunner

import policyx
import policyx.io.store
from policyx.cli.app import app
from policyx.io.files import write_atomic

from .conftest import CORPUS, ROOT

runner = CliRunner()
CHANGJI = CORPUS / "changji-water-2016.txt"


def _policyx(*args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    """The command in a process of its own (what may block is bounded by ``timeout``)."""
    return subprocess.run([sys.executable, "-m", "policyx", *args], capture_output=True, text=True, timeout=timeout,
                          cwd=kwargs.pop("cwd", None), env={**os.environ, **kwargs.pop("env", {})}, **kwargs)


# -- -o never names an input ----------------------------------------------------------------------


@pytest.mark.parametrize("command", [
    ["extract", "{plan}", "-o", "{plan}"],
    ["extract", "{plan}", "--format", "yaml", "-o", "{plan}"],
    ["extract", "{dir}", "--format", "jsonl", "-o", "{plan}"],
    ["diff", "xinjiang", "{plan}", "--format", "json", "-o", "{plan}"],
    ["diff", "{plan}", "xinjiang", "--format", "markdown", "-o", "{plan}"],
    ["check", "{plan}", "--format", "json", "-o", "{plan}"],
    ["check", "changji", "--against", "{plan}", "--format", "sarif", "-o", "{plan}"],
    ["tasks", "{plan}", "--format", "json", "-o", "{plan}"],
    ["timeline", "{plan}", "--format", "csv", "-o", "{plan}"],
])
def test_output_naming_an_input_is_refused_and_the_plan_kept(tmp_path, command):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(CHANGJI.read_bytes())
    args = [a.format(plan=plan, dir=tmp_path) for a in command]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "names a file this command reads" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert plan.read_bytes() == CHANGJI.read_bytes()


def test_output_naming_an_input_through_another_path_is_refused(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(CHANGJI.read_bytes())
    (tmp_path / "link.txt").symlink_to(plan)
    result = runner.invoke(app, ["extract", str(plan), "-o", str(tmp_path / "link.txt")])
    assert result.exit_code == 2
    assert plan.read_bytes() == CHANGJI.read_bytes()
    result = runner.invoke(app, ["extract", "changji", "-o", str(CHANGJI)])  # a corpus name is its file
    assert result.exit_code == 2


@pytest.mark.parametrize("command", [["extract", "-"], ["tasks", "-", "--format", "csv"]])
def test_output_naming_the_file_standard_input_reads_is_refused(tmp_path, command):
    """"policyx extract - -o plan.txt < plan.txt" overwrote the plan (a new user's trial)."""
    plan = tmp_path / "plan.txt"
    plan.write_bytes(CHANGJI.read_bytes())
    with plan.open("rb") as stdin:
        result = _policyx(*command, "-o", str(plan), stdin=stdin)
    assert result.returncode == 2 and "standard input" in result.stderr
    assert plan.read_bytes() == CHANGJI.read_bytes()
    with plan.open("rb") as stdin:  # another file is written as ever
        assert _policyx(*command, "-o", str(tmp_path / "out"), stdin=stdin).returncode == 0


# -- special files, permissions, temporary files -----------------------------------------------------


@pytest.mark.skipif(os.geteuid() != 0, reason="replacing /dev/null takes root")
def test_dev_null_stays_a_device():
    result = runner.invoke(app, ["extract", "changji", "-o", "/dev/null"])
    assert result.exit_code == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_dev_stdout_is_written_not_replaced(tmp_path):
    out = tmp_path / "out.json"
    with out.open("w") as handle:
        done = subprocess.run([sys.executable, "-m", "policyx", "extract", "changji", "-o", "/dev/stdout"],
                              stdout=handle, timeout=120)
    assert done.returncode == 0
    assert out.read_text(encoding="utf-8").startswith("{")
    assert os.path.islink("/dev/stdout") or not os.path.isfile("/dev/stdout")


def test_a_fifo_is_written_directly(tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "一、总则\n")
    reader.join(10)
    assert received == ["一、总则\n".encode()]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_replaced_file_keeps_its_mode_and_a_new_one_follows_the_umask(tmp_path):
    existing = tmp_path / "kept.json"
    existing.write_text("old")
    existing.chmod(0o640)
    assert runner.invoke(app, ["extract", "changji", "-o", str(existing)]).exit_code == 0
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.json", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640  # 0666 less 027


def test_a_batch_written_as_it_comes_is_written_as_every_output(tmp_path):
    """extract DIR --format jsonl streams its lines: through the same writer, so
    the mode is kept, a device stays a device and no temporary file is left."""
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(CHANGJI, plans / "changji.txt")
    out = tmp_path / "all.jsonl"
    out.write_text("old")
    out.chmod(0o644)
    assert runner.invoke(app, ["extract", str(plans), "--format", "jsonl", "-o", str(out), "--jobs", "1"]).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.jsonl", "plans"]
    if os.geteuid() == 0:
        assert runner.invoke(app, ["extract", str(plans), "--format", "jsonl", "-o", "/dev/null"]).exit_code == 0
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_link_stays_a_link(tmp_path):
    (tmp_path / "real.json").write_text("old")
    (tmp_path / "link.json").symlink_to("real.json")
    write_atomic(tmp_path / "link.json", "new")
    assert (tmp_path / "link.json").is_symlink() and (tmp_path / "real.json").read_text() == "new"


def test_no_temporary_file_is_left(tmp_path):
    for n in range(3):
        write_atomic(tmp_path / "out.json", f"{n}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
    with pytest.raises(OSError):
        write_atomic(tmp_path / "missing" / "out.json", "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


_KILLED_WRITER = """
import os, sys, time
sys.path.insert(0, {src!r})
import policyx.io.files as files
stage = sys.argv[1]
if stage == "writing":  # killed with part of the content written
    with files.atomic_output(sys.argv[2]) as handle:
        handle.write(b"x" * 10)
        handle.flush()
        print("ready", flush=True)
        time.sleep(60)
else:  # named, not yet renamed over the target
    def slow(name, target):
        print("ready", flush=True)
        time.sleep(60)
    files.os.replace = slow
    files.write_atomic(sys.argv[2], "x" * 100000)
"""


@pytest.mark.parametrize("stage", ["writing", "renaming"])
def test_kill_9_leaves_no_temporary_file_or_the_next_write_removes_it(tmp_path, stage):
    target = tmp_path / "out.json"
    target.write_text("old")
    script = _KILLED_WRITER.format(src=str(ROOT / "src"))
    process = subprocess.Popen([sys.executable, "-c", script, stage, str(target)], stdout=subprocess.PIPE)
    assert process.stdout.readline().strip() == b"ready"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)
    assert target.read_text() == "old"  # the target is whole: old or new, never half
    left = [p.name for p in tmp_path.iterdir() if p.name != "out.json"]
    if stage == "writing":
        assert left == []  # the content was in an unnamed file: the kernel dropped it
    else:
        assert len(left) == 1 and left[0].startswith(".out.json.policyx-")
    write_atomic(target, "new")  # the next write removes what a dead process left
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"] and target.read_text() == "new"


# -- plan text escaped in terminal tables and Markdown -------------------------------------------------

MARKUP_PLAN = """某市水污染防治工作方案
一、总体要求
（一）治理[/]污染|河道[bold]工业[/bold]。取缔小企业（市环保局牵头，2016年底前完成）。
（二）推进&lt;script&gt;alert(1)&lt;/script&gt;城镇[x](javascript:alert(1))污水处理。新建厂（市住建局牵头，2017年底前完成）。
"""


@pytest.fixture
def terminal(monkeypatch):
    """Tables drawn as on a terminal (rich), not as plain lines for a pipe."""
    import policyx.cli.common as common

    monkeypatch.setattr(common, "_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "200")


@pytest.mark.parametrize("command", ["tasks", "timeline", "departments"])
def test_rich_markup_in_plan_text_is_shown_as_written(tmp_path, terminal, command):
    plan = tmp_path / "markup.txt"
    plan.write_text(MARKUP_PLAN, encoding="utf-8")
    result = runner.invoke(app, [command, str(plan)])
    assert result.exit_code == 0, result.output
    if command != "departments":
        assert "[/]" in result.stdout and "[bold]" in result.stdout


def test_rich_markup_in_diff_and_check(tmp_path, terminal):
    plan = tmp_path / "markup.txt"
    plan.write_text(MARKUP_PLAN, encoding="utf-8")
    result = runner.invoke(app, ["diff", str(plan), "xinjiang"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["check", str(plan), "--format", "text"])
    assert result.exit_code in (0, 1) and "Traceback" not in result.output


def test_markdown_escapes_plan_text(tmp_path):
    plan = tmp_path / "markup.txt"
    plan.write_text(MARKUP_PLAN, encoding="utf-8")
    later = tmp_path / "later.txt"
    later.write_text(MARKUP_PLAN.replace("2016年", "2018年"), encoding="utf-8")
    result = runner.invoke(app, ["diff", str(plan), str(later), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\\[x\\](javascript:" in text and not regex.search(r"(?<!\\)\]\(javascript:", text)  # no link
    rows = [line for line in text.splitlines() if line.startswith("|") and "治理" in line]
    assert rows and all("污染\\|河道" in row for row in rows)
    for table in regex.findall(r"(?m)(?:^\|.*\n)+", text):  # a | in a title adds no column
        assert len({len(regex.split(r"(?<!\\)\|", line)) for line in table.splitlines()}) == 1


# -- input ---------------------------------------------------------------------------------------------


def test_big5_plan_is_read_as_big5(tmp_path):
    traditional = opencc.OpenCC("s2t").convert(CHANGJI.read_text(encoding="utf-8"))
    plan = tmp_path / "big5.txt"
    plan.write_bytes(traditional.encode("big5", errors="replace"))
    doc = policyx.extract_file(str(plan))
    reference = policyx.extract_file(str(CHANGJI))
    assert doc.info.encoding in ("cp950", "big5hkscs")
    assert len(doc.sections) >= len(reference.sections) * 0.9 and len(doc.tasks) >= len(reference.tasks) * 0.9
    assert not any(w.code == "no-structure" for w in doc.warnings)


def test_gbk_plans_stay_gbk(tmp_path):
    for text in (CHANGJI.read_text(encoding="utf-8"), opencc.OpenCC("s2t").convert("一、总体要求\n（一）加强监管。")):
        plan = tmp_path / "gbk.txt"
        plan.write_bytes(text.encode("gb18030"))
        assert policyx.extract_file(str(plan)).info.encoding == "gb18030"


def test_html_entities_are_decoded_not_deleted():
    doc = policyx.extract_text("一、总体要求\n（一）取缔&ldquo;十小&rdquo;企业。（发改委&#12289;环保局牵头，2016年底前完成）\n")
    task = doc.tasks[0]
    assert "“十小”" in task.title or "“十小”" in task.text
    assert [r.name for r in task.lead] == ["发改委", "环保局"]


def test_a_blocks_tag_breaks_its_line_only_after_words():
    """"</p><p>" on a page saved as one line is a line break; a "</p>" that
    the file ends its line after anyway makes no second one; and a table's
    row keeps its cells' paragraphs (xinjiang-env-13th-2017, line 369)."""
    from policyx.extract.pipeline import noise_rules
    from policyx.text.normalize import Normalized

    noise = noise_rules(policyx.load_rules())
    page = Normalized("<p>一、总体要求</p><p>（一）工作目标。</p>\n<p>二、主要任务</p></div>\n", noise)
    assert [line.text.strip() for line in page.lines()] == ["一、总体要求", "(一)工作目标。", "二、主要任务", ""]  # (the working copy is folded)
    assert page.line_of(page.text.index("二")) == 2  # (the file's line)
    row = "重点行业 水污染防治 工程\t<p>1. 造纸行业。增加深度治理。</p> <p>2. 印染行业。实施低排水染整工艺改造。</p>"
    assert "\n" not in Normalized(row, noise).text


@pytest.mark.parametrize("command", [
    ["extract", "{fifo}"], ["tasks", "{fifo}"], ["check", "{fifo}"], ["diff", "{fifo}", "changji"],
    ["check", "changji", "--config", "{fifo}"], ["extract", "changji", "--rules", "{rules}"],
    ["index", "{fifo}", "--db", "{db}"],
])
def test_fifos_are_refused_at_once(tmp_path, command):
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)
    rules = tmp_path / "rules"
    rules.mkdir()
    os.mkfifo(rules / "noise.yaml")
    args = [a.format(fifo=fifo, rules=rules, db=tmp_path / "db.sqlite") for a in command]
    result = _policyx(*args, timeout=60)  # it used to block forever
    assert result.returncode == 2
    assert "FIFO" in result.stderr and "Traceback" not in result.stderr


def test_a_device_is_refused():
    result = _policyx("extract", "/dev/zero", timeout=60)
    assert result.returncode == 2 and "character device" in result.stderr


def test_gold_file_reads_only_plans_beside_it(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    for document in ("../../etc/passwd", "/etc/passwd", "../../../../../../../../etc/passwd"):
        (gold / "a.sections.yaml").write_text(f"document: {document}\nsections: []\n", encoding="utf-8")
        result = runner.invoke(app, ["eval", str(gold)])
        assert result.exit_code == 2 and f"document {document!r}" in result.stderr, document
        assert "root:" not in result.output
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "plan.txt").write_bytes(CHANGJI.read_bytes())
    (gold / "a.sections.yaml").write_text("document: ../texts/plan.txt\nsections: []\n", encoding="utf-8")
    assert runner.invoke(app, ["eval", str(gold)]).exit_code == 0
    (gold / "a.sections.yaml").write_text("document: changji\nsections: []\n", encoding="utf-8")
    assert runner.invoke(app, ["eval", str(gold)]).exit_code == 0


# -- limits and bad option values ------------------------------------------------------------------------


def test_a_plan_above_the_limit_is_one_line(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes(CHANGJI.read_bytes() * 3)
    monkeypatch.setenv("POLICYX_MAX_SIZE", "100KB")
    result = runner.invoke(app, ["extract", str(big)])
    assert result.exit_code == 2
    assert "larger than" in result.stderr and "--max-size" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    result = runner.invoke(app, ["extract", "-"], input=big.read_bytes())
    assert result.exit_code == 2 and "larger than" in result.stderr
    monkeypatch.setenv("POLICYX_MAX_SIZE", "1MB")
    assert runner.invoke(app, ["extract", str(big)]).exit_code == 0


def test_the_plans_limit_is_not_the_rules(tmp_path):
    """"policyx --max-size 10KB extract changji" refused policyx's own
    rules/deadlines.yaml (21 KB), not the plan (a new user's trial)."""
    small = tmp_path / "small.txt"
    small.write_text("一、总体要求\n（一）加强监管。2020年底前完成。（市环保局牵头）\n", encoding="utf-8")
    env = {"POLICYX_CACHE_DIR": str(tmp_path / "cache")}  # (the rule files read, not a compiled copy)
    result = _policyx("--max-size", "10KB", "extract", str(small), env=env)
    assert result.returncode == 0, result.stderr
    result = _policyx("--max-size", "10KB", "extract", "changji", env=env)
    assert result.returncode == 2 and "changji-water-2016.txt: 66,071 bytes, larger than" in result.stderr


def test_max_size_option_raises_the_limit(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes(CHANGJI.read_bytes() * 3)
    monkeypatch.setenv("POLICYX_MAX_SIZE", "100KB")  # restored after the test, also when --max-size sets it
    assert runner.invoke(app, ["--max-size", "1MB", "extract", str(big)]).exit_code == 0
    result = runner.invoke(app, ["--max-size", "twelve", "extract", str(big)])
    assert result.exit_code == 2 and "no size" in result.stderr


def test_default_limit_is_stated(tmp_path):
    from policyx.limits import DEFAULT_MAX_BYTES, max_bytes

    assert max_bytes() == DEFAULT_MAX_BYTES == 16 * 1024 * 1024
    assert "16 MiB" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [
    ["extract", "changji", "xinjiang", "--jobs", "-1"], ["extract", "changji", "xinjiang", "--jobs", "0"],
    ["index", "changji", "--jobs", "-1", "--db", "{db}"], ["query", "--db", "{db}", "--load", "--limit", "-3"],
    ["check", "changji", "--config", "{binary}"], ["extract", "changji", "--jobs", "many"],
])
def test_bad_option_values_are_one_line_and_exit_2(tmp_path, args, capsys):
    from policyx.cli.app import main

    binary = tmp_path / "binary.toml"
    binary.write_bytes(bytes(range(256)) * 8)
    policyx.io.store.connect(tmp_path / "db.sqlite").close()
    with pytest.raises(SystemExit) as exit_:
        main([a.format(db=tmp_path / "db.sqlite", binary=binary) for a in args])  # as the command line runs it
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("policyx: ")


def test_library_refuses_bad_jobs():
    from policyx.errors import PolicyxError
    from policyx.io.batch import extract_many

    with pytest.raises(PolicyxError):
        list(extract_many(["changji", "xinjiang"], jobs=-1))


def test_unsafe_user_pattern_is_refused_at_load(tmp_path):
    (tmp_path / "noise.yaml").write_text("rules:\n  - id: noise.mine\n    pattern: '\\s*打印\\s*本页'\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "changji", "--rules", str(tmp_path)], env={"POLICYX_CACHE_DIR": ""})
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert "noise.yaml" in line and "noise.mine" in line and "'pattern'" in line and "faster than linear" in line
    (tmp_path / "noise.yaml").write_text("rules:\n  - id: noise.mine\n    pattern: '(?<![ \\t])[ \\t]*+打印本页'\n",
                                         encoding="utf-8")
    assert runner.invoke(app, ["extract", "changji", "--rules", str(tmp_path)]).exit_code == 0


def test_a_large_run_of_blank_lines_through_the_cli(tmp_path):
    plan = tmp_path / "blank.txt"
    plan.write_text("一、总则\n" + "\n" * 200_000 + "（一）加强监管。\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(plan), "--format", "tree"])  # (how its time grows: test_regex_safety)
    assert result.exit_code == 0 and "加强监管" in result.stdout


def test_a_report_is_not_poured_onto_a_terminal():
    """"policyx report changji" without -o printed 480 KB of HTML to the
    terminal (a new user's trial); on a pipe it is the page, as ever."""
    primary, secondary = os.openpty()
    try:
        result = subprocess.run([sys.executable, "-m", "policyx", "report", "changji"], stdout=secondary,
                                stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(secondary)
        os.close(primary)
    assert result.returncode == 2 and "-o FILE.html" in result.stderr
    assert _policyx("report", "changji", timeout=120).stdout.startswith("<!DOCTYPE html>")


def test_a_name_followed_by_thousands_of_notes_is_not_peeled_note_by_note():
    # a fuzzed table cell: "优(一)(一)…" of 30,000 characters once recursed a
    # note at a time, past Python's recursion limit
    registry = policyx.load_rules().departments
    ref = registry.resolve("优" + "(一)" * 10_000)
    assert ref.name == "优" + "(一)" * 10_000 and not ref.known
    assert registry.resolve("省发展改革委(省数据局)").canonical == "省发展和改革委员会(省数据局)"
    table = "序号\t任务\t牵头单位\n1\t加强监管\t市环保局" + "(一)" * 10_000 + "\n"
    assert policyx.extract_text(table) is not None


@pytest.mark.parametrize("value", [b"\xe4\xb8\x80\xe3\x80\x81\xe6\x80\xbb\xe5\x88\x99", None, 42])
def test_the_library_refuses_what_is_not_text_in_its_own_words(value):
    # a user's trial: extract_text(b"…") raised "cannot use a string pattern on a bytes-like object"
    with pytest.raises(policyx.InputError, match="as str"):
        policyx.extract_text(value)
