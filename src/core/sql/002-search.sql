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
-- Outside tools need not (and cannot: td_fold is the program's) maintain it;
-- the plain triggers below note in search_stale which records they wrote,
-- so that an edit keeping a table's row count and highest id (a rename, an
-- id used again) is indexed anew when the program next opens the file.
--
-- Prefix indexes up to 6 characters, not only 1 to 3: a Vietnamese
-- syllable has up to 7 letters, and FTS5 answers a prefix longer than its
-- longest prefix index by copying the whole doclists of every word that
-- starts with it («thanh»* among 500,000 award lines: 20 ms a statement
-- instead of 0.2 ms).  The index is a sixth bigger for it.

CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5 (
  kind UNINDEXED,
  ref UNINDEXED,
  title UNINDEXED,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4 5 6'
);

CREATE TABLE IF NOT EXISTS search_stale (
  kind TEXT NOT NULL,   -- person, unit, campaign, decision, award, form
  ref INTEGER NOT NULL,
  PRIMARY KEY (kind, ref)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS search_stale_people_insert AFTER INSERT ON people BEGIN
  INSERT OR IGNORE INTO search_stale (kind, ref) VALUES ('person', new.id);
END;
CREATE TRIGGER IF NOT EXISTS search_stale_people_update AFTER UPDATE OF id, full_name, position, rank, unit_id ON people BEGIN
  INSERT OR IGNORE INTO search_stale (kind, ref) VALUES ('person', old.id), ('person', new.id);
END;
CREATE TRIGGER IF NOT EXISTS search_stale_people_delete AFTER DELETE ON people BEGIN
  INSERT OR IGNORE INTO search_stale (kind, ref) VALUES ('person', old.id);
END;
CREATE TRIGGER IF NOT EXISTS search_stale_units_insert AFTER INSERT ON units BEGIN
  INSERT OR IGNORE INTO search_stale (kind, ref) VALUES ('unit', new.id);
END;
CREATE TRIGGER IF NOT EXISTS search_stale_units_update AFTER UPDATE OF id, name, short_name ON units BEGIN
  INSERT OR IGNORE INTO search_stale (kind, ref) VALUES ('unit', old.id), ('unit', new.id);
END;
CREATE TRIGGER IF NOT EXISTS search_stale_units_delete AFTER DELETE ON units BEGIN
  INSERT OR IGNORE INTO search_stale (kind, ref) VALUES ('unit', old.id);
END;
CREATE TRIGGER IF NOT EXISTS search_stale_campaigns_insert AFTER INSERT ON campaigns BEGIN
  INSERT OR IGNORE INTO search_stale (kind, ref) VALUES ('campaign', new.id);
END;
CREATE TRIGGER IF NOT EXISTS search_stale_campaigns_update AFTER UPDATE OF id, title, short_title, launch_number ON campaigns BEGIN
  INSERT OR IGNORE INTO search_stale (kind, ref) VALUES ('campaign', old.id), ('campaign', new.id);
END;
CREATE TRIGGER IF NOT EXISTS search_stale_campaigns_delete AFTER DELETE ON campaigns BEGIN
  INSERT OR IGNORE INTO search_stale (kind, ref) VALUES ('campaign', old.id);
END;
CREATE TRIGGER IF NOT EXISTS search_stale_decisions_insert AFTER INSERT ON decisions BEGIN
  INSERT OR IGNORE INTO search_stale (kind, ref) VALUES ('decision', new.id);
END;
CREATE TRIGGER IF NOT EXISTS search_stale_decisions_update AFTER UPDATE OF id, number, title, issuer ON decisions BEGIN
  INSERT OR IGNORE INTO search_stale (kind, ref) VALUES ('decision', old.id), ('decision', new.id);
END;
CREATE TRIGGER IF NOT EXISTS search_stale_decisions_delete AFTER DELETE ON decisions BEGIN
  INSERT OR IGNORE INTO search_stale (kind, ref) VALUES ('decision', old.id);
END;
CREATE TRIGGER IF NOT EXISTS search_stale_awards_insert AFTER INSERT ON awards BEGIN
  INSERT OR IGNORE INTO search_stale (kind, ref) VALUES ('award', new.id);
END;
CREATE TRIGGER IF NOT EXISTS search_stale_awards_update AFTER UPDATE OF id, person_id, unit_id, form_id, achievement, recipient_name ON awards BEGIN
  INSERT OR IGNORE INTO search_stale (kind, ref) VALUES ('award', old.id), ('award', new.id);
END;
CREATE TRIGGER IF NOT EXISTS search_stale_awards_delete AFTER DELETE ON awards BEGIN
  INSERT OR IGNORE INTO search_stale (kind, ref) VALUES ('award', old.id);
END;
CREATE TRIGGER IF NOT EXISTS search_stale_award_forms_update AFTER UPDATE OF name ON award_forms BEGIN
  INSERT OR IGNORE INTO search_stale (kind, ref) VALUES ('form', new.id);
END;
