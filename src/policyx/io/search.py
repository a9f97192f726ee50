"""Full-text search over the tasks of a store: SQLite FTS5 over the words
jieba finds in them.

FTS5's own tokenisers cannot read Chinese: unicode61 makes a whole run of
characters one token, trigram cannot match a two-character word. So the
tasks' titles and texts are segmented by jieba in search mode (饮用水水源地 →
饮用 用水 饮用水 水源 源地 水源地) and stored as space-separated words;
a two-character word then matches inside a longer one, and 水体 does not
match 污水体系 (污水 | 体系), as a substring search would.

Tables (made by ``ensure``, kept by ``add_document`` inside the caller's
transaction; a trigger drops a task's words with the task):

    task_words(title, text)        FTS5, rowid = tasks.id
    search_words(word, freq)       the words of the index with jieba's frequency
    search_meta(key, value)        jieba's dictionary total

A query is segmented by jieba's own algorithm too, but with a dictionary made
of the index's words (``search_words``) rather than jieba's 350,000: the
query's words are looked up, not the whole dictionary loaded, so a query
answers in well under a second. Each space-separated part of a query is a
NEAR group of its words (they stand together in the task, in any order);
the parts must all match. A part's last character, when it stands alone,
may begin the next word of the text (工业集聚区 in 工业集聚区内: 工业集聚 | 区内),
so it matches as a prefix there. Both sides are simplified (traditional characters)
and punctuation-folded first. jieba is imported only here, only when a
command indexes or searches.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Iterable

from policyx.errors import PolicyxError

# a plan as answers name it: its id, or its path where two indexed files share an id (my.docx, my.html)
PLAN_NAME = ("CASE WHEN (SELECT count(*) FROM documents same WHERE same.doc_id = d.doc_id) > 1 "
             "THEN d.path ELSE d.doc_id END AS plan")

SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS task_words USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS search_words (word TEXT PRIMARY KEY, freq INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS task_words_delete AFTER DELETE ON tasks BEGIN
    DELETE FROM task_words WHERE rowid = old.id;
END;
"""
MAX_WORD = 16  # the longest word looked up for a query


def ensure(connection: sqlite3.Connection) -> bool:
    """Make the search tables; False when this SQLite has no FTS5."""
    try:
        connection.executescript(SCHEMA)
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc):
            return False
        raise
    return True


def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)  # not "Building prefix dict…" on every run
    jieba.initialize()
    return jieba.dt


def _words(tokenizer, text: str) -> list[str]:
    """Search-mode words, without HMM guesses (an unknown word is its characters,
    the same in every context), and no punctuation or spaces."""
    from policyx.text.normalize import comparable

    return [w for w in tokenizer.cut_for_search(comparable(text), HMM=False) if w.strip() and _is_word(w)]


def _is_word(word: str) -> bool:
    return any(ch.isalnum() for ch in word)


def add_document(connection: sqlite3.Connection, document_id: int) -> None:
    """Index the words of one stored document's tasks (call inside its transaction)."""
    rows = connection.execute("SELECT id, title, text FROM tasks WHERE document_id = ?", (document_id,)).fetchall()
    _add_tasks(connection, rows)


def backfill(connection: sqlite3.Connection) -> int:
    """Index the tasks that have no words yet (a store made before the index
    existed); returns how many."""
    if not ensure(connection):
        return 0
    rows = connection.execute(
        "SELECT id, title, text FROM tasks WHERE id NOT IN (SELECT rowid FROM task_words)").fetchall()
    if rows:
        with connection:
            _add_tasks(connection, rows)
    return len(rows)


def _add_tasks(connection: sqlite3.Connection, rows: list[tuple]) -> None:
    if not rows or not _has_fts(connection):
        return
    tokenizer = _jieba()
    seen: set[str] = set()
    batch = []
    for task_id, title, text in rows:
        title_words, text_words = _words(tokenizer, title or ""), _words(tokenizer, text or "")
        seen.update(title_words)
        seen.update(text_words)
        batch.append((task_id, " ".join(title_words), " ".join(text_words)))
    connection.executemany("INSERT OR REPLACE INTO task_words (rowid, title, text) VALUES (?, ?, ?)", batch)
    connection.executemany("INSERT OR IGNORE INTO search_words (word, freq) VALUES (?, ?)",
                           [(w, tokenizer.FREQ.get(w, 0)) for w in seen])
    connection.execute("INSERT OR REPLACE INTO search_meta (key, value) VALUES ('total', ?)", (str(tokenizer.total),))


def _has_fts(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'task_words'").fetchone() is not None


# -- questions ---------------------------------------------------------------------


class _QueryTokenizer:
    """jieba's segmentation with a dictionary of the index's words that occur in the query."""

    def __init__(self, connection: sqlite3.Connection, text: str):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        grams = {text[i:j] for i in range(len(text)) for j in range(i + 1, min(len(text), i + MAX_WORD) + 1)}
        freq: dict[str, int] = {}
        for start in range(0, len(grams), 500):
            chunk = list(grams)[start:start + 500]
            marks = ",".join("?" * len(chunk))
            freq.update(connection.execute(
                f"SELECT word, freq FROM search_words WHERE freq > 0 AND word IN ({marks})", chunk).fetchall())  # noqa: S608
        for word in list(freq):
            for end in range(1, len(word)):
                freq.setdefault(word[:end], 0)
        row = connection.execute("SELECT value FROM search_meta WHERE key = 'total'").fetchone()
        tokenizer = jieba.Tokenizer()
        tokenizer.FREQ, tokenizer.total = freq, max(int(row[0]) if row else 1, sum(freq.values()), 1)
        tokenizer.initialized = True
        self.tokenizer = tokenizer

    def cut(self, text: str) -> list[str]:
        return [w for w in self.tokenizer.cut(text, HMM=False) if w.strip() and _is_word(w)]

    def search_words(self, text: str) -> list[str]:
        return [w for w in self.tokenizer.cut_for_search(text, HMM=False) if w.strip() and _is_word(w)]


def match_expression(connection: sqlite3.Connection, query: str) -> str:
    """The FTS5 MATCH expression for a user's query: each space-separated part
    a NEAR group of its words (or the word alone), the parts ANDed."""
    from policyx.text.normalize import comparable

    text = comparable(query)
    tokenizer = _QueryTokenizer(connection, text.replace(" ", ""))
    groups = []
    for part in text.split():
        words = tokenizer.cut(part)
        if not words:
            continue
        quoted = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        if len(words) > 1 and len(words[-1]) == 1:
            # a last character the text may join to the next word: 工业集聚区 in
            # 工业集聚区内的 is 工业集聚 | 区内, 再生水 in 再生水循环 is 再生 | 水循环
            quoted += "*"
        if len(words) == 1:
            groups.append(quoted)
        else:
            # the words of one part stand together: between the first and the last
            # only the others and the sub-words search mode puts before each
            groups.append(f"NEAR({quoted}, {len(tokenizer.search_words(part))})")
    if not groups:
        raise PolicyxError(f"--text {query!r} has no words to search for")
    return " AND ".join(groups)


def lead_condition(lead: tuple) -> tuple[str, list]:
    """The SQL condition on a task ``t`` of a document ``d`` that a department
    leads it, and its parameters. ``lead`` is ``(function, name, level)``: by
    function when the registry knows the department (环保厅 finds 环保局 too),
    else by name; with a level (省发展改革委, 国家发展改革委), only that level's
    office — a department named without a level is its plan's."""
    function, name, level = (*lead, None)[:3]
    match = "td.function = ?" if function else "(td.name = ? OR td.canonical LIKE '%' || ? || '%' OR td.raw = ?)"
    params: list = [function] if function else [name, name, name]
    if level:
        match += (" AND coalesce(td.level, (SELECT ld.level FROM tasks lt JOIN documents ld ON ld.id = lt.document_id"
                  " WHERE lt.id = td.task_id)) = ?")
        params.append(level)
    # (a list made once, not a subquery asked of every task: that was a scan of the leads per task)
    return f"t.id IN (SELECT td.task_id FROM task_departments td WHERE td.role = 'lead' AND {match})", params


def search_tasks(connection: sqlite3.Connection, query: str, *, lead: tuple | None = None,
                 between: tuple[str, str] | None = None, metric: str | None = None,
                 limit: int | None = None) -> tuple[list[str], list[tuple]]:
    """Tasks of the plans' texts whose title or text holds the query's words,
    best first (bm25, a title hit weighing three times a text hit); also led
    by a department (``lead``: :func:`lead_condition`), with a deadline
    between two dates, or with a target whose metric contains ``metric``."""
    if not _has_fts(connection):
        raise PolicyxError("this database has no word index (this SQLite lacks FTS5)")
    if connection.execute("SELECT count(*) FROM task_words").fetchone()[0] == 0 and \
            connection.execute("SELECT count(*) FROM tasks").fetchone()[0] > 0:
        raise PolicyxError("this database has no word index yet; run policyx index on the same plans to add it")
    conditions, params = ["task_words MATCH ?", "t.source = 'body'"], [match_expression(connection, query)]
    if lead is not None:
        condition, values = lead_condition(lead)
        conditions.append(condition)
        params.extend(values)
    if between is not None:
        conditions.append("EXISTS (SELECT 1 FROM deadlines dl WHERE dl.task_id = t.id AND dl.date BETWEEN ? AND ?)")
        params.extend(between)
    if metric:
        conditions.append("EXISTS (SELECT 1 FROM targets tg WHERE tg.task_id = t.id AND tg.metric LIKE '%' || ? || '%')")
        params.append(metric)
    sql = (
        "SELECT " + PLAN_NAME + ", t.task_id AS task, t.title, t.line, "
        "(SELECT group_concat(name, '、') FROM task_departments WHERE task_id = t.id AND role = 'lead') AS lead, "
        "(SELECT group_concat(date, ' ') FROM deadlines WHERE task_id = t.id) AS deadlines, "
        # (bm25 of FTS5 is negative, the best lowest: shown as a relevance, the best highest)
        "round(-bm25(task_words, 3.0, 1.0), 3) AS relevance, t.text "
        "FROM task_words JOIN tasks t ON t.id = task_words.rowid JOIN documents d ON d.id = t.document_id "
        f"WHERE {' AND '.join(conditions)} ORDER BY relevance DESC, d.doc_id, t.id"  # noqa: S608
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    try:
        cursor = connection.execute(sql, params)
    except sqlite3.OperationalError as exc:
        raise PolicyxError(f"cannot search for {query!r} ({exc})") from None
    columns = [c[0] for c in cursor.description]
    rows = [_with_excerpt(row, query) for row in cursor.fetchall()]
    return [*columns[:-1], "excerpt"], rows


def _with_excerpt(row: tuple, query: str, width: int = 24) -> tuple:
    """The row with the task's text replaced by the stretch around the first
    word of the query found in it."""
    *head, text = row
    text = (text or "").replace("\n", " ")
    at = min((i for i in (text.find(part) for part in _parts(query)) if i >= 0), default=-1)
    if at < 0:
        excerpt = text[: 2 * width]
    else:
        start = max(0, at - width)
        excerpt = ("…" if start else "") + text[start: at + 2 * width] + ("…" if at + 2 * width < len(text) else "")
    return (*head, excerpt)


def _parts(query: str) -> Iterable[str]:
    return [p for p in query.split() if p]

