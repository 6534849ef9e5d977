-- Schema version 2: the search across everything (td-search.c).
--
-- One row per person, unit, campaign, decision and award line.  body holds
-- the FOLDED text (td_fold: lower case, marks removed, đ → d), because
-- SQLite's remove_diacritics does not fold đ; queries are folded the same
-- way.  kind, ref and title (the text to show) are stored, not indexed.
-- The rowid is the kind's number × 2^56 + ref, so one row is found by its
-- rowid and one kind is a rowid range.
--
-- Like every derived table, the index is never trusted: the program fills
-- it through temporary triggers of its own connection, and on opening
-- compares it with the records, writing only what is missing or stale.
-- Outside tools need not (and cannot: td_fold is the program's) maintain it.
--
-- Prefix indexes up to 6 characters, not only 1 to 3: a Vietnamese
-- syllable has up to 7 letters, and FTS5 answers a prefix longer than its
-- longest prefix index by copying the whole doclists of every word that
-- starts with it («thanh»* among 500,000 award lines: 20 ms a statement
-- instead of 0.2 ms).  The index is a sixth bigger for it.

CREATE VIRTUAL TABLE search_index USING fts5 (
  kind UNINDEXED,
  ref UNINDEXED,
  title UNINDEXED,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4 5 6'
);
