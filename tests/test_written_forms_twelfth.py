"""Forms read on 4 December 2026 (twelfth session), each pinned by the
snippet that showed it; the plan and line are named in each case
(tests/data/written)."""

from __future__ import annotations

from policyx import extract_text


def tasks(text: str):
    return [(t.title, [r.name for r in t.lead], [d.date or d.kind for d in t.deadlines]) for t in extract_text(text).tasks]


# -- an attribution after a block of items, in brackets (city-trailing-attribution-sentences-2026, lines 28-31) ------

BLOCK_IN_BRACKETS = (
    "（三）促进儿童青少年健康\n"
    "7．实施儿童青少年近视综合防控。定期开展视力筛查，建立学生电子视力健康档案。\n"
    "8．保障学生体育活动时间。全面落实中小学生每天综合体育活动时间不低于2小时。\n"
    "9．加强学校卫生和心理健康教育。推进健康学校建设。市卫生健康委、团市委配合做好学生心理危机干预工作。\n"
    "（以上三项均由市教育局负责）\n"
)


def test_a_block_attribution_in_brackets_names_its_unit_without_its_words_and_is_closed():
    document = extract_text(BLOCK_IN_BRACKETS)
    assert [[r.raw for r in t.lead] for t in document.tasks] == [["市教育局"]] * 3
    assert [t.participants[0].raw for t in document.tasks[2:]] == ["市卫生健康委"]
    assert not [w for w in document.warnings if w.code == "clause-unclosed"]


# -- a notice sending a list as its annex: the annex's title under any appendix marker (province-key-tasks-with-leaders-2026)

def notice_with_annex(marker: str) -> str:
    return ("关于印发《某省2026年重点工作任务清单》的通知\n各市人民政府：\n"
            "现将《某省2026年重点工作任务清单》印发给你们，请认真贯彻落实。\n某省人民政府\n2026年2月1日\n"
            f"{marker}\n某省2026年重点工作任务清单\n序号\t重点任务\t牵头单位\t完成时限\n"
            "1\t推进高标准农田建设\t省农业农村厅\t2026年底\n2\t加快数字政府建设\t省数据局\t2026年10月\n")


def test_a_notices_annex_holds_the_list_whatever_its_appendix_marker():
    for marker in ("附件", "附件1", "附件：", "附件 2：", "附表1"):
        assert tasks(notice_with_annex(marker)) == [
            ("推进高标准农田建设", ["农业农村厅"], ["2026-12-31"]),
            ("加快数字政府建设", ["数据局"], ["2026-10-31"]),
        ], marker
