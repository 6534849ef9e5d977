#!/usr/bin/python3
"""Bad database files through thidua-cli: each is refused with one clear
line on stderr and exit 1, never a crash, and its bytes are the same
afterwards.  Conditions root cannot make for real (an unreadable file, a
read-only one) are simulated with THIDUA_SIMULATE, which the open code
reads."""

import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile

CLI = os.environ["THIDUA_CLI"]
TMP = tempfile.mkdtemp(prefix="thidua-bad-files-")
ENV = dict(os.environ, LANGUAGE="C", LC_ALL="C.UTF-8")
results = []


def cli(*args, env=None):
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env or ENV)


def digest(path):
    if os.path.isdir(path):
        return sorted(os.listdir(path))
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def sample(name):
    path = os.path.join(TMP, name)
    run = cli("--db", path, "init", "--sample")
    assert run.returncode == 0, run.stderr
    return path


def people_csv():
    path = os.path.join(TMP, "people.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("Họ và tên,Đơn vị\nNông Văn Dền,Xã Hoành Mô\n")
    return path


def text_file():
    path = os.path.join(TMP, "notes.db")
    with open(path, "w", encoding="utf-8") as f:
        f.write("Danh sách cán bộ đề nghị khen thưởng năm 2019\n")
    return path, "not a Thi Đua database"


def random_bytes():
    path = os.path.join(TMP, "random.db")
    with open(path, "wb") as f:
        f.write(random.Random(7).randbytes(65536))
    return path, "not a Thi Đua database"


def truncated():
    path = sample("truncated.db")
    size = os.path.getsize(path)
    with open(path, "r+b") as f:
        f.truncate(size // 2 - (size // 2) % 4096 + 1000)
    return path, "incomplete"


def foreign():
    path = os.path.join(TMP, "contacts.db")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Lê Văn Tám')")
    conn.commit()
    conn.close()
    return path, "another program"


def newer():
    path = sample("newer.db")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    return path, "newer version"


def folder():
    path = os.path.join(TMP, "folder.db")
    os.mkdir(path)
    return path, "folder"


def empty():
    path = os.path.join(TMP, "empty.db")
    open(path, "wb").close()
    return path, "empty"


def test(function):
    results.append(function)
    return function


for make in (text_file, random_bytes, truncated, foreign, newer, folder, empty):
    def check(make=make):
        path, fragment = make()
        before = digest(path)
        for args in (["list", "people"], ["check"], ["import", "people", people_csv()],
                     ["export", "award-list", "--decision-id", "1", "-o", os.path.join(TMP, "x.xlsx")]):
            run = cli("--db", path, *args)
            assert run.returncode == 1, (args, run.returncode, run.stderr)
            assert len(run.stderr.strip().splitlines()) == 1, (args, run.stderr)
            assert fragment in run.stderr, (args, run.stderr)
            assert digest(path) == before, f"{args} changed {path}"
        for suffix in ("-wal", "-shm", "-lock", "-journal"):
            assert not os.path.exists(path + suffix), path + suffix
    check.__name__ = f"{make.__name__} refused, unchanged"
    test(check)


@test
def unreadable():
    path = sample("unreadable.db")
    before = digest(path)
    run = cli("--db", path, "list", "people", env=dict(ENV, THIDUA_SIMULATE="unreadable"))
    assert run.returncode == 1 and "cannot be read" in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert digest(path) == before


@test
def read_only():
    path = sample("read-only.db")
    before = digest(path)
    env = dict(ENV, THIDUA_SIMULATE="read-only")
    listed = cli("--db", path, "list", "people", env=env)
    assert listed.returncode == 0, listed.stderr
    assert "Đặng Minh Hiếu" in listed.stdout
    imported = cli("--db", path, "import", "people", people_csv(), env=env)
    assert imported.returncode == 1 and "read-only" in imported.stderr, imported.stderr
    assert digest(path) == before


@test
def folder_nobody_may_write():
    """A WAL file in a folder the user cannot write to, for real (as nobody): read, never written."""
    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or not setpriv:
        return "SKIP needs root and setpriv"
    as_nobody = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                 "env", f"HOME={TMP}", f"XDG_DATA_HOME={TMP}/nobody"]
    if subprocess.run([*as_nobody, CLI, "--version"], capture_output=True).returncode != 0:
        return "SKIP the program cannot be run as nobody from here"
    folder = os.path.join(TMP, "kept")
    os.mkdir(folder)
    path = os.path.join(folder, "kept.db")
    assert cli("--db", path, "init", "--sample").returncode == 0
    os.chmod(TMP, 0o755)
    os.chmod(folder, 0o755)
    os.mkdir(os.path.join(TMP, "nobody"))
    os.chmod(os.path.join(TMP, "nobody"), 0o777)
    os.chmod(path, 0o644)
    before = digest(path)
    listed = subprocess.run([*as_nobody, CLI, "--db", path, "list", "people"], capture_output=True, text=True, env=ENV)
    assert listed.returncode == 0 and "Đặng Minh Hiếu" in listed.stdout, listed.stderr
    imported = subprocess.run([*as_nobody, CLI, "--db", path, "import", "people", people_csv()],
                              capture_output=True, text=True, env=ENV)
    assert imported.returncode == 1 and "read-only" in imported.stderr, imported.stderr
    assert digest(path) == before
    assert sorted(os.listdir(folder)) == ["kept.db"], os.listdir(folder)


@test
def network_folder_warned():
    path = sample("network.db")
    run = cli("--db", path, "list", "people", env=dict(ENV, THIDUA_SIMULATE="network"))
    assert run.returncode == 0, run.stderr
    assert "network folder" in run.stderr, run.stderr


HOLDER = """
import fcntl, os, struct, sys, time
fd = os.open(sys.argv[1] + "-lock", os.O_RDWR | os.O_CREAT, 0o644)
os.write(fd, b"nguyenvana\\nmay-ke-toan\\n4242\\n2026-11-29T08:15:02+07:00\\n")
# An open-file-description write lock on the whole file, as Thi Đua holds.
fcntl.fcntl(fd, getattr(fcntl, "F_OFD_SETLK", 37), struct.pack("hhqqi4x", fcntl.F_WRLCK, 0, 0, 0, 0))
print("ready", flush=True)
time.sleep(120)
"""


@test
def second_writer_told_who():
    path = sample("busy.db")
    csv = people_csv()
    before = digest(path)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, path], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        run = cli("--db", path, "import", "people", csv)
        assert run.returncode == 1, run.stderr
        assert "nguyenvana" in run.stderr and "may-ke-toan" in run.stderr, run.stderr
        assert "read-only" in run.stderr, run.stderr
        assert digest(path) == before
        # Reading commands neither take nor mind the writer's lock.
        assert cli("--db", path, "list", "people").returncode == 0
    finally:
        holder.kill()
        holder.wait()
    # The holder died without removing its lock: stale, taken over.
    run = cli("--db", path, "import", "people", csv)
    assert run.returncode == 0, run.stderr


def main():
    print(f"1..{len(results)}")
    failed = 0
    for number, function in enumerate(results, 1):
        try:
            outcome = function()
            skip = f" # {outcome}" if isinstance(outcome, str) else ""
            print(f"ok {number} {function.__name__}{skip}")
        except Exception as error:  # report every failure and go on
            failed += 1
            print(f"not ok {number} {function.__name__}")
            for line in str(error).splitlines() or [repr(error)]:
                print(f"# {line}")
    shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
