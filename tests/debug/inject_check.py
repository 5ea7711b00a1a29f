#!/usr/bin/env python3
"""An injected fault is caught by DiffTest at the instruction it struck, naming the right field.

usage: inject_check.py SNAPSIM WORKDIR KIND AT FIELD MNEMONIC [--machine bare] PROGRAM [ARGS...]

Runs PROGRAM on oroblanco with --difftest and inject:kind:KIND inject:instruction:AT, then checks:
exit status 4; the model's "inject: KIND applied to instruction N" line with N >= AT; the
DiffTest report names instruction N, FIELD and an instruction whose disassembly starts with
MNEMONIC; the history shows exactly difftest:history (3) commits of each side, the last being N;
stats.json says difftest.mismatch 1 and difftest.compared N.
"""
import json
import os
import re
import subprocess
import sys

HISTORY = 3


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


def main():
    snapsim, work, kind, at, field, mnemonic, *prog = sys.argv[1:]
    machine = prog[:2] if prog[0] == "--machine" else []
    prog = prog[len(machine):]
    os.makedirs(work, exist_ok=True)
    snapsim, stats = os.path.abspath(snapsim), os.path.abspath(
        os.path.join(work, f"inject-{kind}{'-' + machine[1] if machine else ''}.json"))
    # The program path is the guest's argv[0] and lies on its stack, so the instruction stream
    # depends on its length: run it by a name that is the same wherever the tree is checked out.
    where, prog[0] = os.path.dirname(os.path.abspath(prog[0])), "./" + os.path.basename(prog[0])
    cmd = [snapsim, "run", *machine, "--model", "oroblanco", "--difftest", "--config",
           f"inject:kind:{kind}", f"inject:instruction:{at}", f"difftest:history:{HISTORY}",
           f"stats:output_filename:{stats}", "--", *prog]
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=where)
    err = r.stderr
    print(err)
    if r.returncode != 4:
        fail(f"exit status {r.returncode}, expected 4 (DiffTest mismatch)")
    m = re.search(rf"inject: {kind} applied to instruction (\d+) at pc (0x[0-9a-f]+)", err)
    if not m:
        fail("no 'inject: ... applied' line")
    n = int(m.group(1))
    if n < int(at):
        fail(f"injected at instruction {n}, before {at}")
    rep = re.search(r"difftest: mismatch at instruction (\d+) \(cycle \d+\), pc (0x[0-9a-f]+) "
                    r"\(0x[0-9a-f]+\) (\S+) [^:]*: (.*?): model 0x[0-9a-f]+, reference 0x[0-9a-f]+", err)
    if not rep:
        fail("no DiffTest report line")
    if int(rep.group(1)) != n or rep.group(2) != m.group(2):
        fail(f"mismatch reported at instruction {rep.group(1)}, injected at {n}")
    if not rep.group(3).startswith(mnemonic):
        fail(f"reported instruction {rep.group(3)}, expected {mnemonic}")
    if not rep.group(4).startswith(field):
        fail(f"reported field '{rep.group(4)}', expected '{field}'")
    for side in ("model", "reference"):
        block = re.search(rf"last (\d+) commits of the {side}:\n((?:snapsim: difftest:   .*\n)*)", err)
        if not block or int(block.group(1)) != HISTORY:
            fail(f"no history of {HISTORY} commits of the {side}")
        lines = block.group(2).splitlines()
        if len(lines) != HISTORY or not lines[-1].startswith(f"snapsim: difftest:   #{n} "):
            fail(f"history of the {side} does not end at instruction {n}: {lines}")
    with open(stats) as f:
        dt = json.load(f)["difftest"]
    if dt != {"compared": n, "mismatch": 1}:
        fail(f"stats difftest = {dt}, expected compared {n}, mismatch 1")
    print(f"ok: {kind} caught at instruction {n}, field '{rep.group(4)}'")


main()
