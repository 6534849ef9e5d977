#!/usr/bin/python3
"""thidua-cli import, fed files written by other programs: openpyxl and
LibreOffice workbooks, CSV in UTF-8 and converted by iconv to the legacy
Vietnamese encodings (Windows-1258, TCVN3).  The database is read back
with Python's sqlite3."""

import csv
import hashlib
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import openpyxl

CLI = os.environ["THIDUA_CLI"]
TMP = tempfile.mkdtemp(prefix="thidua-import-")
ENV = dict(os.environ, LANGUAGE="C", LC_ALL="C.UTF-8")
SOFFICE = shutil.which("soffice")
results = []

UNITS = [
    ["STT", "Tên đơn vị", "Đơn vị cấp trên", "Loại"],
    ["1", "Xã Đồng Tâm", "Huyện Bình Liêu", "commune"],
    ["2", "Thôn Nà Pò", "Huyện Bình Liêu / Xã Đồng Tâm", "village"],
    ["3", "Huyện Tiên Yên", "", "district"],
    ["4", "Huyện Tiên Yên / Xã Phong Dụ", "", "commune"],
    ["5", "Xã Hoành Mô", "huyen binh lieu", ""],
]

PEOPLE = [
    ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Chức vụ", "Cấp bậc", "Đơn vị"],
    ["1", "Hoàng Thị Lụa", "Nữ", "1988", "Chủ tịch Hội Phụ nữ xã", "", "Xã Đồng Văn"],
    ["2", "Đặng Văn Quý", "Nam", "1979", "Đồn trưởng", "Trung tá", "Đồn Biên phòng Hoành Mô"],
    ["3", "Nguyễn Văn Anh", "Nam", "1968", "Trưởng thôn", "", "Xã Hải Sơn"],
    ["4", "Lương Thị Ngọc", "nữ", "02/03/1995", "Cán bộ tư pháp", "", "huyen binh lieu / xa hoanh mo"],
    ["5", "Triệu Đức Thắng", "", "", "", "", ""],
]

AWARDS = [
    ["STT", "Họ và tên", "Chức vụ, đơn vị", "Hình thức khen thưởng", "Thành tích", "Số tiền"],
    ["1", "Đặng Minh Hiếu", "Trung tá, Đồn trưởng Đồn Biên phòng Hoành Mô", "Giấy khen",
     "Có thành tích xuất sắc trong phong trào bảo vệ chủ quyền biên giới năm 2019", ""],
    ["2", "Xã Hoành Mô", "", "giay khen",
     "Đã có thành tích trong xây dựng khu dân cư an toàn", "1.000.000"],
]

STATS = [
    ["Đơn vị", "Tuyên truyền", "Người nghe tuyên truyền", "Tập huấn"],
    ["Xã Hoành Mô", "12", "1.250", "3"],
    ["Xã Đồng Văn", "8", "900", ""],
    ["Tổng cộng", "20", "2150", "3"],
]


def cli(*args, check=True):
    run = subprocess.run([CLI, *args], capture_output=True, text=True, env=ENV)
    if check and run.returncode != 0:
        raise AssertionError(f"{args}: exit {run.returncode}: {run.stderr}")
    return run


def test(function):
    results.append(function)
    return function


def fresh(name):
    path = os.path.join(TMP, name + ".db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    cli("--db", path, "init", "--sample")
    return path


def query(db, sql, *args):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def write_csv(rows, name, delimiter=","):
    path = os.path.join(TMP, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    return path


def iconv(path, encoding, name):
    out = os.path.join(TMP, name)
    with open(out, "wb") as f:
        subprocess.run(["iconv", "-f", "UTF-8", "-t", encoding, path], stdout=f, check=True)
    return out


def write_xlsx(rows, name, title=None):
    """An openpyxl workbook; with a title block (merged) above the header."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
        sheet.append([])
    for row in rows:
        sheet.append([int(c) if c.isdigit() and len(c) < 5 else c for c in row])
    path = os.path.join(TMP, name)
    book.save(path)
    return path


def libreoffice_xlsx(csv_path):
    profile = tempfile.mkdtemp(prefix="lo-import-")
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--infilter=CSV:44,34,76", "--convert-to", "xlsx", "--outdir", TMP, csv_path],
                   capture_output=True, check=True, timeout=180)
    shutil.rmtree(profile, ignore_errors=True)
    return os.path.splitext(csv_path)[0] + ".xlsx"


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def people_rows(db):
    return query(db, "SELECT p.full_name, p.gender, p.birth_year, p.position, p.rank, u.name "
                     "FROM people p LEFT JOIN units u ON u.id = p.unit_id ORDER BY p.id")


def check_people(db):
    rows = people_rows(db)
    assert ("Hoàng Thị Lụa", "female", 1988, "Chủ tịch Hội Phụ nữ xã", None, "Xã Đồng Văn") in rows, rows
    assert ("Đặng Văn Quý", "male", 1979, "Đồn trưởng", "Trung tá", "Đồn Biên phòng Hoành Mô") in rows
    assert ("Lương Thị Ngọc", "female", 1995, "Cán bộ tư pháp", None, "Xã Hoành Mô") in rows
    assert ("Triệu Đức Thắng", None, None, None, None, None) in rows
    assert sum(1 for r in rows if r[0] == "Nguyễn Văn Anh") == 1, "the existing person was added again"
    assert len(rows) == 16 + 4, len(rows)


def unit_rows(db):
    return query(db, "SELECT u.name, p.name, u.kind FROM units u LEFT JOIN units p ON p.id = u.parent_id "
                     "ORDER BY u.id")


def check_units(db):
    rows = unit_rows(db)
    assert ("Xã Đồng Tâm", "Huyện Bình Liêu", "commune") in rows, rows
    assert ("Thôn Nà Pò", "Xã Đồng Tâm", "village") in rows
    assert ("Huyện Tiên Yên", None, "district") in rows
    assert ("Xã Phong Dụ", "Huyện Tiên Yên", "commune") in rows
    assert sum(1 for r in rows if r[0] == "Xã Hoành Mô") == 1
    assert len(rows) == 24 + 4, len(rows)


def award_rows(db):
    return query(db, "SELECT coalesce(p.full_name, u.name), f.name, a.achievement, a.amount, a.amount_overridden "
                     "FROM awards a JOIN award_forms f ON f.id = a.form_id "
                     "LEFT JOIN people p ON p.id = a.person_id LEFT JOIN units u ON u.id = a.unit_id "
                     "WHERE a.decision_id = 2 ORDER BY a.id")


def check_awards(db, before):
    rows = award_rows(db)
    added = rows[len(before):]
    assert len(added) == 2, rows
    assert added[0][0] == "Đặng Minh Hiếu" and added[0][1] == "Giấy khen" and added[0][4] == 0, added
    assert added[0][2].startswith("Có thành tích xuất sắc"), added
    assert added[0][3] > 0
    assert added[1][:2] == ("Xã Hoành Mô", "Giấy khen") and added[1][3:] == (1000000, 1), added


def stat_rows(db):
    return query(db, "SELECT u.name, i.name, v.value FROM indicator_values v JOIN units u ON u.id = v.unit_id "
                     "JOIN indicators i ON i.id = v.indicator_id WHERE v.year = 2022 AND i.campaign_id = 1 "
                     "ORDER BY u.name, i.name")


def check_stats(db):
    rows = stat_rows(db)
    assert ("Xã Hoành Mô", "Tuyên truyền", 12) in rows, rows
    assert ("Xã Hoành Mô", "Người nghe tuyên truyền", 1250) in rows
    assert ("Xã Hoành Mô", "Tập huấn", 3) in rows
    assert ("Xã Đồng Văn", "Người nghe tuyên truyền", 900) in rows
    assert not any(r[0] == "Xã Đồng Văn" and r[1] == "Tập huấn" for r in rows)


KINDS = {
    "units": (UNITS, [], check_units),
    "people": (PEOPLE, [], check_people),
    "awards": (AWARDS, ["--decision-id", "2"], None),
    "stats": (STATS, ["--campaign", "1", "--year", "2022"], check_stats),
}


def import_and_check(kind, path, label):
    rows, args, checker = KINDS[kind]
    db = fresh(f"{kind}-{label}")
    before = award_rows(db)
    run = cli("--db", db, "import", kind, path, *args)
    assert "added" in run.stdout, run.stdout
    if kind == "awards":
        check_awards(db, before)
    else:
        checker(db)
    return db


def table_dump(db, kind):
    return {"units": unit_rows, "people": people_rows, "awards": award_rows, "stats": stat_rows}[kind](db)


def make_each_kind_test(kind):
    def run():
        rows = KINDS[kind][0]
        utf8 = write_csv(rows, f"{kind}.csv")
        dumps = {}
        dumps["csv"] = table_dump(import_and_check(kind, utf8, "csv"), kind)
        semicolons = write_csv(rows, f"{kind}-semicolon.csv", delimiter=";")
        dumps["semicolon"] = table_dump(import_and_check(kind, semicolons, "semicolon"), kind)
        cp1258 = iconv(utf8, "WINDOWS-1258", f"{kind}-1258.csv")
        dumps["1258"] = table_dump(import_and_check(kind, cp1258, "1258"), kind)
        tcvn = iconv(utf8, "TCVN5712-1", f"{kind}-tcvn3.csv")
        dumps["tcvn3"] = table_dump(import_and_check(kind, tcvn, "tcvn3"), kind)
        xlsx = write_xlsx(rows, f"{kind}.xlsx", title="DANH SÁCH KÈM THEO QUYẾT ĐỊNH")
        dumps["xlsx"] = table_dump(import_and_check(kind, xlsx, "xlsx"), kind)
        for label, dump in dumps.items():
            assert dump == dumps["csv"], f"{kind}: {label} differs from UTF-8 CSV:\n{dump}\n{dumps['csv']}"
    run.__name__ = f"import {kind}: CSV (UTF-8, ;, Windows-1258, TCVN3) and XLSX import identically"
    return run


for kind in KINDS:
    test(make_each_kind_test(kind))


@test
def libreoffice_workbook():
    if not SOFFICE:
        return "SKIP no LibreOffice"
    xlsx = libreoffice_xlsx(write_csv(PEOPLE, "people-lo.csv"))
    import_and_check("people", xlsx, "lo")


@test
def one_bad_row_imports_nothing():
    db = fresh("bad-row")
    rows = [r[:] for r in PEOPLE]
    rows[3][2] = "Không rõ"
    path = write_csv(rows, "people-bad.csv")
    before = people_rows(db)
    run = cli("--db", db, "import", "people", path, check=False)
    assert run.returncode == 1, run
    assert "4" in run.stderr and "Không rõ" in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert people_rows(db) == before
    # The same file with the bad row left out.
    run = cli("--db", db, "import", "people", path, "--skip-errors")
    assert "1 row with an error was left out" in run.stdout, run.stdout
    assert len(people_rows(db)) == len(before) + 4, people_rows(db)


@test
def dry_run_changes_nothing():
    db = fresh("dry-run")
    path = write_csv(PEOPLE, "people-dry.csv")
    before = sha256(db)
    run = cli("--db", db, "import", "people", path, "--dry-run")
    lines = run.stdout.splitlines()
    assert lines[0] == "line\tstate\tname\tmessage", lines
    states = [line.split("\t")[1] for line in lines[1:]]
    assert states == ["new", "new", "same", "new", "new"], lines
    assert [line.split("\t")[0] for line in lines[1:]] == ["2", "3", "4", "5", "6"], lines
    assert sha256(db) == before, "the database file changed on --dry-run"
    bad = [r[:] for r in PEOPLE]
    bad[2][3] = "19x9"
    run = cli("--db", db, "import", "people", write_csv(bad, "people-dry-bad.csv"), "--dry-run", check=False)
    assert run.returncode == 1
    assert "\terror\t" in run.stdout and "19x9" in run.stdout, run.stdout
    assert sha256(db) == before


@test
def update_only_when_asked():
    db = fresh("update")
    rows = [PEOPLE[0], ["1", "Nguyễn Văn Anh", "Nam", "1969", "Trưởng thôn", "", "Xã Hải Sơn"]]
    path = write_csv(rows, "people-update.csv")
    run = cli("--db", db, "import", "people", path, "--dry-run")
    assert "\tmatch\t" in run.stdout, run.stdout
    run = cli("--db", db, "import", "people", path)
    assert "--update" in run.stderr, run.stderr
    assert query(db, "SELECT birth_year FROM people WHERE full_name = 'Nguyễn Văn Anh'") == [(1968,)]
    cli("--db", db, "import", "people", path, "--update")
    assert query(db, "SELECT birth_year FROM people WHERE full_name = 'Nguyễn Văn Anh'") == [(1969,)]


@test
def unknown_units_listed_or_created():
    db = fresh("create-units")
    rows = [PEOPLE[0], ["1", "Vi Văn Tám", "Nam", "1990", "Công an viên", "", "Xã Lục Hồn"]]
    path = write_csv(rows, "people-new-unit.csv")
    run = cli("--db", db, "import", "people", path, check=False)
    assert run.returncode == 1 and "Xã Lục Hồn" in run.stderr, run.stderr
    cli("--db", db, "import", "people", path, "--create-units")
    assert query(db, "SELECT u.name FROM people p JOIN units u ON u.id = p.unit_id "
                     "WHERE p.full_name = 'Vi Văn Tám'") == [("Xã Lục Hồn",)]


@test
def new_recipients_placed_by_the_unit_column():
    """Award lines for people and collectives the directory lacks: added where the unit column says."""
    db = fresh("new-recipients")
    rows = [["Họ và tên", "Chức vụ", "Đơn vị", "Hình thức", "Thành tích"],
            ["Người Lạ Khác", "Công an viên", "Xã Chưa Có", "Giấy khen", "Tốt"],
            ["Thôn Khe Mới", "", "Huyện Bình Liêu / Xã Đồng Văn", "Giấy khen", "Tốt"]]
    cli("--db", db, "import", "awards", write_csv(rows, "new-recipients.csv"), "--decision-id", "2", "--create-units")
    assert ("Người Lạ Khác", None, None, "Công an viên", None, "Xã Chưa Có") in people_rows(db), people_rows(db)
    assert ("Thôn Khe Mới", "Xã Đồng Văn", None) in unit_rows(db), unit_rows(db)


@test
def unread_columns_named():
    """A column nothing reads is named, not dropped in silence."""
    db = fresh("unread")
    path = write_csv([["Họ và tên", "Đơn vị", "Sở thích"], ["Lò Văn Páo", "Xã Hoành Mô", "bóng đá"]], "unread.csv")
    run = cli("--db", db, "import", "people", path, "--dry-run")
    assert "«Sở thích»" in run.stderr, run.stderr


@test
def usage_errors():
    db = fresh("usage")
    path = write_csv(PEOPLE, "people-usage.csv")
    for args in (["import"], ["import", "people"], ["import", "persons", path],
                 ["import", "people", path, "--encoding", "latin9"],
                 ["import", "awards", path], ["import", "stats", path, "--campaign", "1"],
                 ["import", "people", path, "--year", "2020"]):
        run = cli("--db", db, *args, check=False)
        assert run.returncode == 2, (args, run)
        assert len(run.stderr.strip().splitlines()) == 1, (args, run.stderr)
    run = cli("--db", db, "import", "people", os.path.join(TMP, "missing.csv"), check=False)
    assert run.returncode == 1 and "missing.csv" in run.stderr, run.stderr
    run = cli("--db", db, "import", "awards", path, "--decision", "125/QĐ-UBND", check=False)
    assert run.returncode == 1 and "125/QĐ-UBND" in run.stderr, run.stderr


@test
def vntime_rows_under_a_unicode_header():
    """Rows typed with .VnTime fonts under a header typed again in Unicode: recognised, converted on request."""
    db = fresh("vntime")
    path = os.path.join(TMP, "vntime.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("Họ và tên,Đơn vị,Chức vụ\nNguyÔn V¨n Ph«ng,X· Hoµnh M«,C¸n bé\n")
    refused = cli("--db", db, "import", "people", path, check=False)
    assert refused.returncode == 1 and "tcvn3-font" in refused.stderr, refused.stderr
    cli("--db", db, "import", "people", path, "--encoding", "tcvn3-font")
    assert ("Nguyễn Văn Phông", None, None, "Cán bộ", None, "Xã Hoành Mô") in people_rows(db)


@test
def summary_imported_back():
    """The year-end summary read back as statistics: each unit's own figures again, not the sums."""
    db = fresh("summary-back")
    out = os.path.join(TMP, "summary-2018.xlsx")
    cli("--db", db, "export", "summary", "--campaign", "1", "--year", "2018", "-o", out)
    run = cli("--db", db, "import", "stats", out, "--campaign", "1", "--year", "2022")
    assert "added" in run.stdout, run.stdout
    own = "SELECT unit_id, indicator_id, value FROM indicator_values WHERE year = ? AND value <> 0 ORDER BY 1, 2"
    assert query(db, own, 2022) == query(db, own, 2018), (query(db, own, 2022), query(db, own, 2018))


@test
def long_and_odd_input_exported():
    """A 100,000-character achievement, NFD names, emoji, Word's control
    characters: imported, listed and exported without breaking anything."""
    db = fresh("odd")
    achievement = ("Hoàn thành xuất sắc nhiệm vụ 🎖 bảo vệ biên giới; " * 2100)[:100000]
    nfd = "Đa\u0323\u0306ng Minh Hie\u0302\u0301u"
    rows = [["Họ và tên", "Chức vụ, đơn vị", "Hình thức khen thưởng", "Thành tích"],
            [nfd + "\x07", "", "Giấy khen", achievement],
            ["Xã Hoành Mô\u200b", "", "Giấy khen", "Tập thể 🌸 tiêu biểu\x0b năm 2019"]]
    path = write_csv(rows, "odd.csv")
    cli("--db", db, "import", "awards", path, "--decision-id", "2", "--create-units")
    stored = query(db, "SELECT coalesce(p.full_name, u.name), length(a.achievement) FROM awards a "
                       "LEFT JOIN people p ON p.id = a.person_id LEFT JOIN units u ON u.id = a.unit_id "
                       "WHERE a.decision_id = 2 ORDER BY a.id DESC LIMIT 2")
    assert stored[1] == ("Đặng Minh Hiếu", 100000), stored[1][0]
    assert query(db, "SELECT count(*) FROM units WHERE name LIKE 'Xã Hoành Mô%'") == [(1,)]
    listed = cli("--db", db, "list", "awards", "--decision-id", "2").stdout
    assert "Đặng Minh Hiếu" in listed and "\x07" not in listed
    out = os.path.join(TMP, "odd.xlsx")
    cli("--db", db, "export", "award-list", "--decision-id", "2", "-o", out)
    book = openpyxl.load_workbook(out)
    texts = [str(c.value) for row in book.active.iter_rows() for c in row if c.value is not None]
    longest = max(texts, key=len)
    assert longest.startswith("Hoàn thành xuất sắc") and len(longest) <= 32767, len(longest)
    assert longest.endswith("…")
    assert any("🌸" in t for t in texts)
    assert not any("\x07" in t or "\x0b" in t for t in texts)


def main():
    print(f"1..{len(results)}")
    failed = 0
    for number, function in enumerate(results, 1):
        name = (function.__doc__ or function.__name__).split("\n")[0]
        try:
            outcome = function()
            skip = f" # {outcome}" if isinstance(outcome, str) else ""
            print(f"ok {number} {name}{skip}")
        except Exception as error:  # report every failure and go on
            failed += 1
            print(f"not ok {number} {name}")
            for line in str(error).splitlines() or [repr(error)]:
                print(f"# {line}")
    shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
