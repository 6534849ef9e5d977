#!/usr/bin/python3
"""Python XlsxWriter writing what bench-award-list floor writes: the same
cells and formats, and row heights measured the same way (the glyph
advances come from `bench-award-list metrics`)."""
import json
import sys
import xlsxwriter

n, out, metrics_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
metrics = json.load(open(metrics_file))
advance = {}
for first, values in metrics["ranges"]:
    for i, v in enumerate(values):
        advance[chr(first + i)] = v
em = metrics["units_per_em"]


def lines(text, width_units, size=13):
    width = ((int(width_units * 7 + 5 + 0.5)) * 0.75) * 0.96 - 4
    scale = size / em
    space = advance[" "] * scale
    count, used = 1, 0.0
    for paragraph_number, paragraph in enumerate(text.split("\n")):
        if paragraph_number:
            count += 1
            used = 0.0
        for word in paragraph.split(" "):
            if not word:
                continue
            w = sum(advance.get(c, em) for c in word) * scale
            if used > 0 and used + space + w > width:
                count += 1
                used = 0.0
            if used > 0:
                used += space
            while w > width > 0:
                count += 1
                w -= width
            used += w
    return count


def height(text, width_units):
    return min(lines(text, width_units) * 13 * 1.18 + 5, 409)


widths = [5, 24, 28, 46, 18, 13]
workbook = xlsxwriter.Workbook(out, {"constant_memory": True})
sheet = workbook.add_worksheet("Danh sách")
base = {"font_name": "Times New Roman", "font_size": 13, "text_wrap": True, "border": 1, "valign": "vcenter"}
text = workbook.add_format(base)
amount = workbook.add_format(dict(base, num_format="#,##0"))
centered = workbook.add_format(dict(base, align="center"))
for c, w in enumerate(widths):
    sheet.set_column(c, c, w)
form = "Bằng khen của Chủ tịch UBND tỉnh"
for i in range(1, n + 1):
    name = f"Nguyễn Văn Người {i}"
    detail = f"Cán bộ, Đồn Biên phòng số {i % 100}"
    achievement = ("Đã có thành tích xuất sắc trong phong trào thi đua \"Toàn dân tham gia bảo vệ chủ quyền "
                   f"lãnh thổ, an ninh biên giới quốc gia\" năm 2018 ({i})")
    sheet.set_row(i, max(height(achievement, widths[3]), height(detail, widths[2]),
                         height(name, widths[1]), height(form, widths[4])))
    sheet.write_string(i, 0, str(i), centered)
    sheet.write_string(i, 1, name, text)
    sheet.write_string(i, 2, detail, text)
    sheet.write_string(i, 3, achievement, text)
    sheet.write_string(i, 4, form, text)
    sheet.write_number(i, 5, 1390000, amount)
workbook.close()
