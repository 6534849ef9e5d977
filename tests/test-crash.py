#!/usr/bin/python3
"""Crash safety: an import of thousands of people is killed with SIGKILL at
a random moment, 100 times.  Each time the file must pass integrity_check
and the foreign-key check, and hold either none of the new people or all
of them — never a part."""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

CLI = os.environ["THIDUA_CLI"]
TMP = tempfile.mkdtemp(prefix="thidua-crash-")
ENV = dict(os.environ, LANGUAGE="C", LC_ALL="C.UTF-8")
ROUNDS = int(os.environ.get("THIDUA_CRASH_ROUNDS", "100"))
N_PEOPLE = 8000

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Thu", "Quốc", "Ngọc"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hiếu", "Lan", "Mai", "Nam", "Quý", "Sơn", "Tâm"]
UNITS = ["Xã Hoành Mô", "Xã Đồng Văn", "Sở Tư pháp", "Đồn Biên phòng Ka Long"]


def count_and_check(db):
    conn = sqlite3.connect(db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        assert integrity == [("ok",)], integrity
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        assert broken == [], broken
        return conn.execute("SELECT count(*) FROM people").fetchone()[0]
    finally:
        conn.close()


def main():
    rng = random.Random(4440)
    base = os.path.join(TMP, "base.db")
    subprocess.run([CLI, "--db", base, "init", "--sample"], check=True, env=ENV)
    csv = os.path.join(TMP, "people.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("STT,Họ và tên,Giới tính,Năm sinh,Chức vụ,Đơn vị\n")
        for i in range(N_PEOPLE):
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} {i + 1}"
            f.write(f"{i + 1},{name},{rng.choice(['Nam', 'Nữ'])},{rng.randint(1960, 2000)},"
                    f"Cán bộ,{rng.choice(UNITS)}\n")
    before = count_and_check(base)

    # One whole run: how long a write takes, and what «after» is.
    whole = os.path.join(TMP, "whole.db")
    shutil.copy(base, whole)
    start = time.monotonic()
    subprocess.run([CLI, "--db", whole, "import", "people", csv], check=True, env=ENV,
                   stdout=subprocess.DEVNULL)
    span = time.monotonic() - start
    after = count_and_check(whole)
    assert after == before + N_PEOPLE, (before, after)

    print(f"1..{ROUNDS}")
    failed = 0
    outcomes = {"before": 0, "after": 0}
    for round_ in range(1, ROUNDS + 1):
        db = os.path.join(TMP, "round.db")
        for suffix in ("", "-wal", "-shm", "-lock"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        shutil.copy(base, db)
        delay = rng.uniform(0, span * 1.1)
        process = subprocess.Popen([CLI, "--db", db, "import", "people", csv], env=ENV,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        try:
            count = count_and_check(db)
            assert count in (before, after), f"{count} people: neither {before} nor {after}"
            outcomes["before" if count == before else "after"] += 1
            # The program opens it again, taking over the lock left behind.
            check = subprocess.run([CLI, "--db", db, "check"], env=ENV, capture_output=True, text=True)
            assert check.returncode == 0, check.stderr
            print(f"ok {round_} killed after {delay:.3f} s: {count} people")
        except AssertionError as error:
            failed += 1
            print(f"not ok {round_} killed after {delay:.3f} s")
            print(f"# {error}")
    print(f"# {outcomes['before']} rounds before the write, {outcomes['after']} after; one run takes {span:.2f} s")
    shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
