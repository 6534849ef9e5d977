#!/usr/bin/python3
# Writes the files test-import-readers reads: workbooks as openpyxl and
# LibreOffice write them, and the broken ones.  Run once, by hand, from
# this folder (Debian's python3-openpyxl and libreoffice-calc); the
# results are committed.
import datetime
import os
import random
import re
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
BROKEN = os.path.join(HERE, 'broken')
FIXED_TIME = datetime.datetime(2024, 1, 1, 8, 0, 0)


def rewrite_zip(path, change):
    """Rewrites the zip at @path: change(name, data) returns new data, or
    None to leave the member out."""
    with zipfile.ZipFile(path) as old:
        members = [(info, old.read(info.filename)) for info in old.infolist()]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as new:
        for info, data in members:
            data = change(info.filename, data)
            if data is not None:
                new.writestr(info, data)


def save(workbook, name):
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    path = os.path.join(HERE, name)
    workbook.save(path)
    return path


def awards():
    """A title block over a two-row header with merged cells, shared
    strings, dates, numbers, a rich-text cell; two sheets."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Danh sách'
    ws['A1'] = 'DANH SÁCH KHEN THƯỞNG NĂM 2023'
    ws['A1'].font = Font(bold=True)
    ws.merge_cells('A1:F1')
    ws['A2'] = '(Kèm theo Quyết định số 12/QĐ-UBND)'
    ws.merge_cells('A2:F2')
    ws['A4'] = 'STT'
    ws.merge_cells('A4:A5')
    ws['B4'] = 'Họ và tên'
    ws.merge_cells('B4:B5')
    ws['C4'] = 'Chức vụ, đơn vị'
    ws.merge_cells('C4:C5')
    ws['D4'] = 'Khen thưởng'
    ws.merge_cells('D4:E4')
    ws['D5'] = 'Hình thức'
    ws['E5'] = 'Số tiền'
    ws['F4'] = 'Ngày'
    ws.merge_cells('F4:F5')
    rows = [
        (1, 'Nguyễn Văn An', 'Trưởng thôn, Xã Hải Sơn', 'Giấy khen', 1390000,
         datetime.date(2023, 5, 12), 'dd/mm/yyyy'),
        (2, 'Đặng Thị Hồng Nhung', 'RICH-TEXT', 'Bằng khen', 1490000.5,
         datetime.date(2024, 2, 29), 'mm-dd-yy'),
        (3, 'Trần Quốc Tuấn', 'Huyện Bình Liêu', 'Đã hoàn thành\nxuất sắc', 0.1 + 0.2,
         datetime.datetime(2023, 12, 31, 14, 30, 0), 'yyyy-mm-dd h:mm:ss'),
    ]
    for i, (number, name, detail, form, amount, day, fmt) in enumerate(rows):
        r = 6 + i
        ws.cell(r, 1, number)
        ws.cell(r, 2, name)
        ws.cell(r, 3, detail)
        ws.cell(r, 4, form)
        ws.cell(r, 5, amount)
        ws.cell(r, 6, day).number_format = fmt
    ws['H6'] = 'ESCAPED'

    units = wb.create_sheet('Đơn vị')
    units.append(['Mã', 'Tên đơn vị'])
    units.append([1, 'Xã Quảng Đức'])
    units.append([2, 'Đồn Biên phòng Pò Hèn'])
    path = save(wb, 'awards.xlsx')
    to_shared_strings(path)

    def rich(name, data):
        if name != 'xl/sharedStrings.xml':
            return data
        text = data.decode('utf-8')
        text = text.replace(
            '<si><t xml:space="preserve">RICH-TEXT</t></si>',
            '<si><r><rPr><b/></rPr><t xml:space="preserve">Đồn Biên phòng </t></r>'
            '<r><t>Hoành Mô</t></r><rPh sb="0" eb="3"><t>PHIÊN ÂM</t></rPh></si>')
        text = text.replace('<si><t xml:space="preserve">ESCAPED</t></si>',
                            '<si><t>Hai_x000A_dòng _x005F_x0041_</t></si>')
        assert 'Hoành Mô' in text and 'Hai_x000A_' in text
        return text.encode('utf-8')

    rewrite_zip(path, rich)
    return path


def to_shared_strings(path):
    """openpyxl writes text as inline strings: makes them shared strings,
    as Excel and LibreOffice write them."""
    shared = []

    def index(text):
        if text not in shared:
            shared.append(text)
        return shared.index(text)

    def change(name, data):
        if name.startswith('xl/worksheets/sheet'):
            text = re.sub(r'<c r="([A-Z]+[0-9]+)"((?: s="[0-9]+")?) t="inlineStr"><is><t>(.*?)</t></is></c>',
                          lambda m: '<c r="%s"%s t="s"><v>%d</v></c>'
                          % (m.group(1), m.group(2), index(m.group(3))),
                          data.decode('utf-8'), flags=re.S)
            assert 'inlineStr' not in text
            return text.encode('utf-8')
        if name == '[Content_Types].xml':
            return data.replace(b'</Types>', b'<Override PartName="/xl/sharedStrings.xml" ContentType='
                                b'"application/vnd.openxmlformats-officedocument.spreadsheetml.'
                                b'sharedStrings+xml"/></Types>')
        if name == 'xl/_rels/workbook.xml.rels':
            return data.replace(b'</Relationships>', b'<Relationship Type="http://schemas.openxmlformats.'
                                b'org/officeDocument/2006/relationships/sharedStrings" '
                                b'Target="sharedStrings.xml" Id="rId9"/></Relationships>')
        return data

    rewrite_zip(path, change)
    sst = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" '
           'uniqueCount="%d">' % (len(shared), len(shared))
           + ''.join('<si><t xml:space="preserve">%s</t></si>' % t for t in shared) + '</sst>')
    with zipfile.ZipFile(path, 'a', zipfile.ZIP_DEFLATED) as z:
        z.writestr('xl/sharedStrings.xml', sst)


def numbers_only():
    """No text at all: no xl/sharedStrings.xml, as some writers do."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Số'
    ws.append([1, 2.5, 3])
    ws.append([4, 5, 6.25])
    path = save(wb, 'numbers-only.xlsx')
    rewrite_zip(path, drop_shared_parts)


def inline_strings():
    """Text as inline strings (<c t="inlineStr"><is><t>), as openpyxl
    writes it, one of them in rich-text runs; no shared strings."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Inline'
    ws.append(['Họ và tên', 'Đơn vị', 'Số'])
    ws.append(['Lường Văn Pằng', 'RUNS', 7])
    path = save(wb, 'inline-strings.xlsx')

    def runs(name, data):
        if name == 'xl/worksheets/sheet1.xml':
            text = data.decode('utf-8')
            assert 'inlineStr' in text and 't="s"' not in text
            text = text.replace('<is><t>RUNS</t></is>',
                                '<is><r><t xml:space="preserve">Đồn Biên phòng </t></r>'
                                '<r><rPr><i/></rPr><t>Pò Hèn</t></r></is>')
            assert 'Pò Hèn' in text
            return text.encode('utf-8')
        return data

    rewrite_zip(path, runs)


def drop_shared_parts(name, data):
    if name == 'xl/sharedStrings.xml':
        return None
    if name in ('[Content_Types].xml', 'xl/_rels/workbook.xml.rels'):
        text = data.decode('utf-8')
        return re.sub(r'<(Override|Relationship)[^>]*sharedStrings[^>]*/>', '', text).encode('utf-8')
    return data


def libreoffice(awards_path):
    """A CSV made XLSX and XLS by LibreOffice, and the openpyxl workbook
    made XLS."""
    tmp = tempfile.mkdtemp()
    csv = os.path.join(tmp, 'libreoffice.csv')
    with open(csv, 'w', encoding='utf-8') as f:
        f.write('Họ và tên,Ngày sinh,Số tiền,Ghi chú\n'
                'Nguyễn Văn An,1985-03-07,1390000,Trưởng thôn\n'
                'Hoàng Thị Lan,1990-11-20,2500.75,"Có dấu phẩy, trong ô"\n')
    shutil.copy(awards_path, os.path.join(tmp, 'awards.xlsx'))
    base = ['soffice', '-env:UserInstallation=file:///tmp/lo-readers', '--headless']
    subprocess.run(base + ['--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', tmp, csv],
                   check=True)
    subprocess.run(base + ['--infilter=CSV:44,34,76,1', '--convert-to', 'xls', '--outdir', tmp, csv],
                   check=True)
    subprocess.run(base + ['--convert-to', 'xls', '--outdir', tmp, os.path.join(tmp, 'awards.xlsx')],
                   check=True)
    shutil.copy(os.path.join(tmp, 'libreoffice.xlsx'), HERE)
    shutil.copy(os.path.join(tmp, 'libreoffice.xls'), HERE)
    shutil.copy(os.path.join(tmp, 'awards.xls'), HERE)
    shutil.rmtree(tmp)


def broken(awards_path):
    os.makedirs(BROKEN, exist_ok=True)
    with open(awards_path, 'rb') as f:
        data = f.read()
    with open(os.path.join(BROKEN, 'truncated.xlsx'), 'wb') as f:
        f.write(data[:len(data) // 2])

    missing = os.path.join(BROKEN, 'missing-shared-strings.xlsx')
    shutil.copy(awards_path, missing)
    rewrite_zip(missing, lambda name, data: None if name == 'xl/sharedStrings.xml' else data)

    with open(os.path.join(BROKEN, 'windows-1258.csv'), 'wb') as f:
        # glibc's iconv, as Python's cp1258 codec does not decompose.
        f.write(subprocess.run(['iconv', '-f', 'UTF-8', '-t', 'WINDOWS-1258'], check=True,
                               capture_output=True,
                               input='Họ và tên;Đơn vị\r\nNguyễn Văn An;Xã Hải Sơn\r\n'
                               'Đặng Thị Hồng Nhung;Huyện Bình Liêu\r\n'.encode('utf-8')).stdout)
    with open(os.path.join(BROKEN, 'ragged.csv'), 'w', encoding='utf-8') as f:
        f.write('Họ và tên,Đơn vị,Số tiền\n'
                'Nguyễn Văn An\n'
                'Trần Quốc Tuấn,Huyện Bình Liêu,1000000,thừa,thừa nữa\n'
                ',,\n'
                'Lường Văn Pằng,Đồn Biên phòng Pò Hèn\n')
    with open(os.path.join(BROKEN, 'unterminated.csv'), 'w', encoding='utf-8') as f:
        f.write('Họ và tên,Thành tích\n'
                'Nguyễn Văn An,"Đã hoàn thành\n'
                'xuất sắc"\n'
                'Trần Quốc Tuấn,"Hoàn thành tốt\n'
                'nhiệm vụ\n')
    open(os.path.join(BROKEN, 'empty.csv'), 'w').close()
    rng = random.Random(20240101)
    junk = bytearray(rng.getrandbits(8) for _ in range(4096))
    junk[0:4] = b'\x7fJNK'
    junk[100:110] = bytes(10)
    with open(os.path.join(BROKEN, 'junk.bin'), 'wb') as f:
        f.write(bytes(junk))


def main():
    path = awards()
    numbers_only()
    inline_strings()
    libreoffice(path)
    broken(path)


if __name__ == '__main__':
    main()
