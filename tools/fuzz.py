"""Fuzz the library on demand (never in the default test run): 10,000 inputs
through ``policyx.extract_text`` (and their bytes through the decoder), zero
exceptions expected, and the slowest input per 100k characters compared with
the corpus's.

    python tools/fuzz.py                    # 10,000 inputs: half hypothesis, half mutations
    python tools/fuzz.py --inputs 2000 --seed 7
    python tools/fuzz.py --json

Inputs:

- **hypothesis** builds texts from plan-shaped pieces: heading markers
  (一、 （一） 1. (1) ① 第一章 专栏1 附件), lines and sentences of the real
  plans, role words (牵头 负责 配合), labels (责任单位：), brackets (also
  unbalanced), dates and numbers, markup and entities, and long runs of each
  kind of white space, digits and markup;
- **mutations** of the texts in corpus/, tests/data/wild/texts/ and
  tests/data/wild/full/: an excerpt with runs inserted (white space incl.
  U+3000, digits, markers, markup), lines joined onto one, lines duplicated or
  dropped, brackets removed, characters swapped for full-width or traditional
  ones, bytes re-encoded (GB18030, Big5, UTF-16) and decoded again.

Report: the number of inputs and exceptions (each with its traceback's last
line and a file under --keep), the total time, and the slowest input per
100k characters (among inputs of at least --min-chars characters, where the
fixed cost of a call no longer dominates) as a ratio to the corpus plans'
own time per 100k characters. Exit status 1 when an exception was seen or
the ratio is above 3.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

RUNS = [" ", "\t", "\n", "\u3000", "\xa0", "\r\n", "1", "0.5", "一、", "(1)", "（一）", "1.", "①", "第一章", "【", "（",
        "）", "“", "牵头", "负责", "牵头负责", "责任单位：", "、", "。", "：", "<p>", "<span style='a'>", "<", "&nbsp;",
        "&#12289;", "<script>", "<!--", "|", "..", "…", "2016年", "1、", "5%、"]
PIECES = ["一、总体要求\n", "（一）加强工业污染防治。", "1.严格环境准入。", "(2)", "①", "第一章 总则\n", "专栏1 主要指标\n",
          "附件：1.任务分工表\n", "（市环保局牵头，市发改委、市工信局配合）", "责任单位：州生态环境局（牵头）、州工信局",
          "牵头单位：市水利局；配合单位：各县（市）人民政府", "2016年底前完成", "到2020年，城市污水处理率达到85%以上。",
          "每季度", "持续开展", "不低于90%", "比2015年下降10%", "序号\t任务\t牵头单位\t完成时限\n", "<p>", "</p>",
          "&ldquo;十小&rdquo;", "[bold]", "[/]", "当前位置：首页 » 政务公开 » 规划计划", "发布日期：2016-07-27 来源：市政府",
          "以下均需各级人民政府落实，不再列出。", "（", "）", "【", "】", "\t", "\n", "　　", "环保厅、发改委、", "各县市人民政府负责。"]


def source_texts() -> list[str]:
    files = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests/data/wild/texts").glob("*.txt"))
    files += sorted((ROOT / "tests/data/wild/full").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in files]


def mutate(rng: random.Random, texts: list[str]) -> str:
    """One mutation of an excerpt of a real plan."""
    text = rng.choice(texts)
    start = rng.randrange(0, max(1, len(text) - 200))
    text = text[start:start + rng.choice((500, 2000, 8000, 20000))]
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(8)
        at = rng.randrange(0, len(text) + 1)
        if kind == 0:  # a long run
            text = text[:at] + rng.choice(RUNS) * rng.choice((10, 300, 3000, 10000)) + text[at:]
        elif kind == 1:  # saved on one line
            text = text.replace("\n", rng.choice(("\u3000\u3000", "  ", "", " ")))
        elif kind == 2:  # lines duplicated or dropped
            lines = text.split("\n")
            i = rng.randrange(len(lines))
            lines[i:i + 1] = [lines[i]] * rng.choice((0, 2, 50))
            text = "\n".join(lines)
        elif kind == 3:  # brackets lost
            text = text.translate({ord(c): None for c in rng.choice(("（", "）", "(", ")", "【】"))})
        elif kind == 4:  # full-width or traditional forms
            text = text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789.()%:"})
        elif kind == 5:
            import opencc

            text = opencc.OpenCC("s2t").convert(text)
        elif kind == 6:  # markup around the words
            text = "".join(f"<span>{c}</span>" if rng.random() < 0.05 else c for c in text)
        else:  # a cut in the middle of a word or a tag
            text = text[:at] + text[at + rng.randrange(1, 50):]
    return text


def run_one(text: str, rules, results: dict, as_bytes: bytes | None = None) -> None:
    """Extract one input; record time and any exception."""
    import policyx
    from policyx.errors import PolicyxError
    from policyx.text.reader import decode_bytes

    start = time.perf_counter()
    try:
        if as_bytes is not None:
            try:
                text, _ = decode_bytes(as_bytes)
            except PolicyxError:
                text = ""
        if text.strip():
            policyx.extract_text(text, rules)
    except Exception as exc:  # noqa: BLE001 - the harness counts every exception
        results["errors"].append((repr(text[:80]), traceback.format_exception_only(type(exc), exc)[-1].strip(), text))
    took = time.perf_counter() - start
    results["count"] += 1
    results["seconds"] += took
    if len(text) >= results["min_chars"]:
        candidates = results["candidates"]
        candidates.append((took / len(text) * 100_000, text))
        if len(candidates) > 40:  # the slowest few, timed again at the end
            candidates.sort(key=lambda c: -c[0])
            del candidates[20:]


def encodings(rng: random.Random, text: str) -> bytes | None:
    """Now and then the text's bytes in another encoding, to go through the decoder."""
    if rng.random() > 0.1:
        return None
    encoding = rng.choice(("gb18030", "big5", "utf-16", "utf-8-sig"))
    if encoding == "big5":
        import opencc

        text = opencc.OpenCC("s2t").convert(text)
    return text.encode(encoding, errors="replace")


def hypothesis_inputs(count: int, rules, results: dict, seed: int) -> None:
    from hypothesis import HealthCheck, Phase, given, settings, strategies as st

    piece = st.one_of(
        st.sampled_from(PIECES),
        st.builds(lambda r, n: r * n, st.sampled_from(RUNS), st.sampled_from((1, 2, 10, 100, 1000, 5000))),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    )

    @settings(max_examples=count, deadline=None, database=None, phases=[Phase.generate], derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(st.lists(piece, min_size=1, max_size=60))
    def run(pieces):
        run_one("".join(pieces), rules, results)

    import hypothesis

    hypothesis.seed(seed)(run)()


def slowest(results: dict, rules) -> tuple[float, str]:
    """The slowest inputs timed again (best of three): one measurement of a
    short input on a shared machine can be a pause of the machine, not of
    policyx."""
    import policyx

    worst = (0.0, "")
    for _, text in sorted(results["candidates"], key=lambda c: -c[0])[:20]:
        rate = min(_timed(policyx.extract_text, text, rules) for _ in range(3)) / len(text) * 100_000
        worst = max(worst, (rate, text))
    return worst


def corpus_rate(rules) -> float:
    """The corpus plans' own time per 100k characters (best of three each, the slowest plan)."""
    import policyx

    worst = 0.0
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        best = min(_timed(policyx.extract_text, text, rules) for _ in range(3))
        worst = max(worst, best / len(text) * 100_000)
    return worst


def _timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--min-chars", type=int, default=5_000, help="inputs at least this long count for the ratio")
    parser.add_argument("--keep", type=Path, default=Path("fuzz-failures"), help="where failing inputs are written")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    import policyx

    rules = policyx.load_rules()
    policyx.extract_text("一、总则\n", rules)
    reference = corpus_rate(rules)
    results = {"count": 0, "seconds": 0.0, "errors": [], "candidates": [], "min_chars": args.min_chars}
    started = time.perf_counter()
    hypothesis_inputs(args.inputs // 2, rules, results, args.seed)
    rng = random.Random(args.seed)
    texts = source_texts()
    while results["count"] < args.inputs:
        text = mutate(rng, texts)
        run_one(text, rules, results, encodings(rng, text))
    wall = time.perf_counter() - started
    rate, text = slowest(results, rules)
    results["slowest"] = (rate, len(text), repr(text[:60]))
    ratio = rate / reference
    args.keep.mkdir(parents=True, exist_ok=True)
    (args.keep / "slowest.txt").write_text(text, encoding="utf-8")
    for n, (_, _, failed) in enumerate(results["errors"]):
        (args.keep / f"input-{n}.txt").write_text(failed, encoding="utf-8")
    report = {"inputs": results["count"], "exceptions": len(results["errors"]), "seconds": round(wall, 1),
              "corpus_seconds_per_100k": round(reference, 3),
              "slowest_seconds_per_100k": round(results["slowest"][0], 3),
              "slowest_chars": results["slowest"][1], "slowest_starts": results["slowest"][2],
              "ratio": round(ratio, 2), "errors": [e[:2] for e in results["errors"][:20]]}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(f"{report['inputs']} inputs in {report['seconds']} s, {report['exceptions']} exceptions")
        for shown, message in report["errors"]:
            print(f"  {message}  ← {shown}")
        print(f"slowest: {report['slowest_seconds_per_100k']} s per 100k characters ({report['slowest_chars']:,} "
              f"characters, {report['slowest_starts']}); the corpus: {report['corpus_seconds_per_100k']} s per 100k "
              f"→ {report['ratio']}x (the bar: 3x)")
    return 0 if not results["errors"] and ratio <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
