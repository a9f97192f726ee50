"""Forms read on 4 December 2026 (fifteenth session), each pinned by the
snippet that showed it; the plan and line are named in each case
(tests/data/written)."""

from __future__ import annotations

from policyx import extract_text


def figures(text: str):
    """(comparator, value, unit) of each target of each task."""
    return [[(x.comparator, float(x.value), x.unit) for x in t.targets] for t in extract_text(text).tasks]


# -- targets the written set's gold named and the reading missed ------------------------------------------------------

def test_a_list_of_counts_takes_the_longer_unit_its_last_value_is_written_in():
    # county-chinese-numerals-2026 line 35, city-numeric-short-dates-2026 line 28
    assert figures("8．提升不动产登记效率。一般登记、抵押登记办理时间分别压缩至三个、一个工作日以内。（牵头单位：县自然资源局）\n") \
        == [[("<=", 3, "个工作日"), ("<=", 1, "个工作日")]]
    assert figures("9.提升报装服务。用水、用气报装时间分别压缩至3个和4个工作日以内。（牵头：市住房城乡建设局）\n") \
        == [[("<=", 3, "个工作日"), ("<=", 4, "个工作日")]]
    # (a list of things counted each in its own unit keeps them: "新建学校3所、幼儿园5个")
    assert figures("1.扩大供给。新建学校不少于3个、5个工作站。（牵头：市教育局）\n")[0][0] == (">=", 3, "个")


def test_a_rate_written_straight_before_its_level_is_that_level():
    # state-owned-group-safety-plan-2026 line 22, city-action-plan-boxes-2027 line 23
    got = figures("4.开展重大事故隐患动态清零行动。重大事故隐患整改率100%，一般事故隐患整改率98%以上。（责任部门：安全环保部）\n")
    assert got == [[("=", 100, "%"), (">=", 98, "%")]]
    assert extract_text("1.“双千兆”网络提升工程。行政村千兆光网通达率100%。（责任单位：市经信局）\n").tasks[0].targets[0].rule \
        == "target.rate_level"
    # (a price's rate is a term of the policy: "按总费率1%进行征缴", hebei-resume-production-2021-x2)
    assert figures("1.延续社保降费政策。继续按总费率1%进行征缴。（责任单位：省人力资源社会保障厅）\n") == [[]]


def test_a_time_cut_by_a_share_or_a_span_is_a_decrease():
    # city-business-environment-2026 line 46, county-chinese-numerals-2026 line 44
    assert figures("20．提升跨境贸易便利化水平。进出口整体通关时间较2025年压缩10%。（责任单位：宣城海关）\n") \
        == [[("decrease", 10, "%")]]
    assert figures("14．加强企业合法权益保护。涉企民商事案件平均审理周期缩短十五天。（责任单位：县人民法院）\n") \
        == [[("decrease", 15, "天")]]


def test_counts_in_hours_of_training_vehicle_trips_and_a_flow():
    # state-owned-group-safety-plan-2026 line 34, city-two-row-header-table-2026 line 46, city-plan-with-schedule-grid-2026 line 23
    assert figures("10.开展全员安全生产培训。一线作业人员人均安全培训时间不少于24学时。（责任部门：人力资源部）\n") \
        == [[(">=", 24, "学时")]]
    assert figures("3.强化执法。检查机动车不少于3000辆次。（责任单位：市公安局）\n") == [[(">=", 3000, "辆次")]]
    assert figures("2.提升排涝泵站抽排能力。新增抽排能力15立方米/秒。（责任单位：市水务局）\n") \
        == [[("increase", 15, "立方米/秒")]]
