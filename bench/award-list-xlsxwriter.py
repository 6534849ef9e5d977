#!/usr/bin/python3
"""Python XlsxWriter writing the same cells as bench-award-list floor."""
import sys
import xlsxwriter

n, out = int(sys.argv[1]), sys.argv[2]
workbook = xlsxwriter.Workbook(out, {"constant_memory": True})
sheet = workbook.add_worksheet("Danh sách")
base = {"font_name": "Times New Roman", "font_size": 13, "text_wrap": True, "border": 1, "valign": "vcenter"}
text = workbook.add_format(base)
amount = workbook.add_format(dict(base, num_format="#,##0"))
centered = workbook.add_format(dict(base, align="center"))
for c, w in enumerate([5, 24, 28, 46, 18, 13]):
    sheet.set_column(c, c, w)
for i in range(1, n + 1):
    achievement = ("Đã có thành tích xuất sắc trong phong trào thi đua \"Toàn dân tham gia bảo vệ chủ quyền "
                   f"lãnh thổ, an ninh biên giới quốc gia\" năm 2018 ({i})")
    sheet.set_row(i, 52.6)
    sheet.write_string(i, 0, str(i), centered)
    sheet.write_string(i, 1, f"Nguyễn Văn Người {i}", text)
    sheet.write_string(i, 2, f"Cán bộ, Đồn Biên phòng số {i % 100}", text)
    sheet.write_string(i, 3, achievement, text)
    sheet.write_string(i, 4, "Bằng khen của Chủ tịch UBND tỉnh", text)
    sheet.write_number(i, 5, 1390000, amount)
workbook.close()
