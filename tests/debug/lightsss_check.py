#!/usr/bin/env python3
"""LightSSS end to end.

usage: lightsss_check.py SNAPSIM WORKDIR GUEST_DIR CASE

CASE replay    an injected fault at instruction 5000 of `sum`, replayed with lightsss:window
               3000 and lightsss:after 40: exit status 4, "replay verified", every artefact named
               and present; the VCD (check_vcd.py) starts at or before failure - window and ends
               40 cycles after the failure, and the Kanata trace (well formed: check_kanata.py)
               goes past the failure into those cycles; up to the failure the replay's commit log is exactly the tail of
               a straight run's log ending at the failure, and the reference's log (which ends
               there) differs from it only in the failing line; the model's goes on past it.
     assert    a model assertion as the trigger (inject:kind:lost_flush leaves wrong-path
               instructions in the pipeline; the commit-order check fails), no --difftest:
               exit status 1, the assertion named, "replay verified" at its cycle, the VCD and
               Kanata trace ending lightsss:after cycles past it (earlier only if the buggy
               model's guest died in those cycles: the commit log ends with its fault).
     watchdog  the watchdog as the trigger (inject:kind:lost_wakeup: nothing retires), the same.
     stdin     a guest reading standard input from a pipe across LightSSS intervals (stdin_count,
               fault injected while it reads): the replay gets the bytes the parent consumed
               after the snapshot from the parent's input log, so it is "replay verified".
     diverge   the same with the test hook that makes the replay differ: "replay diverged".
     stops     the same with --snapshot-every 700: the replay repeats the parent's stops at the
               snapshot points (so its timing matches: "replay verified"); the snapshots are
               exactly the parent's.
     stats     stats.json's "lightsss" object counts the forks and their cost: wall and CPU
               seconds, the page faults taken after the first fork (copy-on-write copies), the
               snapshots reaped and their own CPU time, and the guest pages the parent saved for
               them (software copy-on-write: guest memory is left out of the forks).
     measure   lightsss:measure:3 forks at every third interval boundary only and reports what a
               fork costs: the medians of the intervals' CPU time and of the parent's cost per
               period, with 95 % intervals around the median that hold it; a failure is still
               replayed from the oldest of those forks ("replay verified").
     memory    a guest that keeps rewriting 4 MiB (touchmem): the parent saves the pages for the
               snapshots and the run stays exact (under --difftest it agrees with the reference
               to the end and prints what the fast model prints); a fault injected late is
               "replay verified", which now compares the guest memory too; and with the test
               hook that changes one byte of the replay's memory that the guest never reads,
               "replay diverged".
     programs  guest programs that write memory every way a process can (system calls reading
               into it, mmap, munmap, mremap, madvise, file mappings, signal frames, the heap):
               a fault injected late in each, with a snapshot every few thousand cycles, is
               "replay verified" (registers and memory), and with lightsss:check_memory each woken
               snapshot's memory is the run's at its fork, so no write skipped the saving.
     procs     no process is left behind after a normal exit, a DiffTest failure, a guest crash,
               SIGTERM and SIGKILL of the parent.  The simulator runs in its own session; the
               test polls the process table for that session (no fixed sleeps) with a generous
               bound, so a slow machine only makes it slower.
"""
import json
import os
import re
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
N, WINDOW, INTERVAL, AFTER = 5000, 3000, 2000, 40


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


def inject_cmd(snapsim, guest, logdir, *extra):
    return [snapsim, "run", "--clear-env", "--model", "oroblanco", "--difftest", "--lightsss", "--log", logdir,
            # Three slots: the oldest is at least 2 x INTERVAL > WINDOW before any failure point.
            "--config", f"lightsss:interval:{INTERVAL}", "lightsss:slots:3", f"lightsss:window:{WINDOW}",
            f"lightsss:after:{AFTER}",
            "inject:kind:alu_bitflip", f"inject:instruction:{N}", *extra, "--", f"{guest}/sum", "1", "2", "3"]


def run(cmd, env=None):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    print(r.stderr)
    return r


def case_replay(snapsim, work, guest, diverge=False):
    logdir = os.path.join(work, "diverge" if diverge else "replay")
    os.makedirs(logdir, exist_ok=True)
    env = dict(os.environ)
    env.pop("SNAPSIM_TEST_LIGHTSSS_DIVERGE", None)
    if diverge:
        env["SNAPSIM_TEST_LIGHTSSS_DIVERGE"] = "1"
    r = run(inject_cmd(snapsim, guest, logdir), env)
    if r.returncode != 4:
        fail(f"exit status {r.returncode}, expected 4")
    if r.stdout:
        fail(f"the replay wrote to standard output: {r.stdout!r}")
    if diverge:
        if "lightsss: replay diverged" not in r.stderr or "replay verified" in r.stderr:
            fail("no 'replay diverged'")
        print("ok: replay diverged")
        return
    m = re.search(r"lightsss: failure at instruction (\d+) \(cycle (\d+)\)", r.stderr)
    injected = re.search(r"inject: alu_bitflip applied to instruction (\d+)", r.stderr)
    if not m or not injected or m.group(1) != injected.group(1):
        fail("no failure line at the injected instruction")
    fcycle = int(m.group(2))
    if "lightsss: replay verified" not in r.stderr:
        fail("no 'replay verified'")
    w = re.search(r"lightsss: wrote cycles (\d+)-(\d+): (.*)", r.stderr)
    if not w:
        fail("no artefact list")
    if int(w.group(2)) != fcycle + AFTER:
        fail(f"the replay recorded to cycle {w.group(2)}, not {AFTER} cycles past the failure at {fcycle}")
    files = w.group(3).split()
    names = sorted(os.path.basename(f) for f in files)
    if names != ["lightsss.commits", "lightsss.commits.ref", "lightsss.kanata", "lightsss.vcd"]:
        fail(f"artefacts {names}")
    for f in files:
        if not os.path.isfile(f) or os.path.getsize(f) == 0:
            fail(f"{f} missing or empty")
    path = dict((os.path.basename(f), f) for f in files)
    span = subprocess.run([sys.executable, os.path.join(HERE, "check_vcd.py"), path["lightsss.vcd"],
                           "--from", str(fcycle - WINDOW), "--to", str(fcycle + AFTER)],
                          stdout=subprocess.PIPE, text=True)
    if span.returncode != 0:
        fail(f"VCD: {span.stdout}")
    k = subprocess.run([sys.executable, os.path.join(HERE, "..", "pipeline", "check_kanata.py"),
                        path["lightsss.kanata"]], stdout=subprocess.PIPE, text=True)
    if k.returncode != 0:
        fail(f"Kanata: {k.stdout}")
    # Past the failure (its last cycles may see no instruction move: no events then).
    if not fcycle < kanata_last_cycle(path["lightsss.kanata"]) <= fcycle + AFTER + 1:
        fail(f"the Kanata trace ends at cycle {kanata_last_cycle(path['lightsss.kanata'])}, not in the "
             f"{AFTER} cycles after the failure at {fcycle}")
    # The straight run, with its own commit log, for comparison.
    straight = os.path.join(logdir, "straight.commits")
    s = run([snapsim, "run", "--clear-env", "--model", "oroblanco", "--difftest", "--commit-log", straight, "--config",
             "inject:kind:alu_bitflip", f"inject:instruction:{N}", "--", f"{guest}/sum", "1", "2", "3"])
    if s.returncode != 4:
        fail(f"straight run: exit status {s.returncode}")
    whole = open(straight).read().splitlines()
    ref = open(path["lightsss.commits.ref"]).read().splitlines()
    replayed = open(path["lightsss.commits"]).read().splitlines()
    mine = replayed[:len(ref)]
    if not ref or whole[-len(mine):] != mine or len(mine) >= len(whole):
        fail("up to the failure, the replay's commit log is not the tail of the straight run's")
    if mine[:-1] != ref[:-1] or mine[-1] == ref[-1]:
        fail("the reference's log should differ from the model's exactly in the last line")
    if len(replayed) == len(mine):
        fail("the replay's commit log stops at the failure, not lightsss:after cycles past it")
    first_vcd = int(span.stdout.split()[0])
    print(f"ok: failure at cycle {fcycle}, dump from cycle {first_vcd}, {len(mine)} commits replayed")


def case_trigger(snapsim, work, guest, kind, message):
    """A failure other than a DiffTest mismatch wakes the oldest snapshot just as well."""
    logdir = os.path.join(work, kind)
    os.makedirs(logdir, exist_ok=True)
    r = run([snapsim, "run", "--clear-env", "--model", "oroblanco", "--lightsss", "--log", logdir, "--config",
             f"lightsss:interval:{INTERVAL}", "lightsss:slots:3", f"lightsss:window:{WINDOW}", f"lightsss:after:{AFTER}",
             "watchdog:result_cycles:500", f"inject:kind:{kind}", f"inject:instruction:{N}", "--",
             f"{guest}/sum", "1", "2", "3"])
    if r.returncode != 1:
        fail(f"exit status {r.returncode}, expected 1")
    found = re.search(message, r.stderr)
    m = re.search(r"lightsss: failure at instruction (\d+) \(cycle (\d+)\)", r.stderr)
    if not found or not m or int(found.group(1)) != int(m.group(2)):
        fail(f"no '{message}' at the failure's cycle")
    fcycle = int(m.group(2))
    if f"lightsss: replay verified: it reached the failure's architectural state at instruction " \
       f"{m.group(1)} (cycle {fcycle})" not in r.stderr:
        fail("no 'replay verified' at the failure")
    w = re.search(r"lightsss: wrote cycles (\d+)-(\d+): ", r.stderr)
    last = int(w.group(2)) if w else -1
    commits = open(os.path.join(logdir, "lightsss.commits")).read().splitlines()
    died = bool(commits) and "exception" in commits[-1]
    if not fcycle < last <= fcycle + AFTER or (last < fcycle + AFTER and not died):
        fail(f"recorded to cycle {last}, expected {fcycle + AFTER} (the failure + lightsss:after)")
    vcd, kanata = os.path.join(logdir, "lightsss.vcd"), os.path.join(logdir, "lightsss.kanata")
    span = subprocess.run([sys.executable, os.path.join(HERE, "check_vcd.py"), vcd, "--from", str(fcycle - WINDOW),
                           "--to", str(last)], stdout=subprocess.PIPE, text=True)
    if span.returncode != 0:
        fail(f"VCD: {span.stdout}")
    k = subprocess.run([sys.executable, os.path.join(HERE, "..", "pipeline", "check_kanata.py"), kanata],
                       stdout=subprocess.PIPE, text=True)
    if k.returncode != 0:
        fail(f"Kanata: {k.stdout}")
    # A stuck pipeline writes no Kanata events: the trace reaches at least the start of the hang.
    if kanata_last_cycle(kanata) < (fcycle - 500 if kind == "lost_wakeup" else fcycle):
        fail(f"the Kanata trace ends at cycle {kanata_last_cycle(kanata)}, before the failure at {fcycle}")
    print(f"ok: {kind}: failure at cycle {fcycle} replayed and verified, recorded to cycle {last}"
          f"{' (the guest died)' if died else ''}")


def case_stdin(snapsim, work, guest):
    logdir = os.path.join(work, "stdin")
    os.makedirs(logdir, exist_ok=True)
    text = "".join(f"line {i} read from a pipe across snapshots {'y' * (i % 17)}\n" for i in range(600))
    r = subprocess.run([snapsim, "run", "--clear-env", "--model", "oroblanco", "--difftest", "--lightsss", "--log",
                        logdir, "--config", "lightsss:interval:30000", "inject:kind:alu_bitflip",
                        "inject:instruction:100000", "--", f"{guest}/stdin_count"],
                       input=text, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    print(r.stderr)
    if r.returncode != 4:
        fail(f"exit status {r.returncode}, expected 4")
    m = re.search(r"replaying from the snapshot at cycle (\d+)", r.stderr)
    if not m or int(m.group(1)) == 0:
        fail("no replay from a snapshot")
    if "lightsss: replay verified" not in r.stderr:
        fail("the replay of a guest reading a pipe was not verified")
    print("ok: the replay read the parent's input again and was verified")


def kanata_last_cycle(path):
    """The cycle of a Kanata trace's last event (C= sets the time, C adds to it)."""
    cycle = 0
    for line in open(path):
        f = line.rstrip("\n").split("\t")
        if f[0] == "C=":
            cycle = int(f[1])
        elif f[0] == "C":
            cycle += int(f[1])
    return cycle


def case_stops(snapsim, work, guest):
    logdir = os.path.join(work, "stops")
    if os.path.isdir(logdir):
        for f in os.listdir(logdir):
            subprocess.run(["rm", "-rf", os.path.join(logdir, f)], check=True)
    os.makedirs(logdir, exist_ok=True)
    r = run(inject_cmd(snapsim, guest, logdir, "difftest:history:1", "--snapshot-every", "700"))
    if r.returncode != 4 or "lightsss: replay verified" not in r.stderr:
        fail("the replay with snapshot stops was not verified")
    injected = int(re.search(r"inject: alu_bitflip applied to instruction (\d+)", r.stderr).group(1))
    snaps = sorted(f for f in os.listdir(logdir) if f.endswith(".snapshot"))
    if len(snaps) != (injected - 1) // 700:
        fail(f"{len(snaps)} snapshots for a failure at instruction {injected}: {snaps}")
    print(f"ok: replay verified across {len(snaps)} snapshot stops")


def stats_run(snapsim, work, guest, name, *config):
    """`sum 1 2` on oroblanco with a fork every 1000 cycles: its stats.json."""
    stats = os.path.join(work, name)
    r = run([snapsim, "run", "--clear-env", "--model", "oroblanco", "--lightsss", "--log", work, "--config",
             "lightsss:interval:1000", *config, f"stats:output_filename:{stats}", "--", f"{guest}/sum", "1", "2"])
    if r.returncode != 0:
        fail(f"exit status {r.returncode}")
    return json.load(open(stats))


def case_stats(snapsim, work, guest):
    s = stats_run(snapsim, work, guest, "stats.json")
    ls, cycles = s["lightsss"], s["end_cycle"]
    if abs(ls["snapshots"] - cycles // 1000) > 1:
        fail(f"{ls['snapshots']} forks in {cycles} cycles at one per 1000")
    if not (0 < ls["fork_cpu_seconds"] and 0 < ls["fork_seconds"] and ls["fork_max_seconds"] <= ls["fork_seconds"]):
        fail(f"fork times {ls}")
    if ls["page_faults"] < ls["snapshots"]:    # the parent's stack, at least, is copied after each
        fail(f"{ls['page_faults']} page faults after {ls['snapshots']} forks")
    # Killed snapshots are reaped without waiting (how many by the end depends on the machine's
    # load), never the two kept; those reaped have their CPU time counted.
    if not (ls["reaped"] <= ls["snapshots"] - 2 and (ls["reaped"] > 0) == (ls["children_cpu_seconds"] > 0)):
        fail(f"reaped snapshots {ls}")
    if not ls["software_copy_on_write"] or ls["saved_pages"] < ls["snapshots"] or not 0 < s["begin_cpu_host_seconds"]:
        fail(f"no guest pages saved for the snapshots, or no CPU time before the window: {ls}, "
             f"{s['begin_cpu_host_seconds']}")
    print(f"ok: {ls}")


def case_measure(snapsim, work, guest):
    s = stats_run(snapsim, work, guest, "measure.json", "lightsss:measure:3")
    ls, cycles = s["lightsss"], s["end_cycle"]
    if abs(ls["snapshots"] - cycles // 3000) > 1:
        fail(f"{ls['snapshots']} forks in {cycles} cycles at one per third boundary of 1000")
    m = ls["measured"]
    # Whole periods: from the first boundary that forks (the third) to the last whole one.
    if m["period"] != 3 or abs(m["periods"] - (cycles // 1000 - 3) // 3) > 1 or m["periods"] < 3:
        fail(f"periods {m} in {cycles} cycles")
    lo, hi = m["parent_cost_95"]
    olo, ohi = m["overhead_95"]
    if not (lo <= m["parent_cost_seconds"] <= hi and olo <= m["overhead"] <= ohi and m["interval_cpu_seconds"] > 0
            and m["child_cost_seconds"] > 0):
        fail(f"estimates {m}")
    print(f"ok: {m}")
    logdir = os.path.join(work, "measure")
    os.makedirs(logdir, exist_ok=True)
    r = run(inject_cmd(snapsim, guest, logdir, "lightsss:measure:2"))
    if r.returncode != 4 or "replay verified" not in r.stderr:
        fail(f"exit status {r.returncode}, expected 4 and a verified replay")


def case_memory(snapsim, work, guest):
    logdir = os.path.join(work, "memory")
    os.makedirs(logdir, exist_ok=True)
    stats = os.path.join(logdir, "stats.json")
    prog = ["--", f"{guest}/touchmem", "4", "50", "4"]
    fast = run([snapsim, "run", "--clear-env", *prog])
    if fast.returncode != 0:
        fail(f"the fast model's run: exit status {fast.returncode}")
    late = int(re.search(r"^round 40 instret=(\d+)", fast.stdout, re.M).group(1))
    base = [snapsim, "run", "--clear-env", "--model", "oroblanco", "--difftest", "--lightsss", "--log", logdir,
            "--config", "lightsss:interval:100000", "lightsss:check_memory:true", f"stats:output_filename:{stats}"]
    r = run(base + prog)
    if r.returncode != 0 or r.stdout != fast.stdout:
        fail(f"exit status {r.returncode}, output {r.stdout!r}")
    ls = json.load(open(stats))["lightsss"]
    # Each interval rewrites pages of the 4 MiB: saved again after every fork.
    if not ls["software_copy_on_write"] or ls["saved_pages"] < ls["snapshots"]:
        fail(f"guest pages saved: {ls}")
    print(f"ok: {ls}")
    env = dict(os.environ)
    for diverge in (None, "memory"):
        env.pop("SNAPSIM_TEST_LIGHTSSS_DIVERGE", None)
        if diverge:
            env["SNAPSIM_TEST_LIGHTSSS_DIVERGE"] = diverge
        r = run(base + ["inject:kind:alu_bitflip", f"inject:instruction:{late}", *prog], env)
        want = "lightsss: replay diverged" if diverge else "lightsss: replay verified"
        if r.returncode != 4 or want not in r.stderr:
            fail(f"a failure at instruction {late} (hook {diverge}): exit status {r.returncode}, no {want!r}")
        print(f"ok: the failure at instruction {late}: {want}")


# name, arguments; each runs in a fresh directory of its own with a "scratch" directory in it
# (mem_writers' and mmap_past_eof's files go there).  (Not file_io: a replay runs the
# file-system calls after its snapshot again, on a file system the run has changed since, and
# says "replay diverged": README, LightSSS.)
PROGRAMS = [("mem_writers", ["8"]), ("mmap_ops", []), ("signals", []), ("mmap_past_eof", []),
            ("stdin_count", [])]


def case_programs(snapsim, work, guest):
    for name, args in PROGRAMS:
        d = os.path.join(work, "programs", name)
        subprocess.run(["rm", "-rf", d], check=True)
        os.makedirs(os.path.join(d, "scratch"))
        stats = os.path.join(d, "stats.json")
        prog = ["--", f"{guest}/{name}", *args]
        fast = subprocess.run([snapsim, "run", "--clear-env", "--config", f"stats:output_filename:{stats}", *prog],
                              cwd=d, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        n = json.load(open(stats))["instructions"]
        late = n * 9 // 10
        cmd = [snapsim, "run", "--clear-env", "--model", "oroblanco", "--difftest", "--lightsss", "--log", d,
               "--config", f"lightsss:interval:{max(1000, n // 10)}", "lightsss:slots:3", "lightsss:check_memory:true",
               "inject:kind:alu_bitflip", f"inject:instruction:{late}", *prog]
        r = subprocess.run(cmd, cwd=d, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if fast.returncode != 0 or r.returncode != 4 or "lightsss: replay verified" not in r.stderr:
            print(r.stderr)
            fail(f"{name}: a failure at instruction {late} of {n}: exit status {r.returncode}, not replayed exactly")
        print(f"ok: {name}: the failure at instruction {late} of {n} replayed exactly")


def session_procs(sid):
    """pids of the live processes in session sid (zombies count: they are left behind too)."""
    pids = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid:   # fields after "pid (comm)": state ppid pgrp session ...
            pids.append(int(d))
    return pids


def wait_until(pred, what, bound=120.0):
    deadline = time.monotonic() + bound
    while not pred():
        if time.monotonic() > deadline:
            fail(f"timed out waiting for {what}")
        time.sleep(0.02)


def check_procs(name, cmd, kill=None, stdin=subprocess.DEVNULL):
    p = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    sid = p.pid
    if kill is not None:
        # Parent plus both snapshot children exist once it is blocked reading its input.
        wait_until(lambda: len(session_procs(sid)) >= 3, f"{name}: fork snapshots")
        os.kill(p.pid, kill)
    p.wait()
    wait_until(lambda: not session_procs(sid), f"{name}: processes left behind: {session_procs(sid)}")
    print(f"ok: {name}: exit {p.returncode}, no process left")
    return p.returncode


def case_procs(snapsim, work, guest):
    logdir = os.path.join(work, "procs")
    os.makedirs(logdir, exist_ok=True)
    base = [snapsim, "run", "--model", "oroblanco", "--lightsss", "--log", logdir, "--config",
            "lightsss:interval:1000"]
    rc = check_procs("normal exit", base + ["--", f"{guest}/sum", "1", "2"])
    if rc != 0:
        fail(f"normal exit: status {rc}")
    rc = check_procs("failure", inject_cmd(snapsim, guest, logdir))
    if rc != 4:
        fail(f"failure: status {rc}")
    rc = check_procs("guest crash", base + ["--difftest", "--", f"{guest}/segfault"])
    if rc != 128 + signal.SIGSEGV:
        fail(f"guest crash: status {rc}")
    for sig in (signal.SIGTERM, signal.SIGKILL):
        # stdin_count blocks reading a pipe nobody writes: the run lasts until the signal.
        r, w = os.pipe()
        try:
            rc = check_procs(f"{signal.Signals(sig).name} of the parent",
                             base + ["--", f"{guest}/stdin_count"], kill=sig, stdin=r)
        finally:
            os.close(r)
            os.close(w)
        # SIGTERM ends the run cleanly (statistics written, status 128 + 15); SIGKILL kills it.
        expected = 128 + sig if sig == signal.SIGTERM else -sig
        if rc != expected:
            fail(f"{sig}: status {rc}, expected {expected}")


def main():
    snapsim, work, guest, case = sys.argv[1:]
    os.makedirs(work, exist_ok=True)
    if case == "replay":
        case_replay(snapsim, work, guest)
    elif case == "assert":
        case_trigger(snapsim, work, guest, "lost_flush", r"model assertion failed at cycle (\d+) .*program order")
    elif case == "watchdog":
        case_trigger(snapsim, work, guest, "lost_wakeup", r"watchdog: no instruction retired for 500 cycles \(cycle (\d+)")
    elif case == "stdin":
        case_stdin(snapsim, work, guest)
    elif case == "diverge":
        case_replay(snapsim, work, guest, diverge=True)
    elif case == "stops":
        case_stops(snapsim, work, guest)
    elif case == "stats":
        case_stats(snapsim, work, guest)
    elif case == "measure":
        case_measure(snapsim, work, guest)
    elif case == "memory":
        case_memory(snapsim, work, guest)
    elif case == "programs":
        case_programs(snapsim, work, guest)
    elif case == "procs":
        case_procs(snapsim, work, guest)
    else:
        fail(f"unknown case {case}")


if __name__ == "__main__":
    main()
