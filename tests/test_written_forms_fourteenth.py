"""Forms read on 4 December 2026 (fourteenth session), each pinned by the
snippet that showed it; the plan and line are named in each case
(tests/data/written)."""

from __future__ import annotations

from policyx import extract_text


def dues(text: str):
    """(title, the due dates) of each task."""
    return [(t.title, [d.date for d in t.deadlines if d.kind == "by"]) for t in extract_text(text).tasks]


def roles(text: str):
    """(title, lead, participants, implementers) of each task, by the names read."""
    return [(t.title, [r.name for r in t.lead], [r.name for r in t.participants], [r.name for r in t.implementers])
            for t in extract_text(text).tasks]


# -- a note dating the undated tasks by a month alone (the last session's left list) --------------------------------

def test_a_default_note_that_gives_a_month_alone_dates_the_undated_tasks_by_its_end():
    plan = ("一、重点任务\n1.推进老旧小区改造（牵头单位：县住建局）。\n"
            "2.完善养老服务设施（牵头单位：县民政局；完成时限：2026年10月底前）。\n"
            "注：无特殊说明的，完成时限均为2026年12月。\n")
    assert dues(plan) == [("推进老旧小区改造", ["2026-12-31"]), ("完善养老服务设施", ["2026-10-31"])]
    # (a month in running text says when something happened, no due date)
    assert [d for _, d in dues("一、重点任务\n1.推进老旧小区改造，2026年6月全面启动（牵头单位：县住建局）。\n")] == [[]]


# -- a task card's person between its units and its date (the last session's left list; county-task-cards-2026) ------

def test_a_person_label_between_the_units_and_the_date_keeps_the_date():
    card = ("【任务名称】加快推进重大项目建设\n【工作目标】全年完成投资50亿元\n【牵头单位】县发展改革局\n"
            "【责任单位】县财政局、县自然资源局\n【责任人】王建国（副县长）\n【完成时限】2026年12月底前\n")
    assert dues(card) == [("加快推进重大项目建设", ["2026-12-31"])]
    assert roles(card)[0][1:] == (["发展改革局"], [], ["财政局", "自然资源局"])


def test_a_person_noted_in_a_bracket_after_a_unit_is_no_field_of_the_list():
    # (district-responsibility-list-2026, line 30)
    plan = ("4.促进消费扩容提质\n牵头单位：区商务局\n"
            "责任单位：区文化和旅游局（责任人：陈某某，副局长）、区市场监管局（责任人：刘某某，副局长）、三里庵街道\n")
    assert roles(plan)[0][3] == ["文化和旅游局", "市场监管局", "三里庵街道"]


def test_a_goal_field_after_the_unit_lines_names_no_unit_though_it_holds_a_role_word():
    # (city-bureau-internal-tasks-2026, lines 37-42: "落实率" is no 落实)
    plan = ("一、重点任务\n任务5：深入推进城市管理执法规范化建设\n责任科室：法规科、执法支队\n分管领导：周正华\n"
            "责任人：钱勇、陆海涛\n完成时间：2026年11月底前\n"
            "工作目标：上半年完成执法文书修订，行政执法“三项制度”落实率100%，组织执法人员培训不少于4期。\n")
    assert roles(plan)[0][1] == ["法规科", "执法支队"]


# -- a meeting's decided items (city-meeting-minutes-decided-items-2026) --------------------------------------------

MINUTES = ("会议议定如下：\n"
           "一、关于资金筹措问题。会议要求，市财政局牵头，会同市发展改革委积极争取中央补助资金。"
           "请人民银行潍坊市分行、国家金融监督管理总局潍坊监管分局引导辖区银行机构开发专项信贷产品。\n"
           "二、关于专营管线迁改问题。会议要求，市住房城乡建设局牵头，会同市城市管理局、国网潍坊供电公司建立协调机制。\n"
           "三、关于改造后长效管理问题。会议要求，各县市区人民政府要同步建立改造后小区长效管理机制，年底前实现物业管理覆盖率达到100%。\n")


def test_a_decided_item_about_a_question_holds_tasks():
    # (line 29: "…问题" ends a review's heading, "存在的问题", not a decided item "关于…问题")
    assert [t[:2] for t in roles(MINUTES)][:1] == [("关于资金筹措问题", ["财政局"])]


def test_a_request_and_a_together_name_national_bodies_offices_and_companies_in_full():
    # (lines 31, 32: "人民银行潍坊市分行" was read "人民银行"; "国网潍坊供电公司" was no participant)
    read = roles(MINUTES)
    assert read[1][1] == ["人民银行潍坊市分行", "国家金融监督管理总局潍坊监管分局"]
    assert read[2][2] == ["城市管理局", "国网潍坊供电公司"]


def test_the_meetings_requirement_before_a_duty_leaves_the_duty_opening_its_sentence():
    # (line 38: "会议要求，各县市区人民政府要…")
    assert roles(MINUTES)[3][1:] == ([], [], ["各县市区人民政府"])


# -- a 分工 whose brackets list units with no role word, the first leading (province-first-listed-lead-division-2026) --

FIRST_LISTED = ("一、着力扩大有效需求\n"
                "1．实施财政政策。统筹用好资金。（省财政厅、省发展改革委、省审计厅，列第一位者为牵头单位，其他单位按职责分工负责，下同）\n"
                "2．大力提振消费。开展促消费活动。（省商务厅、省发展改革委、省财政厅，各市州人民政府）\n"
                "3．扩大有效投资。推进项目建设。（省发展改革委、省自然资源厅按职责分工负责）\n"
                "4．建设宜居宜业和美乡村。完成农村公路提质改造5000公里。（省农业农村厅、省交通运输厅，2026年11月底前完成）\n"
                "5．防范化解重点领域风险。推进中小金融机构改革化险。（省财政厅、人民银行湖南省分行、湖南金融监管局，长期坚持）\n")


def test_what_a_convention_says_of_the_others_names_no_unit_and_its_later_same_carries_it():
    # (line 10: "其他单位" was read as a participant, and "，下同" after it carried nothing)
    read = roles(FIRST_LISTED)
    assert read[0][1:] == (["财政厅"], ["发展改革委", "审计厅"], [])
    assert read[2][1:] == (["发展改革委"], ["自然资源厅"], [])


def test_a_bracket_of_offices_alone_at_an_items_end_is_its_clause():
    # (lines 11, 38, 33: no role word; its time a note of it; the regulator's office since 2023 by its short name)
    read = roles(FIRST_LISTED)
    assert read[1][1:] == (["商务厅"], ["发展改革委", "财政厅"], ["各市州人民政府"])
    assert read[3][1:] == (["农业农村厅"], ["交通运输厅"], [])
    assert dues(FIRST_LISTED)[3][1] == ["2026-11-30"]
    assert read[4][1:] == (["财政厅"], ["人民银行湖南省分行", "湖南金融监管局"], [])
    # (without a convention, every office answers — in a plan that attributes its items so)
    plan = ("一、重点任务\n1．大力提振消费。开展促消费活动。（省商务厅、省发展改革委）\n2．扩大有效投资。推进项目建设。（省发展改革委）\n"
            "3．稳定外贸外资。优化外贸服务。（省商务厅、长沙海关）\n")
    assert [r[1] for r in roles(plan)] == [["商务厅", "发展改革委"], ["发展改革委"], ["商务厅", "长沙海关"]]


def test_a_bracket_of_other_words_is_no_clause():
    # (an office's seat, a person's posts, a count: city-carbon-peak-2023, county-department-headed-duties-2026)
    plan = ("一、组织领导\n1．成立领导小组。（办公室设在市发展改革委）\n2．加强督导。（县委常委、常务副县长）\n"
            "3．推进项目建设。（共5项）\n")
    assert [r[1:] for r in roles(plan)] == [([], [], [])] * 3


# -- an enterprise group's plan and a province's project list ---------------------------------------------------------

def test_a_second_answering_label_naming_every_unit_of_a_kind_carries_out():
    # (state-owned-group-safety-plan-2026, line 17: the group's department answers, its subsidiaries carry out)
    plan = ("二、重点任务\n1.健全全员安全生产责任制。修订完善全员安全生产责任清单。\n"
            "责任部门：安全环保部；配合部门：人力资源部、企业管理部；责任单位：各二级公司、各项目部\n")
    assert roles(plan)[0][1:] == (["安全环保部"], ["人力资源部", "企业管理部"], ["各二级公司", "各项目部"])
    # (…not where the first label named governments only: "责任单位：各市政府；责任单位：省发展改革委", the hebei excerpts)
    plan = "一、重点任务\n1.加强项目谋划储备。（责任单位：各市政府；责任单位：省发展改革委、省财政厅）\n"
    assert roles(plan)[0][1:] == (["发展改革委", "财政厅"], [], ["各市政府"])


def test_a_project_lists_owner_carries_out_and_its_years_date_it():
    # (province-major-projects-list-2026, lines 19-23: 项目业主, 建设起止年限 "2022—2027")
    plan = ("附件\n湖北省2026年省级重大项目清单\n"
            "序号\t项目名称\t建设内容及规模\t总投资（亿元）\t建设起止年限\t责任单位\t项目业主\n"
            "1\t沿江高铁武汉至宜昌段\t新建双线高速铁路315公里\t1076.5\t2022—2027\t省发展改革委\t省铁路建设投资集团有限公司\n"
            "2\t汉江航道整治工程\t整治航道236公里\t49.8\t2024-2028\t省交通运输厅\t省港航事业发展中心\n")
    assert [r[1:] for r in roles(plan)] == [(["发展改革委"], [], ["铁路建设投资集团有限公司"]),
                                            (["交通运输厅"], [], ["港航事业发展中心"])]
    assert [d for _, d in dues(plan)] == [["2027-12-31"], ["2028-12-31"]]


# -- a campaign's working groups (county-ad-hoc-bodies-civilised-city-2026, lines 20-26) ------------------------------

def test_a_working_groups_leader_leads_and_its_members_take_part_and_the_group_names_it():
    plan = ("（三）专项工作组。指挥部下设7个专项工作组。\n"
            "1.宣传氛围营造组（组长单位：县委宣传部；成员单位：县文明办、县融媒体中心、各街道办事处）。负责城区公益广告宣传。\n"
            "2.市容环境整治组（组长单位：县城管局；成员单位：县住建局、县市场监管局）。负责城区主次干道市容秩序整治。\n")
    assert roles(plan) == [("宣传氛围营造组", ["县委宣传部"], ["文明办", "融媒体中心"], ["各街道办事处"]),
                           ("市容环境整治组", ["城管局"], ["住建局", "市场监管局"], [])]


def test_a_member_list_with_no_leader_is_no_clause():
    # (province-traditional-script-2025, line 57: a joint meeting's members in the annex)
    plan = ("一、保障措施\n（一）加强组织领导。建立联席会议制度（成员单位名单见附件）。\n（二）严格督促落实。省政府督查室将工作纳入督查计划。\n"
            "附件：联席会议成员单位名单\n成员单位：省委宣传部、省发展改革委、省教育厅\n")
    assert all(not t.participants for t in extract_text(plan).tasks)


def test_a_markdown_copys_italic_marks_are_no_words_of_the_units():
    # (city-plan-converted-to-markdown-2026, line 38: "*牵头单位：…　配合单位：…*" under the item)
    plan = ("## （一）提升养老服务供给能力\n\n"
            "3.  **发展老年助餐服务。**新建改建老年食堂80个。\n\n"
            "    *牵头单位：市民政局　配合单位：市商务局、市财政局*\n")
    assert roles(plan)[0][1:] == (["民政局"], ["商务局", "财政局"], [])


# -- a division written after the text, items numbered straight through the parts --------------------------------
# (province-attributions-listed-after-the-text-2026, lines 12-44)

def test_a_division_after_the_text_names_items_numbered_through_the_parts_and_two_side_by_side():
    plan = ("一、优化物流体系\n（一）推动物流枢纽建设。建设国家物流枢纽。\n（二）推进制造业物流降本增效。培育示范企业。\n"
            "二、降低物流成本\n（三）发展供应链服务。培育供应链企业。\n（四）推进大宗货物公转铁。新建铁路专用线6条。\n"
            "三、任务分工\n第（一）项：省发展改革委牵头，省财政厅参与。\n"
            "第（二）（三）项：省经济和信息化厅牵头，省商务厅参与，2026年底前完成。\n"
            "第（四）项：省交通运输厅牵头，省发展改革委、中国铁路武汉局集团有限公司、省港航事业发展中心参与，2026年底前完成。\n")
    assert [r[:3] for r in roles(plan)] == [
        ("推动物流枢纽建设", ["发展改革委"], ["财政厅"]),
        ("推进制造业物流降本增效", ["经济和信息化厅"], ["商务厅"]),
        ("发展供应链服务", ["经济和信息化厅"], ["商务厅"]),
        ("推进大宗货物公转铁", ["交通运输厅"], ["发展改革委", "中国铁路武汉局集团有限公司", "港航事业发展中心"])]


def test_a_firm_doing_the_work_in_a_prose_clauses_sentence_carries_it_out():
    # (city-minutes-2024, line 22: a firm by its legal name is an office's peer; its 具体实施 helps the prose clause,
    # no task of its own beside the request after it)
    plan = ("会议议定如下：\n七、关于城市更新投融资。由市国资委牵头，市财政局、市委金融办配合，芜湖市建设投资有限公司具体实施，"
            "8月底前组建市级城市更新基金。请国家金融监督管理总局芜湖监管分局指导辖区银行创新信贷产品。\n")
    assert [r[1:] for r in roles(plan)] == [(["国资委"], ["财政局", "市委金融办"], ["芜湖市建设投资有限公司"]),
                                            (["国家金融监督管理总局芜湖监管分局"], [], [])]


# -- a second reading of this session's changes (review21: the reviewer's own inputs) -----------------------------

def test_one_bracket_of_an_office_among_unattributed_items_leaves_the_others_tasks():
    plan = ("一、提升政务服务效能\n（一）深化“一网通办”改革。推动更多事项全程网办。\n（二）优化涉企服务。建立企业诉求直通车机制。\n"
            "（三）做好电力保障。做好迎峰度夏电力保供工作。（市发展改革委）\n")
    assert [r[1] for r in roles(plan)] == [[], [], []]


def test_another_name_of_the_office_before_it_is_no_bare_clause():
    plan = ("一、重点任务\n1．完善充电设施。相关建设方案报省发展改革委（省能源局）。\n2．报送工作成果。工作成果及时报省政府（省政府办公厅）。\n"
            "3．加强宣传。开展政策宣传。（省委宣传部）\n4．保障资金。统筹安排资金。（省财政厅、省发展改革委）\n"
            "5．强化金融支持。加大信贷投放。（人民银行湖南省分行）\n")
    assert [r[:2] for r in roles(plan)] == [("加强宣传", ["省委宣传部"]), ("保障资金", ["财政厅", "发展改革委"]),
                                            ("强化金融支持", ["人民银行湖南省分行"])]


def test_a_table_of_two_columns_parted_by_spaces_is_no_page_of_two_columns():
    rows = ["推进城镇老旧小区改造工程建设              县住建局牵头，县财政局、县发改局配合",
            "完善社区养老服务设施建设工作              县民政局牵头，县财政局、县卫健局配合",
            "推进县域医共体建设工作落实落地            县卫健局牵头，县医保局、县财政局配合",
            "加强城乡生活垃圾分类处理工作              县城管局牵头，各乡镇人民政府配合落实",
            "推进农村厕所革命整村推进工作              县农业农村局牵头，县卫健局、各乡镇配合",
            "加强河湖长制工作落实督查考核              县水利局牵头，县生态环境分局配合",
            "推进义务教育优质均衡发展工作              县教育局牵头，县财政局、县编办配合"]
    plan = "某县2026年民生实事分工表\n\n重点任务                                  责任单位\n" + "\n".join(rows) + "\n"
    document = extract_text(plan)
    assert "two-columns" not in [w.code for w in document.warnings]
    assert len([t for t in document.tasks if t.lead]) == 7


def test_a_review_of_problems_about_the_work_holds_no_task_and_a_decided_item_with_figures_does():
    review = "二、关于工作中存在的问题\n（一）项目建设进度偏慢。部分项目开工率不足50%。\n（二）财政收支矛盾突出。\n"
    assert extract_text(review).tasks == ()
    minutes = ("会议议定如下：\n一、关于G207国道改线问题。会议要求，县交通运输局牵头，9月底前完成方案报批。\n"
               "二、关于《县城总体规划》修编问题。会议要求，县自然资源局牵头，年底前完成修编。\n")
    assert [r[:2] for r in roles(minutes)] == [("关于G207国道改线问题", ["交通运输局"]), ("关于《县城总体规划》修编问题", ["自然资源局"])]


def test_a_groups_deputy_leader_and_members_on_lines_of_their_own_and_the_duty_after_its_bracket():
    plan = ("三、工作专班\n1.宣传组（组长单位：县委宣传部；成员单位：县文明办）。负责全县创建宣传工作，2026年6月底前完成公益广告全覆盖。\n"
            "2.督查组\n组长单位：县委督查室\n副组长单位：县政府督查室\n成员单位：县纪委监委机关、县委组织部\n")
    assert roles(plan) == [("宣传组", ["县委宣传部"], ["文明办"], []),
                           ("督查组", ["县委督查室"], ["政府督查室", "县纪委监委机关", "县委组织部"], [])]
    assert dues(plan)[0][1] == ["2026-06-30"]


def test_how_to_reach_a_contact_names_no_unit():
    card = "【任务名称】优化营商环境\n【牵头单位】县政务服务中心\n【责任单位】县市场监管局\n【联系人】赵六，电话：12345678901\n"
    assert roles(card)[0][1:] == (["政务服务中心"], [], ["市场监管局"])


# -- rarer lead wordings, a phone's paste, items grouped by when they are due, a schedule's 时间 ---------------------

def test_two_leads_a_rotating_lead_and_main_and_secondary_units():
    # (county-co-leads-and-rotating-2026, lines 22, 33, 35, 40)
    plan = ("一、重点任务\n1.推进农文旅融合发展。打造乡村旅游精品线路。（县文广旅局、县农业农村局双牵头）\n"
            "2.实施近视防控行动。开展视力监测。（县教体局、县卫健局按季度轮值牵头）\n"
            "3.提升乡村医疗服务能力。推进医共体建设。\n主要责任单位：县卫健局；次要责任单位：县医保局、县人社局\n"
            "4.规范农村集体聚餐管理。建立备案制度。\n责任主体：各乡镇；监管主体：县市场监管局\n")
    assert [r[1:] for r in roles(plan)] == [(["文广旅局", "农业农村局"], [], []), (["教体局", "卫健局"], [], []),
                                            (["卫健局"], ["医保局", "人社局"], []), (["市场监管局"], [], ["各乡镇"])]


def test_a_phones_pictographs_and_keycap_numbers_are_no_words():
    # (city-plan-with-emoji-numbering-2026, lines 19-21)
    plan = ("📌二、重点任务\n1️⃣ 推进汽车以旧换新。全年完成汽车以旧换新3万辆以上。\n"
            "👥牵头：市商务局　配合：市财政局、市生态环境局\n⏰完成时限：12月31日前\n\n"
            "2️⃣ 促进住房消费。举办房展会2场。\n👥牵头：市住建局　配合：市住房公积金管理中心\n⏰完成时限：6月30日前\n")
    assert [r[:3] for r in roles(plan)] == [("推进汽车以旧换新", ["商务局"], ["财政局", "生态环境局"]),
                                            ("促进住房消费", ["住建局"], ["住房公积金管理中心"])]


def test_a_heading_that_says_when_its_items_are_due_dates_each_unless_its_own_field_says_otherwise():
    # (city-tasks-grouped-by-deadline-2026, lines 17-20, 29)
    plan = ("一、6月底前完成的任务（3项）\n1．推行企业开办一日办结。压缩开办时间。（牵头单位：市市场监管局）\n"
            "2．开展涉企收费专项清理。4月底前公布目录清单。（牵头单位：市发展改革委）\n"
            "3．建设政务服务中心。完成主体工程。（牵头单位：市政务办；完成时限：2026年9月底前）\n"
            "二、长期坚持的任务\n4．常态化开展政企恳谈。（牵头单位：市工商联）\n")
    document = extract_text(plan)
    assert [sorted((d.kind, d.date) for d in t.deadlines) for t in document.tasks][:3] == [
        [("by", "2026-06-30")], [("by", "2026-04-30"), ("by", "2026-06-30")], [("by", "2026-09-30")]]
    assert [d.kind for d in document.tasks[3].deadlines] == ["ongoing"]


def test_a_schedules_day_or_part_of_a_month_dates_its_row_in_the_plans_year():
    # (district-monthly-work-schedule-2026, lines 9-25: a 时间 column with no year in its cells)
    plan = ("历下区人民政府2026年3月份重点工作安排\n发布日期：2026-02-27\n时间\t工作内容\t牵头领导\t责任单位\t备注\n"
            "3月2日（周一）\t召开区政府第36次常务会议\t张立新\t区政府办公室\t\n"
            "3月上旬\t开展安全生产大检查\t王敏\t区应急管理局\t\n"
            "3月10日—15日\t开展扬尘污染防治专项督查\t李刚\t区住房城乡建设局\t\n"
            "3月下旬\t举办春季消费季启动仪式\t孙建华\t区商务局\t\n")
    assert [d for _, d in dues(plan)] == [["2026-03-02"], ["2026-03-10"], ["2026-03-15"], ["2026-03-31"]]
