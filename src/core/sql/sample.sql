-- Sample data: the 2018 review in Quảng Ninh province of the campaign
-- "Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia"
-- (Quyết định số 4440/QĐ-UBND ngày 13/11/2017 của UBND tỉnh Quảng Ninh).
-- All people are invented. Award amounts are written as 0: the program
-- recomputes them after loading this file.

-- Settings
INSERT OR REPLACE INTO settings (key, value) VALUES
  ('org.parent', ''),
  ('org.name', 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH'),
  ('org.place', 'Quảng Ninh'),
  ('signer.title', 'TM. ỦY BAN NHÂN DÂN' || char(10) || 'KT. CHỦ TỊCH' || char(10) || 'PHÓ CHỦ TỊCH'),
  ('signer.name', 'Nguyễn Hữu Khánh');

-- Units
INSERT INTO units (id, parent_id, name, short_name, kind, sort_order) VALUES
  (1, NULL, 'Sở Tư pháp', 'Sở Tư pháp', 'department', 1),
  (2, NULL, 'Sở Thông tin và Truyền thông', 'Sở TT&TT', 'department', 2),
  (3, NULL, 'Ban Dân tộc tỉnh', 'Ban Dân tộc', 'department', 3),
  (4, NULL, 'Công an tỉnh', 'Công an tỉnh', 'armed', 4),
  (5, NULL, 'Bộ Chỉ huy Quân sự tỉnh', 'Bộ CHQS tỉnh', 'armed', 5),
  (6, NULL, 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'Bộ CH BĐBP tỉnh', 'armed', 6),
  (7, 6, 'Đồn Biên phòng Hoành Mô', 'Đồn BP Hoành Mô', 'border_post', 1),
  (8, 6, 'Đồn Biên phòng Bắc Phong Sinh', 'Đồn BP Bắc Phong Sinh', 'border_post', 2),
  (9, 6, 'Đồn Biên phòng Pò Hèn', 'Đồn BP Pò Hèn', 'border_post', 3),
  (10, 6, 'Đồn Biên phòng Ka Long', 'Đồn BP Ka Long', 'border_post', 4),
  (11, 6, 'Đồn Biên phòng cửa khẩu quốc tế Móng Cái', 'Đồn BP CKQT Móng Cái', 'border_post', 5),
  (12, NULL, 'Huyện Bình Liêu', 'Bình Liêu', 'district', 7),
  (13, 12, 'Xã Hoành Mô', 'Hoành Mô', 'commune', 1),
  (14, 12, 'Xã Đồng Văn', 'Đồng Văn', 'commune', 2),
  (15, 12, 'Xã Húc Động', 'Húc Động', 'commune', 3),
  (16, NULL, 'Huyện Hải Hà', 'Hải Hà', 'district', 8),
  (17, 16, 'Xã Quảng Đức', 'Quảng Đức', 'commune', 1),
  (18, 16, 'Xã Quảng Sơn', 'Quảng Sơn', 'commune', 2),
  (19, 16, 'Xã Cái Chiên', 'Cái Chiên', 'commune', 3),
  (20, NULL, 'Thành phố Móng Cái', 'TP Móng Cái', 'district', 9),
  (21, 20, 'Phường Trà Cổ', 'Trà Cổ', 'commune', 1),
  (22, 20, 'Xã Hải Sơn', 'Hải Sơn', 'commune', 2),
  (23, 20, 'Xã Bắc Sơn', 'Bắc Sơn', 'commune', 3),
  (24, 20, 'Phường Ka Long', 'Ka Long', 'commune', 4);

-- People (invented)
INSERT INTO people (id, full_name, gender, birth_year, position, rank, unit_id, note) VALUES
  (1, 'Đặng Minh Hiếu', 'male', 1976, 'Đồn trưởng', 'Trung tá', 7, NULL),
  (2, 'Đỗ Văn Dũng', 'male', 1981, 'Chính trị viên', 'Thiếu tá', 8, NULL),
  (3, 'Ưng Thị Lan', 'female', 1987, 'Cán bộ tư pháp', NULL, 13, 'Công chức Tư pháp - Hộ tịch'),
  (4, 'Nguyễn Văn Ánh', 'male', 1982, 'Phó Đồn trưởng', 'Thiếu tá', 9, NULL),
  (5, 'Nguyễn Văn Anh', 'male', 1968, 'Trưởng thôn', NULL, 22, 'Người có uy tín trong đồng bào dân tộc thiểu số'),
  (6, 'Trần Văn An', 'male', 1971, 'Chủ tịch UBND xã', NULL, 17, NULL),
  (7, 'Nguyễn Thị Bình', 'female', 1979, 'Phó Chủ tịch UBND xã', NULL, 14, NULL),
  (8, 'Lê Văn Đức', 'male', 1986, 'Đội trưởng Đội vận động quần chúng', 'Đại úy', 10, NULL),
  (9, 'Hoàng Văn Thắng', 'male', 1977, 'Chính trị viên', 'Trung tá', 11, NULL),
  (10, 'Lý Thị Hoa', 'female', 1990, 'Cán bộ tư pháp', NULL, 15, 'Dân tộc Dao'),
  (11, 'Phạm Minh Tuấn', 'male', 1989, 'Cán bộ Đội vận động quần chúng', 'Thượng úy', 7, NULL),
  (12, 'Chíu Văn Sáng', 'male', 1965, 'Trưởng thôn', NULL, 14, 'Dân tộc Sán Chỉ'),
  (13, 'Vũ Thị Thu Hà', 'female', 1984, 'Trưởng phòng Phổ biến, giáo dục pháp luật', NULL, 1, NULL),
  (14, 'Bùi Quang Huy', 'male', 1978, 'Phó Giám đốc Sở', NULL, 2, NULL),
  (15, 'Đinh Thị Duyên', 'female', 1992, 'Công chức Văn hóa - Xã hội', NULL, 18, NULL),
  (16, 'Tô Văn Đạt', 'male', 1983, 'Phó Đồn trưởng', 'Thiếu tá', 10, NULL);

-- Campaign
INSERT INTO campaigns (id, title, short_title, launch_number, launch_date, issuer, start_date, end_date, description) VALUES
  (1, 'Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia',
   'Bảo vệ chủ quyền biên giới', '4440/QĐ-UBND', '2017-11-13', 'UBND tỉnh Quảng Ninh',
   '2017-11-13', '2022-12-31',
   'Phát huy sức mạnh tổng hợp của cả hệ thống chính trị và Nhân dân các dân tộc trong tỉnh tham gia quản lý, bảo vệ vững chắc chủ quyền lãnh thổ, an ninh biên giới quốc gia. Bộ đội Biên phòng tỉnh làm nòng cốt, phối hợp với cấp ủy, chính quyền các địa phương khu vực biên giới tổ chức thực hiện.');

-- Indicators
INSERT INTO indicators (id, campaign_id, name, measure, sort_order) VALUES
  (1, 1, 'Tuyên truyền', 'buổi', 1),
  (2, 1, 'Người nghe tuyên truyền', 'lượt người', 2),
  (3, 1, 'Tập huấn', 'lớp', 3),
  (4, 1, 'Tổ tự quản đường biên, cột mốc, bến bãi, tàu thuyền an toàn', 'tổ', 4);

-- Indicator values (leaf units only).
-- 2018 totals: 562 buổi, 21790 lượt người, 4 lớp, 238 tổ.
INSERT INTO indicator_values (indicator_id, unit_id, year, value) VALUES
  -- Tuyên truyền (buổi)
  (1, 1, 2017, 6),    (1, 1, 2018, 7),    (1, 1, 2019, 8),
  (1, 2, 2017, 3),    (1, 2, 2018, 4),    (1, 2, 2019, 5),
  (1, 7, 2017, 69),   (1, 7, 2018, 78),   (1, 7, 2019, 84),
  (1, 8, 2017, 57),   (1, 8, 2018, 64),   (1, 8, 2019, 70),
  (1, 9, 2017, 62),   (1, 9, 2018, 71),   (1, 9, 2019, 79),
  (1, 10, 2017, 76),  (1, 10, 2018, 85),  (1, 10, 2019, 91),
  (1, 11, 2017, 83),  (1, 11, 2018, 92),  (1, 11, 2019, 101),
  (1, 13, 2017, 28),  (1, 13, 2018, 34),  (1, 13, 2019, 38),
  (1, 14, 2017, 25),  (1, 14, 2018, 29),  (1, 14, 2019, 33),
  (1, 17, 2017, 27),  (1, 17, 2018, 31),  (1, 17, 2019, 35),
  (1, 18, 2017, 22),  (1, 18, 2018, 27),  (1, 18, 2019, 30),
  (1, 21, 2017, 15),  (1, 21, 2018, 18),  (1, 21, 2019, 21),
  (1, 22, 2017, 19),  (1, 22, 2018, 22),  (1, 22, 2019, 26),
  -- Người nghe tuyên truyền (lượt người)
  (2, 1, 2017, 450),  (2, 1, 2018, 520),  (2, 1, 2019, 580),
  (2, 2, 2017, 210),  (2, 2, 2018, 280),  (2, 2, 2019, 340),
  (2, 7, 2017, 2760), (2, 7, 2018, 3120), (2, 7, 2019, 3410),
  (2, 8, 2017, 2130), (2, 8, 2018, 2450), (2, 8, 2019, 2690),
  (2, 9, 2017, 2390), (2, 9, 2018, 2780), (2, 9, 2019, 3050),
  (2, 10, 2017, 3050), (2, 10, 2018, 3460), (2, 10, 2019, 3720),
  (2, 11, 2017, 3420), (2, 11, 2018, 3890), (2, 11, 2019, 4260),
  (2, 13, 2017, 950), (2, 13, 2018, 1120), (2, 13, 2019, 1240),
  (2, 14, 2017, 810), (2, 14, 2018, 940),  (2, 14, 2019, 1050),
  (2, 17, 2017, 880), (2, 17, 2018, 1030), (2, 17, 2019, 1150),
  (2, 18, 2017, 720), (2, 18, 2018, 870),  (2, 18, 2019, 960),
  (2, 21, 2017, 530), (2, 21, 2018, 610),  (2, 21, 2019, 690),
  (2, 22, 2017, 610), (2, 22, 2018, 720),  (2, 22, 2019, 800),
  -- Tập huấn (lớp)
  (3, 1, 2017, 1),    (3, 1, 2018, 2),    (3, 1, 2019, 2),
  (3, 7, 2017, 1),    (3, 7, 2018, 1),    (3, 7, 2019, 1),
  (3, 9, 2019, 1),
  (3, 10, 2018, 1),   (3, 10, 2019, 1),
  -- Tổ tự quản (tổ)
  (4, 13, 2017, 35),  (4, 13, 2018, 42),  (4, 13, 2019, 46),
  (4, 14, 2017, 31),  (4, 14, 2018, 38),  (4, 14, 2019, 41),
  (4, 17, 2017, 38),  (4, 17, 2018, 45),  (4, 17, 2019, 49),
  (4, 18, 2017, 27),  (4, 18, 2018, 33),  (4, 18, 2019, 37),
  (4, 21, 2017, 30),  (4, 21, 2018, 36),  (4, 21, 2019, 39),
  (4, 22, 2017, 36),  (4, 22, 2018, 44),  (4, 22, 2019, 48);

-- Decisions: 1 issued (2018 review), 2 draft (2019 review)
INSERT INTO decisions (id, number, date, issuer, org_parent, org_name, place, signer_title, signer_name, campaign_id, year, title) VALUES
  (1, '125/QĐ-UBND', '2019-01-15', 'Chủ tịch UBND tỉnh Quảng Ninh', NULL, NULL, NULL,
   'TM. ỦY BAN NHÂN DÂN' || char(10) || 'KT. CHỦ TỊCH' || char(10) || 'PHÓ CHỦ TỊCH', 'Nguyễn Hữu Khánh',
   1, 2018,
   'Về việc tặng Cờ thi đua, Bằng khen cho các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua "Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia" năm 2018'),
  (2, NULL, '2019-12-20', 'Chủ tịch UBND tỉnh Quảng Ninh', NULL, NULL, NULL,
   'TM. ỦY BAN NHÂN DÂN' || char(10) || 'KT. CHỦ TỊCH' || char(10) || 'PHÓ CHỦ TỊCH', 'Nguyễn Hữu Khánh',
   1, 2019,
   'Về việc tặng Bằng khen cho các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua "Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia" năm 2019');

-- Awards of decision 1
INSERT INTO awards (decision_id, form_id, unit_id, person_id, achievement, amount, amount_overridden, sort_order) VALUES
  (1, (SELECT id FROM award_forms WHERE code = 'co_thi_dua_tinh'), 7, NULL,
   'Đã hoàn thành xuất sắc nhiệm vụ, dẫn đầu phong trào thi đua "Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia" năm 2018', 0, 0, 1),
  (1, (SELECT id FROM award_forms WHERE code = 'co_thi_dua_tinh'), 17, NULL,
   'Đã có thành tích xuất sắc, dẫn đầu khối các xã biên giới trong phong trào thi đua "Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia" năm 2018', 0, 0, 2),
  (1, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), 9, NULL,
   'Đã có thành tích xuất sắc trong phong trào thi đua "Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia" năm 2018', 0, 0, 3),
  (1, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), 13, NULL,
   'Đã có thành tích xuất sắc trong xây dựng và duy trì hoạt động các tổ tự quản đường biên, cột mốc năm 2018', 0, 0, 4),
  (1, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), 22, NULL,
   'Đã có thành tích xuất sắc trong phong trào thi đua "Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia" năm 2018', 0, 0, 5),
  (1, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), 1, NULL,
   'Đã có thành tích xuất sắc trong công tác phổ biến, giáo dục pháp luật về biên giới quốc gia cho Nhân dân khu vực biên giới năm 2018', 0, 0, 6),
  (1, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), NULL, 1,
   'Đã có thành tích xuất sắc trong chỉ đạo thực hiện phong trào thi đua "Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia" năm 2018', 0, 0, 7),
  (1, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), NULL, 2,
   'Đã có thành tích xuất sắc trong công tác tuyên truyền, vận động Nhân dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia năm 2018', 0, 0, 8),
  (1, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), NULL, 4,
   'Đã có thành tích xuất sắc trong phong trào thi đua "Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia" năm 2018', 0, 0, 9),
  (1, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), NULL, 8,
   'Đã có thành tích xuất sắc trong công tác vận động quần chúng tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia năm 2018', 0, 0, 10),
  (1, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), NULL, 6,
   'Đã có thành tích xuất sắc trong lãnh đạo, chỉ đạo thực hiện phong trào thi đua "Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia" năm 2018', 0, 0, 11),
  (1, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), NULL, 7,
   'Đã có thành tích xuất sắc trong phong trào thi đua "Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia" năm 2018', 0, 0, 12),
  (1, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), NULL, 3,
   'Đã có thành tích xuất sắc trong công tác phổ biến, giáo dục pháp luật về biên giới quốc gia năm 2018', 0, 0, 13),
  (1, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), NULL, 5,
   'Đã có thành tích xuất sắc trong vận động Nhân dân tham gia tự quản đường biên, cột mốc năm 2018', 0, 0, 14);

-- Awards of decision 2 (draft)
INSERT INTO awards (decision_id, form_id, unit_id, person_id, achievement, amount, amount_overridden, sort_order) VALUES
  (2, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), 10, NULL,
   'Đã có thành tích xuất sắc trong phong trào thi đua "Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia" năm 2019', 0, 0, 1),
  (2, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), 18, NULL,
   'Đã có thành tích xuất sắc trong xây dựng và duy trì hoạt động các tổ tự quản đường biên, cột mốc năm 2019', 0, 0, 2),
  (2, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), NULL, 9,
   'Đã có thành tích xuất sắc trong phong trào thi đua "Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia" năm 2019', 0, 0, 3),
  (2, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), NULL, 10,
   'Đã có thành tích xuất sắc trong công tác phổ biến, giáo dục pháp luật về biên giới quốc gia năm 2019', 0, 0, 4),
  (2, (SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'), NULL, 15,
   'Đã có thành tích xuất sắc trong công tác tuyên truyền, vận động Nhân dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia năm 2019', 0, 0, 5);
