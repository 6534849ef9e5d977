#!/usr/bin/python3
"""The award list workbook, read back by an independent reader (openpyxl)
and rendered by LibreOffice: DOMAIN.md «The award list document»."""

import html
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import openpyxl

CLI = os.environ["THIDUA_CLI"]
TMP = tempfile.mkdtemp(prefix="thidua-award-list-")
ENV = dict(os.environ, LANGUAGE="C", LC_ALL="C.UTF-8")
WIDTHS = [5, 24, 28, 46, 18, 13]
results = []


def cli(*args, env=None, limit=None, check=True):
    def preexec():
        if limit:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    run = subprocess.run([CLI, *args], capture_output=True, text=True,
                         env=env or ENV, preexec_fn=preexec if limit else None)
    if check and run.returncode != 0:
        raise AssertionError(f"{args}: exit {run.returncode}: {run.stderr}")
    return run


def test(function):
    results.append(function)
    return function


def sample(name="sample.db"):
    path = os.path.join(TMP, name)
    if not os.path.exists(path):
        cli("--db", path, "init", "--sample")
    return path


def export(db, *args, name="list.xlsx"):
    out = os.path.join(TMP, name)
    cli("--db", db, "export", "award-list", *args, "-o", out)
    return out


def awards(db, *args):
    lines = cli("--db", db, "list", "awards", *args).stdout.splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, line.split("\t"))) for line in lines[1:]]


def forms(db):
    lines = cli("--db", db, "list", "forms").stdout.splitlines()
    head = lines[0].split("\t")
    return {row["name"]: int(row["precedence"]) for row in
            (dict(zip(head, line.split("\t"))) for line in lines[1:])}


def cells(ws):
    """Every non-empty cell, row by row: {row: {column letter: cell}}."""
    rows = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                rows.setdefault(c.row, {})[c.column_letter] = c
    return rows


def find_row(rows, column, text):
    for r, row in rows.items():
        if column in row and row[column].value == text:
            return r
    raise AssertionError(f"no row with {text!r} in column {column}")


def check_font(cell, size=13, bold=None, italic=None):
    assert cell.font.name == "Times New Roman", (cell.coordinate, cell.font.name)
    assert cell.font.sz == size, (cell.coordinate, cell.font.sz, size)
    if bold is not None:
        assert bool(cell.font.b) == bold, (cell.coordinate, "bold", cell.font.b)
    if italic is not None:
        assert bool(cell.font.i) == italic, (cell.coordinate, "italic", cell.font.i)


def expected_lines(db, number=None, decision_id=None):
    """The decision's lines as the list must show them: collectives then
    individuals, forms by precedence, the decision's order inside."""
    rows = awards(db, "--decision", number) if number else awards(db, "--decision-id", str(decision_id))
    precedence = forms(db)
    key = lambda a: (a["kind"] != "collective", precedence[a["form"]], int(a["sort_order"]))
    return sorted(rows, key=key)


@test
def issued_decision_every_cell():
    db = sample()
    out = export(db, "--decision", "125/QĐ-UBND")
    wb = openpyxl.load_workbook(out)
    values = openpyxl.load_workbook(out, data_only=True)["Danh sách"]
    assert wb.sheetnames == ["Danh sách"], wb.sheetnames
    ws = wb["Danh sách"]
    rows = cells(ws)

    # Header block: issuer's body left, national title right.
    assert rows[1]["A"].value == "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH", rows[1]["A"].value
    check_font(rows[1]["A"], bold=True)
    assert rows[1]["C"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    check_font(rows[1]["C"], size=12, bold=True)
    assert rows[2]["C"].value == "Độc lập - Tự do - Hạnh phúc"
    check_font(rows[2]["C"], bold=True)
    assert rows[4]["C"].value == "Quảng Ninh, ngày 15 tháng 01 năm 2019"
    check_font(rows[4]["C"], italic=True)
    # The rules: top borders of narrower cells under the texts.
    assert ws["B2"].border.top.style == "thin"
    assert ws["D3"].border.top.style == "thin"

    assert rows[6]["A"].value == ("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG CỜ THI ĐUA CỦA UBND TỈNH "
                                  "VÀ BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"), rows[6]["A"].value
    check_font(rows[6]["A"], size=14, bold=True)
    assert rows[7]["A"].value == ("(Kèm theo Quyết định số 125/QĐ-UBND ngày 15/01/2019 "
                                  "của Chủ tịch UBND tỉnh Quảng Ninh)")
    check_font(rows[7]["A"], italic=True)

    head = [rows[9][c].value for c in "ABCDEF"]
    assert head == ["STT", "Tên tập thể / Họ và tên", "Chức vụ, đơn vị", "Thành tích",
                    "Hình thức", "Số tiền (đồng)"], head
    for c in "ABCDEF":
        check_font(rows[9][c], bold=True)
        assert ws[f"{c}9"].border.left.style == "thin" and ws[f"{c}9"].border.bottom.style == "thin"

    # Body: sections, groups by form, each recipient's row.
    expected = expected_lines(db, number="125/QĐ-UBND")
    r = 10
    assert rows[r]["A"].value == "I. TẬP THỂ"
    r += 1
    section, group, number, subtotal_rows = "collective", None, 0, []
    first = r
    total = 0
    sub = 0
    for line in expected:
        if line["kind"] != section:
            assert rows[r]["A"].value == "Cộng I", (r, rows[r])
            assert rows[r]["F"].value == f"=SUM(F{first}:F{r - 1})", rows[r]["F"].value
            assert values[f"F{r}"].value == sub
            subtotal_rows.append(r)
            r += 1
            assert rows[r]["A"].value == "II. CÁ NHÂN"
            r += 1
            first, section, group, number, sub = r, line["kind"], None, 0, 0
        if line["form"] != group:
            group = line["form"]
            heading = rows[r]["A"]
            assert re.fullmatch(r"\d+\. " + re.escape(group), heading.value), heading.value
            check_font(heading, bold=True, italic=True)
            r += 1
        number += 1
        row = rows[r]
        assert row["A"].value == str(number), (r, row["A"].value)
        assert row["B"].value == line["recipient"], (r, row["B"].value)
        assert (row["C"].value if "C" in row else "") == line["detail"], (r, row.get("C"))
        assert row["D"].value == line["achievement"], r
        assert row["E"].value == line["form"]
        assert isinstance(row["F"].value, int) and row["F"].value == int(line["amount"]), row["F"].value
        assert row["F"].number_format == "#,##0"
        for c in "ABCDEF":
            check_font(ws[f"{c}{r}"], bold=False)
            assert ws[f"{c}{r}"].border.left.style == "thin"
            assert ws[f"{c}{r}"].alignment.wrap_text
        # Tall enough for its wrapped texts (at least a line each 17 points).
        assert ws.row_dimensions[r].height >= 17
        total += int(line["amount"])
        sub += int(line["amount"])
        r += 1
    assert rows[r]["A"].value == "Cộng II"
    assert values[f"F{r}"].value == sub
    subtotal_rows.append(r)
    r += 1
    assert rows[r]["A"].value == "Tổng cộng"
    assert rows[r]["F"].value == "=" + "+".join(f"F{s}" for s in subtotal_rows), rows[r]["F"].value
    assert values[f"F{r}"].value == total
    r += 1
    words = cli("words", str(total)).stdout.strip()
    assert rows[r]["A"].value == f"Bằng chữ: {words}", rows[r]["A"].value
    check_font(rows[r]["A"], italic=True)

    # Signature block, right.
    signer = [rows[k]["D"].value for k in sorted(rows) if k > r and "D" in rows[k]]
    assert signer == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Hữu Khánh"], signer

    merged = {str(m) for m in ws.merged_cells.ranges}
    for m in ("A1:B1", "C1:F1", "C2:F2", "C4:F4", "A6:F6", "A7:F7", "A10:F10", f"A{r}:F{r}"):
        assert m in merged, (m, merged)
    for c, w in zip("ABCDEF", WIDTHS):
        assert abs(ws.column_dimensions[c].width - w) < 1, (c, ws.column_dimensions[c].width)
    for k in rows:
        assert ws.row_dimensions[k].height and ws.row_dimensions[k].height <= 409

    # Page setup: A4 landscape, Decree 30's margins, one page wide,
    # the table header repeated, page numbers, print area, frozen panes.
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"
    assert abs(ws.page_margins.left - 30 / 25.4) < 0.01 and abs(ws.page_margins.right - 15 / 25.4) < 0.01
    assert abs(ws.page_margins.top - 20 / 25.4) < 0.01 and abs(ws.page_margins.bottom - 20 / 25.4) < 0.01
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToHeight == 0 and ws.page_setup.fitToWidth in (None, 1)
    assert ws.print_title_rows == "$9:$9", ws.print_title_rows
    assert "&P" in ws.oddHeader.center.text
    assert ws.print_area == [f"$A$1:$F${max(rows)}"], ws.print_area
    assert ws.freeze_panes == "A10"
    assert wb.properties.title == "Danh sách khen thưởng kèm theo Quyết định số 125/QĐ-UBND"
    assert wb.properties.company if hasattr(wb.properties, "company") else True


@test
def draft_leaves_blanks():
    db = sample()
    ws = openpyxl.load_workbook(export(db, "--decision-id", "2", name="draft.xlsx"))["Danh sách"]
    rows = cells(ws)
    assert rows[4]["C"].value == "Quảng Ninh, ngày      tháng      năm 2019", rows[4]["C"].value
    assert rows[7]["A"].value == ("(Kèm theo Quyết định số        /QĐ-UBND ngày      /      /2019 "
                                  "của Chủ tịch UBND tỉnh Quảng Ninh)"), rows[7]["A"].value
    names = {rows[k]["B"].value for k in rows if "B" in rows[k]}
    for line in expected_lines(db, decision_id=2):
        assert line["recipient"] in names


@test
def variants():
    db = sample()
    ws = openpyxl.load_workbook(export(db, "--decision-id", "1", "--no-money", name="v1.xlsx"))["Danh sách"]
    rows = cells(ws)
    texts = [c.value for row in rows.values() for c in row.values()]
    assert "Số tiền (đồng)" not in texts and "Tổng cộng" not in texts
    assert not any(str(t).startswith("Bằng chữ") for t in texts)
    assert ws.max_column == 5

    wb = openpyxl.load_workbook(export(db, "--decision-id", "1", "--per-form", name="v2.xlsx"))
    # Sheet names hold 31 characters at most: cut at a word.
    assert wb.sheetnames == ["Cờ thi đua của UBND tỉnh", "Bằng khen của Chủ tịch UBND"], wb.sheetnames
    assert cells(wb.worksheets[0])[6]["A"].value == "DANH SÁCH TẬP THỂ ĐƯỢC TẶNG CỜ THI ĐUA CỦA UBND TỈNH"

    ws = openpyxl.load_workbook(export(db, "--decision-id", "1", "--no-signature", name="v3.xlsx"))["Danh sách"]
    texts = [c.value for row in cells(ws).values() for c in row.values()]
    assert "KT. CHỦ TỊCH" not in texts and "Nguyễn Hữu Khánh" not in texts

    ws = openpyxl.load_workbook(export(db, "--decision-id", "1", "--portrait", name="v4.xlsx"))["Danh sách"]
    assert ws.page_setup.orientation == "portrait"

    ws = openpyxl.load_workbook(export(db, "--decision-id", "1", "--order", "name", name="v5.xlsx"))["Danh sách"]
    rows = cells(ws)
    people = [rows[k]["B"].value for k in sorted(rows)
              if k > find_row(rows, "A", "II. CÁ NHÂN") + 1 and "B" in rows[k] and rows[k]["A"].value.isdigit()]
    assert people[0] == "Trần Văn An", people


@test
def vietnamese_locale():
    """libxlsxwriter writes «13,28» under a Vietnamese locale unless the
    export runs under the C numeric locale (NOTES.md)."""
    locales = os.path.join(TMP, "locales")
    os.makedirs(locales, exist_ok=True)
    subprocess.run(["localedef", "-i", "vi_VN", "-f", "UTF-8", os.path.join(locales, "vi_VN.UTF-8")],
                   check=True, capture_output=True)
    env = dict(ENV, LOCPATH=locales, LC_ALL="vi_VN.UTF-8", LANGUAGE="vi")
    probe = subprocess.run(["/usr/bin/python3", "-c", "import locale; locale.setlocale(locale.LC_ALL, ''); "
                            "print(locale.localeconv()['decimal_point'])"], env=env, capture_output=True, text=True)
    assert probe.stdout.strip() == ",", probe
    db = sample()
    out = os.path.join(TMP, "vi.xlsx")
    cli("--db", db, "export", "award-list", "--decision", "125/QĐ-UBND", "-o", out, env=env)
    ws = openpyxl.load_workbook(out)["Danh sách"]
    assert abs(ws.column_dimensions["B"].width - 24) < 1


def long_decision(name="long.db", lines=80):
    db = sample(name)
    con = sqlite3.connect(db)
    if con.execute("SELECT count(*) FROM awards WHERE decision_id = 2").fetchone()[0] < lines:
        people = [r[0] for r in con.execute("SELECT id FROM people")]
        form = con.execute("SELECT id FROM award_forms WHERE code = 'bang_khen_tinh'").fetchone()[0]
        for i in range(lines):
            con.execute("INSERT INTO awards (decision_id, form_id, person_id, achievement, amount, sort_order) "
                        "VALUES (2, ?, ?, ?, 1490000, ?)",
                        (form, people[i % len(people)],
                         f"Đã có thành tích xuất sắc số {i + 1} trong phong trào thi đua “Toàn dân tham gia "
                         f"bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia” năm 2019, góp phần giữ "
                         f"vững ổn định khu vực biên giới (dòng {i + 1})", 100 + i))
        con.commit()
    con.close()
    return db


def pdf_words(pdf):
    """Words with their page and position, from pdftotext -bbox-layout."""
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, text=True,
                         check=True).stdout
    words = []
    for number, page in enumerate(re.findall(r"<page .*?</page>", out, re.S), 1):
        for line in re.findall(r"<line [^>]*>(.*?)</line>", page, re.S):
            for x0, y0, x1, y1, text in re.findall(
                    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', line):
                words.append((number, float(x0), float(y0), float(x1), float(y1), html.unescape(text)))
    return words


def render(xlsx):
    profile = tempfile.mkdtemp(prefix="lo-", dir=TMP)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", TMP, xlsx], check=True, capture_output=True, timeout=180)
    return os.path.splitext(xlsx)[0] + ".pdf"


def column_texts(words, pages):
    """The text of the «Thành tích» column on each page, located from the
    table header's first and last cells (STT, Số tiền)."""
    total = sum(WIDTHS[i] * 7 + 5 for i in range(6))
    a0 = sum(WIDTHS[i] * 7 + 5 for i in range(3)) / total
    a1 = sum(WIDTHS[i] * 7 + 5 for i in range(4)) / total
    stream = ""
    for page in range(1, pages + 1):
        on_page = [w for w in words if w[0] == page]
        stt = [w for w in on_page if w[5] == "STT"][0]
        y = stt[2]
        head = sorted((w for w in on_page if abs(w[2] - y) < 3), key=lambda w: w[1])
        centre_a = (stt[1] + stt[3]) / 2
        centre_f = (head[-1][3] + [w for w in head if w[5].startswith("S") and w[1] > centre_a + 300][0][1]) / 2
        wa = (WIDTHS[0] * 7 + 5) / total
        wf = (WIDTHS[5] * 7 + 5) / total
        scale = (centre_f - centre_a) / (1 - wf / 2 - wa / 2)
        left = centre_a - scale * wa / 2
        lo, hi = left + a0 * scale, left + a1 * scale
        body = [w for w in on_page if lo - 1 <= w[1] < hi - 2 and w[2] > y + 5]
        body.sort(key=lambda w: (round(w[4]), w[1]))
        stream += "".join(w[5] for w in body)
    return re.sub(r"\s+", "", stream)


@test
def rendered_pages_show_every_word():
    if shutil.which("soffice") is None:
        print("# SKIP LibreOffice is not installed: rendering not checked")
        return
    db = long_decision()
    out = export(db, "--decision-id", "2", name="long.xlsx")
    pdf = render(out)
    words = pdf_words(pdf)
    pages = max(w[0] for w in words)
    assert pages >= 3, pages
    for page in range(1, pages + 1):
        texts = {w[5] for w in words if w[0] == page}
        assert "STT" in texts and "Thành" in texts, f"no table header on page {page}"
    stream = column_texts(words, pages)
    for line in expected_lines(db, decision_id=2):
        text = re.sub(r"\s+", "", line["achievement"])
        assert text in stream, f"achievement not whole on the page: {line['achievement']}"


@test
def failures_keep_the_target():
    db = sample()
    target = os.path.join(TMP, "kept.xlsx")
    with open(target, "wb") as f:
        f.write(b"previous export")

    def unchanged(run, fragment):
        assert run.returncode == 1, (run.returncode, run.stderr)
        assert len(run.stderr.strip().splitlines()) == 1, run.stderr
        assert fragment in run.stderr, run.stderr
        assert open(target, "rb").read() == b"previous export"
        assert [n for n in os.listdir(TMP) if n.startswith(".kept.xlsx")] == []

    missing = cli("--db", db, "export", "award-list", "--decision-id", "1", "-o",
                  os.path.join(TMP, "nowhere", "x.xlsx"), check=False)
    assert missing.returncode == 1 and "does not exist" in missing.stderr, missing.stderr
    through = cli("--db", db, "export", "award-list", "--decision-id", "1", "-o",
                  os.path.join(target, "x.xlsx"), check=False)
    assert through.returncode == 1, through.stderr

    lock = os.path.join(TMP, ".~lock.kept.xlsx#")
    open(lock, "w").write(",user,host,01.01.2026 10:00,file:///home/user;")
    unchanged(cli("--db", db, "export", "award-list", "--decision-id", "1", "-o", target, check=False),
              "LibreOffice")
    os.unlink(lock)

    # A write that fails midway: a file-size limit above SQLite's 32 KB
    # shared-memory file, below the workbook of a long decision.
    big = long_decision("huge.db", 2000)
    unchanged(cli("--db", big, "export", "award-list", "--decision-id", "2", "-o", target,
                  limit=40000, check=False), "disk")

    usage = cli("--db", db, "export", "award-list", "-o", target, check=False)
    assert usage.returncode == 2
    nothing = cli("--db", db, "export", "award-list", "--decision", "999/QĐ-UBND", "-o", target, check=False)
    assert nothing.returncode == 1
    assert open(target, "rb").read() == b"previous export"


def main():
    print(f"1..{len(results)}")
    failed = 0
    for number, function in enumerate(results, 1):
        try:
            function()
            print(f"ok {number} - {function.__name__}")
        except Exception as error:  # report every failure, then go on
            failed += 1
            print(f"not ok {number} - {function.__name__}")
            for line in repr(error).splitlines():
                print(f"# {line}")
    shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
