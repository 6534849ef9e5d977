-- The audit trail: who changed which record, when, its values before and
-- after.  Award records are legal records: the trail is never edited.
-- Rows are written by these triggers whoever writes (the program, a
-- script).  Each write transaction of the program opens a session (the
-- desktop user and host) named in audit_current until it commits, and
-- the rows written meanwhile point to it; a statement of the program
-- outside a transaction gets its user and host from a temporary trigger.
-- A row with neither was written by another program.

CREATE TABLE IF NOT EXISTS audit_sessions (
  id       INTEGER PRIMARY KEY,
  actor    TEXT NOT NULL,
  host     TEXT NOT NULL,
  started  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- The session of the transaction in progress; empty between transactions.
CREATE TABLE IF NOT EXISTS audit_current (
  one      INTEGER PRIMARY KEY CHECK (one = 1),
  session  INTEGER NOT NULL REFERENCES audit_sessions (id)
);

CREATE TABLE IF NOT EXISTS audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  session     INTEGER REFERENCES audit_sessions (id),
  actor       TEXT,
  host        TEXT,
  table_name  TEXT NOT NULL,
  row_id      INTEGER NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  old_values  TEXT,
  new_values  TEXT
);

CREATE INDEX IF NOT EXISTS audit_log_record ON audit_log (table_name, row_id);

-- Only Thi Đua writes sessions and fills in who wrote a row: the guards
-- call td_audit_writer (), a function only the program's connection has,
-- so another program's statement stops on it.
CREATE TRIGGER IF NOT EXISTS audit_sessions_guard BEFORE INSERT ON audit_sessions
WHEN NOT td_audit_writer ()
BEGIN
  SELECT RAISE (ABORT, 'Only Thi Đua opens a session of the audit trail.');
END;

CREATE TRIGGER IF NOT EXISTS audit_current_guard BEFORE INSERT ON audit_current
WHEN NOT td_audit_writer ()
BEGIN
  SELECT RAISE (ABORT, 'Only Thi Đua opens a session of the audit trail.');
END;

CREATE TRIGGER IF NOT EXISTS audit_current_no_update BEFORE UPDATE ON audit_current
BEGIN
  SELECT RAISE (ABORT, 'The audit trail cannot be changed.');
END;

-- Only the user and host of a fresh row without a session may be filled
-- in, once, by the program.
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT td_audit_writer () OR OLD.actor IS NOT NULL OR OLD.host IS NOT NULL OR OLD.session IS NOT NULL
  OR NEW.session IS NOT OLD.session OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at
  OR NEW.table_name IS NOT OLD.table_name OR NEW.row_id IS NOT OLD.row_id
  OR NEW.action IS NOT OLD.action OR NEW.old_values IS NOT OLD.old_values
  OR NEW.new_values IS NOT OLD.new_values
BEGIN
  SELECT RAISE (ABORT, 'The audit trail cannot be changed.');
END;

CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'The audit trail cannot be changed.');
END;

CREATE TRIGGER IF NOT EXISTS audit_sessions_no_update BEFORE UPDATE ON audit_sessions
BEGIN
  SELECT RAISE (ABORT, 'The audit trail cannot be changed.');
END;

-- The program takes back a session its transaction wrote nothing in.
CREATE TRIGGER IF NOT EXISTS audit_sessions_no_delete BEFORE DELETE ON audit_sessions
WHEN NOT td_audit_writer ()
BEGIN
  SELECT RAISE (ABORT, 'The audit trail cannot be changed.');
END;

CREATE TRIGGER IF NOT EXISTS audit_units_insert AFTER INSERT ON units
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, new_values)
  VALUES ((SELECT session FROM audit_current), 'units', NEW.rowid, 'insert', json_object ('id', NEW."id", 'parent_id', NEW."parent_id", 'name', NEW."name", 'short_name', NEW."short_name", 'kind', NEW."kind", 'sort_order', NEW."sort_order", 'archived', NEW."archived"));
END;

CREATE TRIGGER IF NOT EXISTS audit_units_update AFTER UPDATE ON units
WHEN OLD."id" IS NOT NEW."id"
  OR OLD."parent_id" IS NOT NEW."parent_id"
  OR OLD."name" IS NOT NEW."name"
  OR OLD."short_name" IS NOT NEW."short_name"
  OR OLD."kind" IS NOT NEW."kind"
  OR OLD."sort_order" IS NOT NEW."sort_order"
  OR OLD."archived" IS NOT NEW."archived"
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT session FROM audit_current), 'units', NEW.rowid, 'update', json_object ('id', OLD."id", 'parent_id', OLD."parent_id", 'name', OLD."name", 'short_name', OLD."short_name", 'kind', OLD."kind", 'sort_order', OLD."sort_order", 'archived', OLD."archived"), json_object ('id', NEW."id", 'parent_id', NEW."parent_id", 'name', NEW."name", 'short_name', NEW."short_name", 'kind', NEW."kind", 'sort_order', NEW."sort_order", 'archived', NEW."archived"));
END;

CREATE TRIGGER IF NOT EXISTS audit_units_delete AFTER DELETE ON units
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values)
  VALUES ((SELECT session FROM audit_current), 'units', OLD.rowid, 'delete', json_object ('id', OLD."id", 'parent_id', OLD."parent_id", 'name', OLD."name", 'short_name', OLD."short_name", 'kind', OLD."kind", 'sort_order', OLD."sort_order", 'archived', OLD."archived"));
END;

CREATE TRIGGER IF NOT EXISTS audit_people_insert AFTER INSERT ON people
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, new_values)
  VALUES ((SELECT session FROM audit_current), 'people', NEW.rowid, 'insert', json_object ('id', NEW."id", 'full_name', NEW."full_name", 'gender', NEW."gender", 'birth_year', NEW."birth_year", 'position', NEW."position", 'rank', NEW."rank", 'unit_id', NEW."unit_id", 'note', NEW."note"));
END;

CREATE TRIGGER IF NOT EXISTS audit_people_update AFTER UPDATE ON people
WHEN OLD."id" IS NOT NEW."id"
  OR OLD."full_name" IS NOT NEW."full_name"
  OR OLD."gender" IS NOT NEW."gender"
  OR OLD."birth_year" IS NOT NEW."birth_year"
  OR OLD."position" IS NOT NEW."position"
  OR OLD."rank" IS NOT NEW."rank"
  OR OLD."unit_id" IS NOT NEW."unit_id"
  OR OLD."note" IS NOT NEW."note"
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT session FROM audit_current), 'people', NEW.rowid, 'update', json_object ('id', OLD."id", 'full_name', OLD."full_name", 'gender', OLD."gender", 'birth_year', OLD."birth_year", 'position', OLD."position", 'rank', OLD."rank", 'unit_id', OLD."unit_id", 'note', OLD."note"), json_object ('id', NEW."id", 'full_name', NEW."full_name", 'gender', NEW."gender", 'birth_year', NEW."birth_year", 'position', NEW."position", 'rank', NEW."rank", 'unit_id', NEW."unit_id", 'note', NEW."note"));
END;

CREATE TRIGGER IF NOT EXISTS audit_people_delete AFTER DELETE ON people
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values)
  VALUES ((SELECT session FROM audit_current), 'people', OLD.rowid, 'delete', json_object ('id', OLD."id", 'full_name', OLD."full_name", 'gender', OLD."gender", 'birth_year', OLD."birth_year", 'position', OLD."position", 'rank', OLD."rank", 'unit_id', OLD."unit_id", 'note', OLD."note"));
END;

CREATE TRIGGER IF NOT EXISTS audit_campaigns_insert AFTER INSERT ON campaigns
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, new_values)
  VALUES ((SELECT session FROM audit_current), 'campaigns', NEW.rowid, 'insert', json_object ('id', NEW."id", 'title', NEW."title", 'short_title', NEW."short_title", 'launch_number', NEW."launch_number", 'launch_date', NEW."launch_date", 'issuer', NEW."issuer", 'start_date', NEW."start_date", 'end_date', NEW."end_date", 'description', NEW."description"));
END;

CREATE TRIGGER IF NOT EXISTS audit_campaigns_update AFTER UPDATE ON campaigns
WHEN OLD."id" IS NOT NEW."id"
  OR OLD."title" IS NOT NEW."title"
  OR OLD."short_title" IS NOT NEW."short_title"
  OR OLD."launch_number" IS NOT NEW."launch_number"
  OR OLD."launch_date" IS NOT NEW."launch_date"
  OR OLD."issuer" IS NOT NEW."issuer"
  OR OLD."start_date" IS NOT NEW."start_date"
  OR OLD."end_date" IS NOT NEW."end_date"
  OR OLD."description" IS NOT NEW."description"
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT session FROM audit_current), 'campaigns', NEW.rowid, 'update', json_object ('id', OLD."id", 'title', OLD."title", 'short_title', OLD."short_title", 'launch_number', OLD."launch_number", 'launch_date', OLD."launch_date", 'issuer', OLD."issuer", 'start_date', OLD."start_date", 'end_date', OLD."end_date", 'description', OLD."description"), json_object ('id', NEW."id", 'title', NEW."title", 'short_title', NEW."short_title", 'launch_number', NEW."launch_number", 'launch_date', NEW."launch_date", 'issuer', NEW."issuer", 'start_date', NEW."start_date", 'end_date', NEW."end_date", 'description', NEW."description"));
END;

CREATE TRIGGER IF NOT EXISTS audit_campaigns_delete AFTER DELETE ON campaigns
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values)
  VALUES ((SELECT session FROM audit_current), 'campaigns', OLD.rowid, 'delete', json_object ('id', OLD."id", 'title', OLD."title", 'short_title', OLD."short_title", 'launch_number', OLD."launch_number", 'launch_date', OLD."launch_date", 'issuer', OLD."issuer", 'start_date', OLD."start_date", 'end_date', OLD."end_date", 'description', OLD."description"));
END;

CREATE TRIGGER IF NOT EXISTS audit_indicators_insert AFTER INSERT ON indicators
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, new_values)
  VALUES ((SELECT session FROM audit_current), 'indicators', NEW.rowid, 'insert', json_object ('id', NEW."id", 'campaign_id', NEW."campaign_id", 'name', NEW."name", 'measure', NEW."measure", 'sort_order', NEW."sort_order"));
END;

CREATE TRIGGER IF NOT EXISTS audit_indicators_update AFTER UPDATE ON indicators
WHEN OLD."id" IS NOT NEW."id"
  OR OLD."campaign_id" IS NOT NEW."campaign_id"
  OR OLD."name" IS NOT NEW."name"
  OR OLD."measure" IS NOT NEW."measure"
  OR OLD."sort_order" IS NOT NEW."sort_order"
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT session FROM audit_current), 'indicators', NEW.rowid, 'update', json_object ('id', OLD."id", 'campaign_id', OLD."campaign_id", 'name', OLD."name", 'measure', OLD."measure", 'sort_order', OLD."sort_order"), json_object ('id', NEW."id", 'campaign_id', NEW."campaign_id", 'name', NEW."name", 'measure', NEW."measure", 'sort_order', NEW."sort_order"));
END;

CREATE TRIGGER IF NOT EXISTS audit_indicators_delete AFTER DELETE ON indicators
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values)
  VALUES ((SELECT session FROM audit_current), 'indicators', OLD.rowid, 'delete', json_object ('id', OLD."id", 'campaign_id', OLD."campaign_id", 'name', OLD."name", 'measure', OLD."measure", 'sort_order', OLD."sort_order"));
END;

CREATE TRIGGER IF NOT EXISTS audit_indicator_values_insert AFTER INSERT ON indicator_values
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, new_values)
  VALUES ((SELECT session FROM audit_current), 'indicator_values', NEW.rowid, 'insert', json_object ('indicator_id', NEW."indicator_id", 'unit_id', NEW."unit_id", 'year', NEW."year", 'value', NEW."value", 'note', NEW."note"));
END;

CREATE TRIGGER IF NOT EXISTS audit_indicator_values_update AFTER UPDATE ON indicator_values
WHEN OLD."indicator_id" IS NOT NEW."indicator_id"
  OR OLD."unit_id" IS NOT NEW."unit_id"
  OR OLD."year" IS NOT NEW."year"
  OR OLD."value" IS NOT NEW."value"
  OR OLD."note" IS NOT NEW."note"
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT session FROM audit_current), 'indicator_values', NEW.rowid, 'update', json_object ('indicator_id', OLD."indicator_id", 'unit_id', OLD."unit_id", 'year', OLD."year", 'value', OLD."value", 'note', OLD."note"), json_object ('indicator_id', NEW."indicator_id", 'unit_id', NEW."unit_id", 'year', NEW."year", 'value', NEW."value", 'note', NEW."note"));
END;

CREATE TRIGGER IF NOT EXISTS audit_indicator_values_delete AFTER DELETE ON indicator_values
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values)
  VALUES ((SELECT session FROM audit_current), 'indicator_values', OLD.rowid, 'delete', json_object ('indicator_id', OLD."indicator_id", 'unit_id', OLD."unit_id", 'year', OLD."year", 'value', OLD."value", 'note', OLD."note"));
END;

CREATE TRIGGER IF NOT EXISTS audit_award_forms_insert AFTER INSERT ON award_forms
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, new_values)
  VALUES ((SELECT session FROM audit_current), 'award_forms', NEW.rowid, 'insert', json_object ('id', NEW."id", 'code', NEW."code", 'name', NEW."name", 'family', NEW."family", 'recipient', NEW."recipient", 'precedence', NEW."precedence", 'archived', NEW."archived"));
END;

CREATE TRIGGER IF NOT EXISTS audit_award_forms_update AFTER UPDATE ON award_forms
WHEN OLD."id" IS NOT NEW."id"
  OR OLD."code" IS NOT NEW."code"
  OR OLD."name" IS NOT NEW."name"
  OR OLD."family" IS NOT NEW."family"
  OR OLD."recipient" IS NOT NEW."recipient"
  OR OLD."precedence" IS NOT NEW."precedence"
  OR OLD."archived" IS NOT NEW."archived"
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT session FROM audit_current), 'award_forms', NEW.rowid, 'update', json_object ('id', OLD."id", 'code', OLD."code", 'name', OLD."name", 'family', OLD."family", 'recipient', OLD."recipient", 'precedence', OLD."precedence", 'archived', OLD."archived"), json_object ('id', NEW."id", 'code', NEW."code", 'name', NEW."name", 'family', NEW."family", 'recipient', NEW."recipient", 'precedence', NEW."precedence", 'archived', NEW."archived"));
END;

CREATE TRIGGER IF NOT EXISTS audit_award_forms_delete AFTER DELETE ON award_forms
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values)
  VALUES ((SELECT session FROM audit_current), 'award_forms', OLD.rowid, 'delete', json_object ('id', OLD."id", 'code', OLD."code", 'name', OLD."name", 'family', OLD."family", 'recipient', OLD."recipient", 'precedence', OLD."precedence", 'archived', OLD."archived"));
END;

CREATE TRIGGER IF NOT EXISTS audit_award_form_rates_insert AFTER INSERT ON award_form_rates
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, new_values)
  VALUES ((SELECT session FROM audit_current), 'award_form_rates', NEW.rowid, 'insert', json_object ('form_id', NEW."form_id", 'effective_from', NEW."effective_from", 'coef_individual', NEW."coef_individual", 'coef_collective', NEW."coef_collective"));
END;

CREATE TRIGGER IF NOT EXISTS audit_award_form_rates_update AFTER UPDATE ON award_form_rates
WHEN OLD."form_id" IS NOT NEW."form_id"
  OR OLD."effective_from" IS NOT NEW."effective_from"
  OR OLD."coef_individual" IS NOT NEW."coef_individual"
  OR OLD."coef_collective" IS NOT NEW."coef_collective"
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT session FROM audit_current), 'award_form_rates', NEW.rowid, 'update', json_object ('form_id', OLD."form_id", 'effective_from', OLD."effective_from", 'coef_individual', OLD."coef_individual", 'coef_collective', OLD."coef_collective"), json_object ('form_id', NEW."form_id", 'effective_from', NEW."effective_from", 'coef_individual', NEW."coef_individual", 'coef_collective', NEW."coef_collective"));
END;

CREATE TRIGGER IF NOT EXISTS audit_award_form_rates_delete AFTER DELETE ON award_form_rates
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values)
  VALUES ((SELECT session FROM audit_current), 'award_form_rates', OLD.rowid, 'delete', json_object ('form_id', OLD."form_id", 'effective_from', OLD."effective_from", 'coef_individual', OLD."coef_individual", 'coef_collective', OLD."coef_collective"));
END;

CREATE TRIGGER IF NOT EXISTS audit_base_salaries_insert AFTER INSERT ON base_salaries
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, new_values)
  VALUES ((SELECT session FROM audit_current), 'base_salaries', NEW.rowid, 'insert', json_object ('effective_from', NEW."effective_from", 'amount', NEW."amount"));
END;

CREATE TRIGGER IF NOT EXISTS audit_base_salaries_update AFTER UPDATE ON base_salaries
WHEN OLD."effective_from" IS NOT NEW."effective_from"
  OR OLD."amount" IS NOT NEW."amount"
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT session FROM audit_current), 'base_salaries', NEW.rowid, 'update', json_object ('effective_from', OLD."effective_from", 'amount', OLD."amount"), json_object ('effective_from', NEW."effective_from", 'amount', NEW."amount"));
END;

CREATE TRIGGER IF NOT EXISTS audit_base_salaries_delete AFTER DELETE ON base_salaries
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values)
  VALUES ((SELECT session FROM audit_current), 'base_salaries', OLD.rowid, 'delete', json_object ('effective_from', OLD."effective_from", 'amount', OLD."amount"));
END;

CREATE TRIGGER IF NOT EXISTS audit_decisions_insert AFTER INSERT ON decisions
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, new_values)
  VALUES ((SELECT session FROM audit_current), 'decisions', NEW.rowid, 'insert', json_object ('id', NEW."id", 'number', NEW."number", 'date', NEW."date", 'issuer', NEW."issuer", 'org_parent', NEW."org_parent", 'org_name', NEW."org_name", 'place', NEW."place", 'signer_title', NEW."signer_title", 'signer_name', NEW."signer_name", 'campaign_id', NEW."campaign_id", 'year', NEW."year", 'title', NEW."title"));
END;

CREATE TRIGGER IF NOT EXISTS audit_decisions_update AFTER UPDATE ON decisions
WHEN OLD."id" IS NOT NEW."id"
  OR OLD."number" IS NOT NEW."number"
  OR OLD."date" IS NOT NEW."date"
  OR OLD."issuer" IS NOT NEW."issuer"
  OR OLD."org_parent" IS NOT NEW."org_parent"
  OR OLD."org_name" IS NOT NEW."org_name"
  OR OLD."place" IS NOT NEW."place"
  OR OLD."signer_title" IS NOT NEW."signer_title"
  OR OLD."signer_name" IS NOT NEW."signer_name"
  OR OLD."campaign_id" IS NOT NEW."campaign_id"
  OR OLD."year" IS NOT NEW."year"
  OR OLD."title" IS NOT NEW."title"
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT session FROM audit_current), 'decisions', NEW.rowid, 'update', json_object ('id', OLD."id", 'number', OLD."number", 'date', OLD."date", 'issuer', OLD."issuer", 'org_parent', OLD."org_parent", 'org_name', OLD."org_name", 'place', OLD."place", 'signer_title', OLD."signer_title", 'signer_name', OLD."signer_name", 'campaign_id', OLD."campaign_id", 'year', OLD."year", 'title', OLD."title"), json_object ('id', NEW."id", 'number', NEW."number", 'date', NEW."date", 'issuer', NEW."issuer", 'org_parent', NEW."org_parent", 'org_name', NEW."org_name", 'place', NEW."place", 'signer_title', NEW."signer_title", 'signer_name', NEW."signer_name", 'campaign_id', NEW."campaign_id", 'year', NEW."year", 'title', NEW."title"));
END;

CREATE TRIGGER IF NOT EXISTS audit_decisions_delete AFTER DELETE ON decisions
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values)
  VALUES ((SELECT session FROM audit_current), 'decisions', OLD.rowid, 'delete', json_object ('id', OLD."id", 'number', OLD."number", 'date', OLD."date", 'issuer', OLD."issuer", 'org_parent', OLD."org_parent", 'org_name', OLD."org_name", 'place', OLD."place", 'signer_title', OLD."signer_title", 'signer_name', OLD."signer_name", 'campaign_id', OLD."campaign_id", 'year', OLD."year", 'title', OLD."title"));
END;

CREATE TRIGGER IF NOT EXISTS audit_awards_insert AFTER INSERT ON awards
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, new_values)
  VALUES ((SELECT session FROM audit_current), 'awards', NEW.rowid, 'insert', json_object ('id', NEW."id", 'decision_id', NEW."decision_id", 'form_id', NEW."form_id", 'unit_id', NEW."unit_id", 'person_id', NEW."person_id", 'achievement', NEW."achievement", 'amount', NEW."amount", 'amount_overridden', NEW."amount_overridden", 'sort_order', NEW."sort_order", 'recipient_name', NEW."recipient_name", 'recipient_detail', NEW."recipient_detail"));
END;

CREATE TRIGGER IF NOT EXISTS audit_awards_update AFTER UPDATE ON awards
WHEN OLD."id" IS NOT NEW."id"
  OR OLD."decision_id" IS NOT NEW."decision_id"
  OR OLD."form_id" IS NOT NEW."form_id"
  OR OLD."unit_id" IS NOT NEW."unit_id"
  OR OLD."person_id" IS NOT NEW."person_id"
  OR OLD."achievement" IS NOT NEW."achievement"
  OR OLD."amount" IS NOT NEW."amount"
  OR OLD."amount_overridden" IS NOT NEW."amount_overridden"
  OR OLD."sort_order" IS NOT NEW."sort_order"
  OR OLD."recipient_name" IS NOT NEW."recipient_name"
  OR OLD."recipient_detail" IS NOT NEW."recipient_detail"
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT session FROM audit_current), 'awards', NEW.rowid, 'update', json_object ('id', OLD."id", 'decision_id', OLD."decision_id", 'form_id', OLD."form_id", 'unit_id', OLD."unit_id", 'person_id', OLD."person_id", 'achievement', OLD."achievement", 'amount', OLD."amount", 'amount_overridden', OLD."amount_overridden", 'sort_order', OLD."sort_order", 'recipient_name', OLD."recipient_name", 'recipient_detail', OLD."recipient_detail"), json_object ('id', NEW."id", 'decision_id', NEW."decision_id", 'form_id', NEW."form_id", 'unit_id', NEW."unit_id", 'person_id', NEW."person_id", 'achievement', NEW."achievement", 'amount', NEW."amount", 'amount_overridden', NEW."amount_overridden", 'sort_order', NEW."sort_order", 'recipient_name', NEW."recipient_name", 'recipient_detail', NEW."recipient_detail"));
END;

CREATE TRIGGER IF NOT EXISTS audit_awards_delete AFTER DELETE ON awards
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values)
  VALUES ((SELECT session FROM audit_current), 'awards', OLD.rowid, 'delete', json_object ('id', OLD."id", 'decision_id', OLD."decision_id", 'form_id', OLD."form_id", 'unit_id', OLD."unit_id", 'person_id', OLD."person_id", 'achievement', OLD."achievement", 'amount', OLD."amount", 'amount_overridden', OLD."amount_overridden", 'sort_order', OLD."sort_order", 'recipient_name', OLD."recipient_name", 'recipient_detail', OLD."recipient_detail"));
END;

CREATE TRIGGER IF NOT EXISTS audit_settings_insert AFTER INSERT ON settings
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, new_values)
  VALUES ((SELECT session FROM audit_current), 'settings', NEW.rowid, 'insert', json_object ('key', NEW."key", 'value', NEW."value"));
END;

CREATE TRIGGER IF NOT EXISTS audit_settings_update AFTER UPDATE ON settings
WHEN OLD."key" IS NOT NEW."key"
  OR OLD."value" IS NOT NEW."value"
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT session FROM audit_current), 'settings', NEW.rowid, 'update', json_object ('key', OLD."key", 'value', OLD."value"), json_object ('key', NEW."key", 'value', NEW."value"));
END;

CREATE TRIGGER IF NOT EXISTS audit_settings_delete AFTER DELETE ON settings
BEGIN
  INSERT INTO audit_log (session, table_name, row_id, action, old_values)
  VALUES ((SELECT session FROM audit_current), 'settings', OLD.rowid, 'delete', json_object ('key', OLD."key", 'value', OLD."value"));
END;
