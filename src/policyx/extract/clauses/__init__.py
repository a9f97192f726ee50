"""Responsibility clauses: finding them in the text and reading who leads, who
takes part and who carries the task out.

The grammar (vocabulary in ``rules/responsibility.yaml``): a clause is a run of
phrases separated by ，；。 outside brackets. A phrase is a list of units closed
by a role word ("自治区经信委、环保厅牵头") or opened by a label ("牵头单位：市环保局").
A phrase with neither takes the role of the label before it or, failing one,
of the next role word ("(省A、省B,各市政府负责)"). Then:

* 牵头 and lead labels name the leads; 配合/参与/协同 the participants;
  负责落实/具体落实 the implementers;
* a plain 负责 names the leads, or after a 牵头 the participants; a 责任单位
  label names the leads, or beside a 牵头单位 the implementers;
* local governments (各县市人民政府, 管委会, 各地区) named anywhere but in a 牵头
  list carry the task out: implementers;
* "列第一位者为牵头部门" makes the first unit the lead and the others
  participants — for later clauses too when it says 下同;
* "以下均需各级人民政府落实，不再列出" makes its units implementers of this and
  every later task, in a clause or as a statement of its own;
* units written with their role word as phrases of a sentence — "市教育局负责，
  2024年底前…", "…，市教育局负责。", "市应急管理局负责组织开展排查，市公安局配合。" —
  are a clause when every unit names an office; so are named offices opening a
  sentence with a modal or after a request ("市财政局要…", "区人民政府应当…",
  "请国网芜湖供电公司…") in a paragraph with no clause of another form;
* a person (牵头负责领导：张三) is never a unit, and a time or a state of work
  written in the clause ("6月底完成", "持续推进") is not one either.

Units are separated by 、，,；; (never inside brackets: "各县（市、区）人民政府"
is one unit) and by 和/及/与 when both sides name offices; a place name
before a shared office ("各县、市、区政府", "滁州经开区、中新苏滁高新区管委会")
stays with it. A level prefix written once ("自治区经信委、环保厅") applies to
the whole list.
"""


from policyx.extract.clauses.bare_lists import BARE_LIST_RULE, bare_list
from policyx.extract.clauses.duties import duty_places, heading_duty, heading_offices, names_duties
from policyx.extract.clauses.finding import (
    PHRASE_FORMS, SENTENCE_FORMS, FoundClause, as_written, find_clauses, find_duties, merge, standing_statement, to_clause,
    with_units_of,
)
from policyx.extract.clauses.grammar import (
    ClauseContext, ParsedClause, UnitLists, parse_clause, plan_context, read_unit_list,
)
from policyx.extract.clauses.units import resolve_units, split_units

__all__ = ["BARE_LIST_RULE", "PHRASE_FORMS", "SENTENCE_FORMS", "ClauseContext", "FoundClause", "ParsedClause", "UnitLists", "as_written", "bare_list", "duty_places", "names_duties",
           "heading_duty", "heading_offices",
           "find_clauses", "find_duties", "merge", "parse_clause", "plan_context", "read_unit_list", "resolve_units", "split_units", "standing_statement", "to_clause", "with_units_of"]
