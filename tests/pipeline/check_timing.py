#!/usr/bin/env python3
"""Runs one pipeline microbenchmark case and checks its timing against an analytic value.

usage: check_timing.py SNAPSIM UBENCH_DIR CASE      (check_timing.py --list names the cases)

Each case runs tests/pipeline/PROGRAM.S on a model, counts statistics after a warm-up (so cold
caches and the predictor's first encounter with the loop are not counted), and compares the
cycles per committed instruction (CPI = cycles / commit.retires) with the value derived below,
within a relative tolerance.  The statistics' own invariant (the CPI stack sums to the cycles)
is checked on every run.

How the pipelines time a loop (pipeline.h, inorder.c):
  oroblanco  F D Is Ex Mem Cm, one instruction per stage, results forwarded (an ALU result is
             usable by the next instruction's Ex in the next cycle, a load's one cycle later),
             branches resolve in Ex: a misprediction costs 3 cycles (the correct next
             instruction is fetched the cycle after the branch's Ex instead of the cycle after
             its fetch).  btb2bit predicts a loop's backward branch taken from the second
             iteration on.  Without forwarding an instruction enters Is only once its producer
             has committed: producer Is at t, Ex t+1, Mem t+2, Cm t+3, consumer Is at t+3.
  pompia     F1 F2 D Is Ex Mem Cm, fetch one 16-byte block (4 instructions here) per cycle,
             decode/issue/commit 4, no forwarding, no prediction: every taken branch costs 4
             cycles (fetched at t in F1, resolved in Ex at t+4, target fetched at t+5).
  Caches (timing defaults): L1 16 sets x 2 ways x 16 B, hit 1 cycle; L2 32 x 16 x 16 B, +5;
             memory +25.  A load occupies Mem for its whole latency.
"""
import json
import os
import subprocess
import sys
import tempfile

# name: (model, program, [config], warmup instructions, expected CPI, relative tolerance, why)
CASES = {
    # 8 dependent adds + addi + bnez = 10 instructions.  Forwarding makes the chain run back to
    # back and the predicted loop branch costs nothing: 10 cycles per iteration.
    "oroblanco.dep_chain": ("oroblanco", "dep_chain", [], 200, 1.0, 0.01, "10 cycles / 10"),
    # Forwarding off: add k+1 enters Is 3 cycles after add k (add1 at S, add8 at S+21), addi
    # follows at S+22, bnez waits for addi's commit (S+25), add1' follows at S+26: 26 / 10.
    "oroblanco.dep_chain.no_forwarding":
        ("oroblanco", "dep_chain", ["alu:result_forwarding:false"], 200, 2.6, 0.01, "26 / 10"),
    # Pompia: the chain as above (adds 3 cycles apart, add8 in Is 21 cycles after add1, fetched
    # at c0 and in Is at c3); addi joins add8's issue group (c24), bnez enters Is when addi
    # commits (c27), resolves in Ex at c28, the loop restarts fetching at c29: 29 / 10.
    "pompia.dep_chain": ("pompia", "dep_chain", [], 200, 2.9, 0.01, "29 / 10"),
    # Independent adds: one instruction per cycle, the loop branch predicted: 10 / 10.
    "oroblanco.indep_adds": ("oroblanco", "indep_adds", [], 200, 1.0, 0.01, "10 / 10"),
    # The same with no predictor: the taken loop branch costs 3 cycles every iteration: 13 / 10.
    "oroblanco.indep_adds.no_predictor":
        ("oroblanco", "indep_adds", ["brpred:predictor_type:none"], 200, 1.3, 0.01, "13 / 10"),
    # Pompia: blocks of 4 fetched at c0, c1, c2; addi (first) in Is at c3 commits at c6; bnez
    # (fetched c2, D c4) may enter Is at c6, resolves at c7, refetch at c8: 8 / 10.
    "pompia.indep_adds": ("pompia", "indep_adds", [], 200, 0.8, 0.01, "8 / 10"),
    # A wide generic pipeline (fetch 8, decode 4, issue 4, commit 4, forwarding, btb2bit) is
    # fetch bound: blocks of 4, 4 and 2 instructions (the predicted-taken bnez ends the third):
    # 3 cycles / 10.  With issue width 2 it is issue bound: 5 / 10.
    "inorder.indep_adds.issue4":
        ("inorder", "indep_adds", ["fetch:width:8", "decode:max_instructions_to_decode:4",
                                   "issue:width:4", "commit:width:4"], 200, 0.3, 0.01, "3 / 10"),
    "inorder.indep_adds.issue2":
        ("inorder", "indep_adds", ["fetch:width:8", "decode:max_instructions_to_decode:4",
                                   "issue:width:2", "commit:width:4"], 200, 0.5, 0.01, "5 / 10"),
    # A load's value reaches Ex one cycle after the next instruction would: each of the 4
    # immediate uses costs one bubble, 14 / 10.  One instruction in between hides it: 10 / 10.
    "oroblanco.load_use.d1": ("oroblanco", "load_use_d1", [], 200, 1.4, 0.01, "14 / 10"),
    "oroblanco.load_use.d2": ("oroblanco", "load_use_d2", [], 200, 1.0, 0.01, "10 / 10"),
    # Dependent multiplies of latency 3 (not pipelined): mul k+1 enters Ex 3 cycles after mul k
    # (mul1 at S, mul8 at S+21), addi at S+24, bnez S+25, mul1' S+26: 26 / 10.  Latency 1: 10/10.
    "oroblanco.mul_chain": ("oroblanco", "mul_chain", [], 200, 2.6, 0.01, "26 / 10"),
    "oroblanco.mul_chain.latency1":
        ("oroblanco", "mul_chain", ["alu:mul_latency:1"], 200, 1.0, 0.01, "10 / 10"),
    # 4 instructions per block visited (ld, 2 addi, bnez) plus 1 in 257 for the outer loop.  After
    # the first sweep (the warm-up) every load misses L1 and hits L2: Mem holds it 1 + 5 = 6
    # cycles, 5 extra: 9 / 4 = 2.25.
    "oroblanco.stride.l2_hits": ("oroblanco", "stride", [], 1100, 2.25, 0.02, "9 / 4"),
    # A 512-set (8 KiB) L1 D-cache holds the array: every load hits, 4 / 4.
    "oroblanco.stride.big_l1":
        ("oroblanco", "stride", ["lsu:l1dc_nsets:512"], 1100, 1.0, 0.02, "4 / 4"),
    # A 4-set (1 KiB) L2 cannot hold it either: 1 + 5 + 25 = 31 cycles, 30 extra: 34 / 4 = 8.5.
    "oroblanco.stride.small_l2":
        ("oroblanco", "stride", ["l2:nsets:4"], 1100, 8.5, 0.02, "34 / 4"),
}

# A branch on LFSR bits: checked by its cost per misprediction rather than by a fixed CPI, since
# the number of mispredictions depends on the bit sequence: with no data hazards (the andi result
# is forwarded to the beqz), cycles = retired instructions + 3 x mispredictions, give or take the
# one I-cache miss of the exit code (30 cycles).  The predictor must be wrong on about half of
# the 5000 data-dependent branches (the loop branch is predicted): 30-70 % of iterations.
LFSR_CASE = "oroblanco.lfsr_branch"

# A hang guard only (tests/lib/hang_guard.sh): far above any run, scaled for slow machines.
HANG_GUARD = 600 * int(os.environ.get("SNAPSIM_TIMEOUT_SCALE", "1"))


def run(snapsim, ubench_dir, model, program, config, warmup):
    with tempfile.TemporaryDirectory() as tmp:
        stats_path = os.path.join(tmp, "stats.json")
        cmd = [snapsim, "run", "--model", model, "--config",
               "stats:output_filename:" + stats_path, "--config",
               "stats:warmup_instructions:%d" % warmup]
        for c in config:
            cmd += ["--config", c]
        cmd.append(os.path.join(ubench_dir, program))
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=HANG_GUARD)
        if proc.returncode != 0:
            sys.exit("FAIL: %s exited with %d: %s" % (" ".join(cmd), proc.returncode,
                                                     proc.stderr.strip()))
        with open(stats_path) as f:
            stats = json.load(f)
    core = stats["0"]
    cycles = stats["cycle"]
    stack = core["cpi_stack"]
    if sum(stack.values()) != cycles:
        sys.exit("FAIL: CPI stack %s sums to %d, not %d cycles" % (stack, sum(stack.values()), cycles))
    return stats, core, cycles, core["commit"]["retires"]


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "--list":
        print("\n".join(sorted(list(CASES) + [LFSR_CASE])))
        return
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    snapsim, ubench_dir, case = sys.argv[1:]
    if case == LFSR_CASE:
        _, core, cycles, retires = run(snapsim, ubench_dir, "oroblanco", "lfsr_branch", [], 200)
        mispredictions = core["brpred"]["mispredictions"]
        model = retires + 3 * mispredictions
        print("%s: %d cycles, %d instructions, %d mispredictions; model %d" %
              (case, cycles, retires, mispredictions, model))
        if not 0 <= cycles - model <= 40:
            sys.exit("FAIL: cycles - (instructions + 3 x mispredictions) = %d, expected 0..40" %
                     (cycles - model))
        if not 0.3 * 5000 <= mispredictions <= 0.7 * 5000:
            sys.exit("FAIL: %d mispredictions in 5000 iterations, expected 30-70 %%" % mispredictions)
        print("PASS")
        return
    if case not in CASES:
        sys.exit("unknown case %s (try --list)" % case)
    model, program, config, warmup, expected, tolerance, why = CASES[case]
    _, _, cycles, retires = run(snapsim, ubench_dir, model, program, config, warmup)
    cpi = cycles / retires
    print("%s: %d cycles / %d instructions = CPI %.4f; expected %.4f (%s) within %.0f %%" %
          (case, cycles, retires, cpi, expected, why, tolerance * 100))
    if abs(cpi - expected) > tolerance * expected:
        sys.exit("FAIL")
    print("PASS")


if __name__ == "__main__":
    main()
