"""Tables: tab-separated rows, or cells written one per line after a header.

What each column holds is read from its header (``rules/tables.yaml``): a
lead column makes a task table (its rows become tasks with ``source:
"table"``, linked to the body task they restate), an indicator column an
indicator table (its rows become the plan's targets), a 序号 column a list of
sites.  Tables flattened one cell per line are re-synchronised on their 序号
cells, or — for task tables — read cell by cell: a 一、 heading opens a group,
a （一） heading a task, a cell naming only offices is the lead, a short
sentence followed by a lead is a sub-task, anything else a work item.
"""


from policyx.extract.tables.cells import Cell, ParsedTable, column_role, column_roles, table_kind
from policyx.extract.tables.linking import consistency, fill_from_tables, link_to_body
from policyx.extract.tables.reading import extract_tables
from policyx.extract.tables.indicators import indicator_targets
from policyx.extract.tables.rows import table_tasks

__all__ = ["Cell", "ParsedTable", "column_role", "column_roles", "consistency", "extract_tables", "fill_from_tables",
           "indicator_targets", "link_to_body", "table_kind", "table_tasks"]
