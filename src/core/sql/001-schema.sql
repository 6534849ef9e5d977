-- Schema version 1 of a Thi Đua database.
-- Columns named search_text, sort_key and derived_from hold derived data
-- (folded search text, ICU collation keys).  Outside tools may leave them
-- NULL: the program rebuilds them when it opens the file.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT
);

CREATE TABLE units (
  id           INTEGER PRIMARY KEY,
  parent_id    INTEGER REFERENCES units (id),
  name         TEXT NOT NULL,
  short_name   TEXT,
  kind         TEXT,
  sort_order   INTEGER NOT NULL DEFAULT 0,
  archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  search_text  TEXT,
  sort_key     BLOB,
  derived_from TEXT
);
CREATE INDEX units_parent ON units (parent_id);

CREATE TABLE people (
  id           INTEGER PRIMARY KEY,
  full_name    TEXT NOT NULL,
  gender       TEXT CHECK (gender IN ('male', 'female')),
  birth_year   INTEGER CHECK (birth_year BETWEEN 1900 AND 2100),
  position     TEXT,
  rank         TEXT,
  unit_id      INTEGER REFERENCES units (id),
  note         TEXT,
  search_text  TEXT,
  sort_key     BLOB,
  derived_from TEXT
);
CREATE INDEX people_unit ON people (unit_id);
CREATE INDEX people_sort ON people (sort_key);

CREATE TABLE campaigns (
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL,
  short_title   TEXT,
  launch_number TEXT,
  launch_date   TEXT,
  issuer        TEXT,
  start_date    TEXT,
  end_date      TEXT,
  description   TEXT,
  search_text   TEXT,
  sort_key      BLOB,
  derived_from  TEXT
);

CREATE TABLE indicators (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
  name        TEXT NOT NULL,
  measure     TEXT,
  sort_order  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX indicators_campaign ON indicators (campaign_id);

CREATE TABLE indicator_values (
  indicator_id INTEGER NOT NULL REFERENCES indicators (id),
  unit_id      INTEGER NOT NULL REFERENCES units (id),
  year         INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 2200),
  value        NUMERIC CHECK (value >= 0),
  note         TEXT,
  PRIMARY KEY (indicator_id, unit_id, year)
);
CREATE INDEX indicator_values_unit ON indicator_values (unit_id);

CREATE TABLE award_forms (
  id         INTEGER PRIMARY KEY,
  code       TEXT UNIQUE,
  name       TEXT,
  family     TEXT CHECK (family IN ('title', 'commendation')),
  recipient  TEXT CHECK (recipient IN ('individual', 'collective', 'both')),
  precedence INTEGER NOT NULL DEFAULT 1000,
  archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);

CREATE TABLE award_form_rates (
  form_id         INTEGER NOT NULL REFERENCES award_forms (id),
  effective_from  TEXT NOT NULL,
  coef_individual REAL CHECK (coef_individual >= 0),
  coef_collective REAL CHECK (coef_collective >= 0),
  PRIMARY KEY (form_id, effective_from)
);

CREATE TABLE base_salaries (
  effective_from TEXT PRIMARY KEY,
  amount         INTEGER CHECK (amount >= 0)
);

CREATE TABLE decisions (
  id           INTEGER PRIMARY KEY,
  number       TEXT,
  date         TEXT NOT NULL,
  issuer       TEXT,
  org_parent   TEXT,
  org_name     TEXT,
  place        TEXT,
  signer_title TEXT,
  signer_name  TEXT,
  campaign_id  INTEGER REFERENCES campaigns (id),
  year         INTEGER CHECK (year BETWEEN 1945 AND 2200),
  title        TEXT
);
CREATE INDEX decisions_campaign ON decisions (campaign_id, year);

CREATE TABLE awards (
  id                INTEGER PRIMARY KEY,
  decision_id       INTEGER NOT NULL REFERENCES decisions (id),
  form_id           INTEGER NOT NULL REFERENCES award_forms (id),
  unit_id           INTEGER REFERENCES units (id),
  person_id         INTEGER REFERENCES people (id),
  achievement       TEXT,
  amount            INTEGER NOT NULL CHECK (amount >= 0),
  amount_overridden INTEGER NOT NULL DEFAULT 0 CHECK (amount_overridden IN (0, 1)),
  sort_order        INTEGER NOT NULL DEFAULT 0,
  recipient_name    TEXT,
  recipient_detail  TEXT,
  CHECK ((unit_id IS NULL) <> (person_id IS NULL))
);
CREATE INDEX awards_decision ON awards (decision_id, sort_order);
CREATE INDEX awards_unit ON awards (unit_id);
CREATE INDEX awards_person ON awards (person_id);
CREATE INDEX awards_form ON awards (form_id);

-- Default settings (DOMAIN.md: rounding up to 10,000 đồng, northern words).
INSERT INTO settings (key, value) VALUES
  ('bonus.rounding', 'up10000'),
  ('words.linh', 'linh'),
  ('words.nghin', 'nghìn'),
  ('words.tu', 'tư'),
  ('words.chan', '0');

-- Base salary (mức lương cơ sở) history, đồng per month.
INSERT INTO base_salaries (effective_from, amount) VALUES
  ('2016-05-01', 1210000),
  ('2017-07-01', 1300000),
  ('2018-07-01', 1390000),
  ('2019-07-01', 1490000),
  ('2023-07-01', 1800000),
  ('2024-07-01', 2340000);

-- The award catalogue (Law 06/2022, Decree 91/2017, 98/2023, 152/2025).
-- precedence: lists and ceremonies go from the lowest number to the highest.
INSERT INTO award_forms (code, name, family, recipient, precedence) VALUES
  ('huan_chuong_doc_lap_1', 'Huân chương Độc lập hạng Nhất', 'commendation', 'both', 10),
  ('huan_chuong_doc_lap_2', 'Huân chương Độc lập hạng Nhì', 'commendation', 'both', 11),
  ('huan_chuong_doc_lap_3', 'Huân chương Độc lập hạng Ba', 'commendation', 'both', 12),
  ('huan_chuong_lao_dong_1', 'Huân chương Lao động hạng Nhất', 'commendation', 'both', 20),
  ('huan_chuong_lao_dong_2', 'Huân chương Lao động hạng Nhì', 'commendation', 'both', 21),
  ('huan_chuong_lao_dong_3', 'Huân chương Lao động hạng Ba', 'commendation', 'both', 22),
  ('huan_chuong_chien_cong_1', 'Huân chương Chiến công hạng Nhất', 'commendation', 'both', 30),
  ('huan_chuong_chien_cong_2', 'Huân chương Chiến công hạng Nhì', 'commendation', 'both', 31),
  ('huan_chuong_chien_cong_3', 'Huân chương Chiến công hạng Ba', 'commendation', 'both', 32),
  ('huan_chuong_bao_ve_to_quoc_1', 'Huân chương Bảo vệ Tổ quốc hạng Nhất', 'commendation', 'both', 40),
  ('huan_chuong_bao_ve_to_quoc_2', 'Huân chương Bảo vệ Tổ quốc hạng Nhì', 'commendation', 'both', 41),
  ('huan_chuong_bao_ve_to_quoc_3', 'Huân chương Bảo vệ Tổ quốc hạng Ba', 'commendation', 'both', 42),
  ('cstd_toan_quoc', 'Chiến sĩ thi đua toàn quốc', 'title', 'individual', 50),
  ('co_thi_dua_chinh_phu', 'Cờ thi đua của Chính phủ', 'title', 'collective', 60),
  ('bang_khen_thu_tuong', 'Bằng khen của Thủ tướng Chính phủ', 'commendation', 'both', 70),
  ('cstd_tinh', 'Chiến sĩ thi đua cấp tỉnh', 'title', 'individual', 80),
  ('co_thi_dua_tinh', 'Cờ thi đua của UBND tỉnh', 'title', 'collective', 90),
  ('co_thi_dua_quan_khu', 'Cờ thi đua cấp quân khu', 'title', 'collective', 100),
  ('bang_khen_tinh', 'Bằng khen của Chủ tịch UBND tỉnh', 'commendation', 'both', 110),
  ('bang_khen_quan_khu', 'Bằng khen cấp quân khu', 'commendation', 'both', 120),
  ('ky_niem_chuong', 'Kỷ niệm chương', 'commendation', 'individual', 130),
  ('tt_lao_dong_xuat_sac', 'Tập thể lao động xuất sắc', 'title', 'collective', 140),
  ('don_vi_quyet_thang', 'Đơn vị quyết thắng', 'title', 'collective', 141),
  ('xa_tieu_bieu', 'Xã, phường tiêu biểu', 'title', 'collective', 150),
  ('cstd_co_so', 'Chiến sĩ thi đua cơ sở', 'title', 'individual', 160),
  ('thon_van_hoa', 'Thôn, tổ dân phố văn hóa', 'title', 'collective', 170),
  ('tt_lao_dong_tien_tien', 'Tập thể lao động tiên tiến', 'title', 'collective', 180),
  ('don_vi_tien_tien', 'Đơn vị tiên tiến', 'title', 'collective', 181),
  ('giay_khen', 'Giấy khen', 'commendation', 'both', 190),
  ('lao_dong_tien_tien', 'Lao động tiên tiến', 'title', 'individual', 200),
  ('chien_si_tien_tien', 'Chiến sĩ tiên tiến', 'title', 'individual', 201);

-- Coefficients × base salary, in force from Decree 91/2017 (2017-10-01).
INSERT INTO award_form_rates (form_id, effective_from, coef_individual, coef_collective)
SELECT id, '2017-10-01', ci, cc FROM award_forms JOIN (
  SELECT 'huan_chuong_doc_lap_1' AS c, 15.0 AS ci, 30.0 AS cc
  UNION ALL SELECT 'huan_chuong_doc_lap_2', 12.5, 25.0
  UNION ALL SELECT 'huan_chuong_doc_lap_3', 10.5, 21.0
  UNION ALL SELECT 'huan_chuong_lao_dong_1', 9.0, 18.0
  UNION ALL SELECT 'huan_chuong_lao_dong_2', 7.5, 15.0
  UNION ALL SELECT 'huan_chuong_lao_dong_3', 4.5, 9.0
  UNION ALL SELECT 'huan_chuong_chien_cong_1', 9.0, 18.0
  UNION ALL SELECT 'huan_chuong_chien_cong_2', 7.5, 15.0
  UNION ALL SELECT 'huan_chuong_chien_cong_3', 4.5, 9.0
  UNION ALL SELECT 'huan_chuong_bao_ve_to_quoc_1', 9.0, 18.0
  UNION ALL SELECT 'huan_chuong_bao_ve_to_quoc_2', 7.5, 15.0
  UNION ALL SELECT 'huan_chuong_bao_ve_to_quoc_3', 4.5, 9.0
  UNION ALL SELECT 'cstd_toan_quoc', 4.5, NULL
  UNION ALL SELECT 'co_thi_dua_chinh_phu', NULL, 12.0
  UNION ALL SELECT 'bang_khen_thu_tuong', 3.5, 7.0
  UNION ALL SELECT 'cstd_tinh', 3.0, NULL
  UNION ALL SELECT 'co_thi_dua_tinh', NULL, 8.0
  UNION ALL SELECT 'co_thi_dua_quan_khu', NULL, 6.0
  UNION ALL SELECT 'bang_khen_tinh', 1.0, 2.0
  UNION ALL SELECT 'bang_khen_quan_khu', 1.0, 2.0
  UNION ALL SELECT 'ky_niem_chuong', 0.6, NULL
  UNION ALL SELECT 'tt_lao_dong_xuat_sac', NULL, 1.5
  UNION ALL SELECT 'don_vi_quyet_thang', NULL, 1.5
  UNION ALL SELECT 'xa_tieu_bieu', NULL, 2.0
  UNION ALL SELECT 'cstd_co_so', 1.0, NULL
  UNION ALL SELECT 'thon_van_hoa', NULL, 1.5
  UNION ALL SELECT 'tt_lao_dong_tien_tien', NULL, 0.8
  UNION ALL SELECT 'don_vi_tien_tien', NULL, 0.8
  UNION ALL SELECT 'giay_khen', 0.3, 0.6
  UNION ALL SELECT 'lao_dong_tien_tien', 0.3, NULL
  UNION ALL SELECT 'chien_si_tien_tien', 0.3, NULL
) ON code = c;

-- Decree 152/2025: Bằng khen cấp tỉnh 1.5 from 1 July 2025.
INSERT INTO award_form_rates (form_id, effective_from, coef_individual, coef_collective)
SELECT id, '2025-07-01', 1.5, 3.0 FROM award_forms WHERE code = 'bang_khen_tinh';
