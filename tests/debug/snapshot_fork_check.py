#!/usr/bin/env python3
"""Snapshots written in the background by a forked child (snapshot:background, snapshot:jobs).

usage: snapshot_fork_check.py SNAPSIM WORKDIR GUEST_DIR CASE

CASE same      `sum` with --snapshot-every 2000, once in the background (snapshot:jobs 1, so the
               run also waits for the oldest child) and once synchronously: every background
               snapshot says so in the verbose log, its page file is byte-identical to the
               synchronous one and `snapshot diff --ignore-informational` finds no difference;
               every snapshot verifies (the incremental chain included) and the last one,
               restored, finishes the program with the straight run's output.
     input     stdin_count reading a regular file as standard input, with a snapshot every 5000
               of its first 150000 instructions, while it reads: every snapshot is written in the
               background (the file's position is pinned for the child at fork time) and equals
               the synchronous one (page files, `snapshot diff --ignore-informational`: the
               recorded stdin position included, which moves from snapshot to snapshot); each
               verifies.
     successor the child writing one snapshot of a chain fails late (SNAPSIM_TEST_SNAPSHOT_CHILD_FAIL
               @N): the run waits for it before the next incremental snapshot, so it reports the
               failure (status 3) and writes no snapshot naming the failed one as its parent.
     obstacle  file_io, which holds host files open for writing and changes them: snapshots
               taken then are written synchronously (and say why), the one before in the
               background, and all of them verify.
     fail      a child that fails (test hook SNAPSIM_TEST_SNAPSHOT_CHILD_FAIL) is reported by
               the parent with the snapshot's name, the run ends with status 3 (an output could
               not be written), the snapshot does not exist, and no process is left behind.
"""
import os
import re
import shutil
import subprocess
import sys

from lightsss_check import fail, session_procs, wait_until

EVERY = 2000


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def run(cmd, env_extra=None, cwd=None, stdin=None):
    env = dict(os.environ, SNAPSIM_SNAPSHOT_VERBOSE="1")
    env.pop("SNAPSIM_TEST_SNAPSHOT_CHILD_FAIL", None)
    env.update(env_extra or {})
    with open(stdin or os.devnull) as f:
        p = subprocess.Popen(cmd, stdin=f, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                             cwd=cwd, start_new_session=True)
        out, err = p.communicate()
    print(err)
    # Every child was waited for: nothing of the run's session may be left.
    wait_until(lambda: not session_procs(p.pid), f"processes left behind: {session_procs(p.pid)}")
    return p.returncode, out, err


def snapshots(d):
    return sorted(f for f in os.listdir(d) if f.endswith(".snapshot"))


def verify_all(snapsim, d):
    for s in snapshots(d):
        r = subprocess.run([snapsim, "snapshot", "verify", os.path.join(d, s)], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            fail(f"{s} does not verify: {r.stdout}")


def compare_with_synchronous(snapsim, work, prog, every, stdin=None, limit=()):
    """Runs prog with snapshots in the background and synchronously; checks they are equal."""
    bg, sync = fresh(os.path.join(work, "bg")), fresh(os.path.join(work, "sync"))
    base = [snapsim, "run", "--clear-env", "--snapshot-every", str(every), *limit]
    rc, out_bg, err = run(base + ["--log", bg, "--config", "snapshot:jobs:1", "--"] + prog, cwd=work, stdin=stdin)
    if rc != 0:
        fail(f"background run: status {rc}")
    rc, out_sync, err_sync = run(base + ["--log", sync, "--config", "snapshot:background:off", "--"] + prog, cwd=work,
                                 stdin=stdin)
    if rc != 0 or out_sync != out_bg:
        fail(f"synchronous run: status {rc}, output {out_sync!r} vs {out_bg!r}")
    names = snapshots(bg)
    if len(names) < 3 or names != snapshots(sync):
        fail(f"snapshots {names} vs {snapshots(sync)}")
    for n in names:
        if not re.search(re.escape(n) + r": .* in the background after a [0-9.]+ ms stall", err):
            fail(f"{n} was not written in the background")
        if "in the background" in err_sync:
            fail("snapshot:background:off wrote in the background")
        with open(os.path.join(bg, n, "mem0.pages"), "rb") as a, open(os.path.join(sync, n, "mem0.pages"), "rb") as b:
            if a.read() != b.read():
                fail(f"{n}: page files differ")
        d = subprocess.run([snapsim, "snapshot", "diff", "--ignore-informational", os.path.join(bg, n),
                            os.path.join(sync, n)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if d.returncode != 0:
            fail(f"{n}: snapshot diff: {d.stdout}")
    verify_all(snapsim, bg)
    return bg, names, out_bg


def case_input(snapsim, work, guest):
    text = os.path.join(work, "input.txt")
    with open(text, "w") as f:
        for i in range(600):
            f.write(f"line {i} of the input read across snapshots {'x' * (i % 23)}\n")
    bg, names, _ = compare_with_synchronous(snapsim, os.path.join(work, "input"), [f"{guest}/stdin_count"], 5000,
                                            stdin=text, limit=("--max-instructions", "150000"))
    positions = set()
    for n in names:
        m = re.search(r'\(0, "/dev/stdin", 0x0, FALSE, 0, (\d+)', open(os.path.join(bg, n, "config")).read())
        positions.add(int(m.group(1)) if m else -1)
    size = os.path.getsize(text)
    if len(positions) < 10 or not all(0 <= p <= size for p in positions):
        fail(f"the snapshots do not catch the guest reading its input: stdin positions {sorted(positions)}")
    print(f"ok: {len(names)} snapshots of a guest reading a regular file as stdin ({len(positions)} positions), "
          f"all in the background, equal to the synchronous ones")


def case_successor(snapsim, work, guest):
    d = fresh(os.path.join(work, "successor"))
    failed = 2 * EVERY
    rc, _, err = run([snapsim, "run", "--clear-env", "--snapshot-every", str(EVERY), "--log", d, "--",
                      f"{guest}/sum", "1", "2", "3"], env_extra={"SNAPSIM_TEST_SNAPSHOT_CHILD_FAIL": f"@{failed}"},
                     cwd=work)
    if rc != 3 or not re.search(rf"cannot write snapshot \S+{failed:015d}\.snapshot: failed on purpose", err):
        fail(f"status {rc}: the failure of the snapshot at {failed} was not reported")
    later = [n for n in snapshots(d) if int(n.split(".")[-2]) > failed]
    if later or len(snapshots(d)) != 1:
        fail(f"snapshots {snapshots(d)}: a later one names the failed snapshot as its parent")
    verify_all(snapsim, d)
    print(f"ok: the failure of the snapshot at {failed} ended the run before a successor was written")


def case_same(snapsim, work, guest):
    prog = [f"{guest}/sum", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
    bg, names, out_bg = compare_with_synchronous(snapsim, os.path.join(work, "same"), prog, EVERY)
    rc, out, _ = run([snapsim, "run", "--restore", os.path.join(bg, names[-1])], cwd=work)
    if rc != 0 or out != out_bg:
        fail(f"restoring {names[-1]}: status {rc}, output {out!r}, expected {out_bg!r}")
    print(f"ok: {len(names)} background snapshots equal to the synchronous ones; the chain restores")


def case_obstacle(snapsim, work, guest):
    d = fresh(os.path.join(work, "obstacle"))
    os.makedirs(os.path.join(d, "scratch"))
    # Its first snapshots come before it opens a file; from about 90000 to 105000 instructions
    # it has changed files and holds none open (the exact counts move with the path's length).
    rc, _, err = run([snapsim, "run", "--snapshot-every", "2000", "--max-instructions", "120000", "--log", d, "--",
                      f"{guest}/file_io", "scratch"], cwd=d)
    if rc != 0:
        fail(f"status {rc}")
    background = len(re.findall(r"in the background after", err))
    synchronous = set(re.findall(r"is written synchronously: (.*)", err))
    if not background or not {"the guest has a host file open for writing", "the guest changed host files"} <= synchronous:
        fail(f"{background} background snapshots; synchronous because of {synchronous}")
    verify_all(snapsim, d)
    print(f"ok: {background} in the background, the others synchronously ({sorted(synchronous)})")


def case_fail(snapsim, work, guest):
    d = fresh(os.path.join(work, "fail"))
    rc, _, err = run([snapsim, "run", "--clear-env", "--snapshot-every", str(EVERY), "--log", d, "--",
                      f"{guest}/sum", "1", "2", "3"], env_extra={"SNAPSIM_TEST_SNAPSHOT_CHILD_FAIL": "1"}, cwd=work)
    if rc != 3:
        fail(f"status {rc}, expected 3")
    m = re.search(r"snapsim: cannot write snapshot (\S+): failed on purpose", err)
    if not m:
        fail("the child's failure was not reported with the snapshot's name")
    if os.path.exists(m.group(1)) or snapshots(d):
        fail(f"a failed snapshot exists: {snapshots(d)}")
    print(f"ok: {m.group(0)}")


def main():
    snapsim, work, guest, case = sys.argv[1:]
    os.makedirs(work, exist_ok=True)
    {"same": case_same, "input": case_input, "successor": case_successor, "obstacle": case_obstacle, "fail": case_fail}[case](snapsim, work, guest)


main()
