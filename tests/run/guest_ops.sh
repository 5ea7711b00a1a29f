#!/usr/bin/env bash
# The guest operations (guest/include/snapsim/ops.h), one aspect per call:
#   guest_ops.sh SNAPSIM GUEST_DIR EXPECT_DIR WORK_BASE WHAT
# WHAT: each-model | exit-fail | checkpoint | exact-stop | work-end | wrong-path | bad-use |
#       tool | hackback | qemu
set -u
snapsim="$1" guest="$2" expect="$(cd "$3" && pwd)" work_base="$4" what="$5"
models="fast pompia oroblanco inorder"
. "$(dirname "$0")/run_lib.sh" "$work_base"
same() { cmp -s "$1" "$2" || fail "$3: $(diff "$1" "$2" | head -20)"; }
snapname() { printf '%s.%015d.snapshot' "$1" "$2"; }

case "$what" in
each-model)
    # Every op, good and bad uses, gives the same results in every model; nothing is written
    # outside the output directory; the work regions count the same instructions.
    printf 'abcdefgh\n' > input.txt
    for model in $models; do
        mkdir "o.$model" && ln -s "$w/outside.txt" "o.$model/link"
        run 0 --model "$model" --log "o.$model" --readfile input.txt -- ops_test all
        same "$expect/ops_test.expected" "$w/out" "$model: results differ"
        [ "$(cat "o.$model/out.txt")" = "hello world" ] || fail "$model: out.txt is '$(cat "o.$model/out.txt")'"
        [ ! -e outside.txt ] && [ ! -e escape.txt ] && [ ! -e /tmp/snapsim-ops-absolute.txt ] \
            && [ ! -e "o.$model/sub" ] && [ ! -e "o.$model/u.txt" ] && [ ! -e "o.$model/big.txt" ] \
            || fail "$model: a refused writefile wrote something"
        grep -q "work_end 3 without work_begin: ignored" "$w/err" || fail "$model: no warning for work_end 3"
        stats "o.$model/stats.json" '[x["dump_cause"] for x in d] == ["dump_stats", "end"]' \
            's["work"]["1"]["regions"] == 1 and s["work"]["2"]["regions"] == 2' '"3" not in s["work"]' \
            'd[0]["work"] == s["work"]' 's["begin_instret"] > 0'
        python3 -c "import json; s = json.load(open('o.$model/stats.json')); \
print(s['begin_instret'], *(s['work'][k]['instructions'] for k in ('1', '2')))" > "$w/counts.$model"
        same "$w/counts.fast" "$w/counts.$model" "$model: reset point or region instructions differ from fast"
    done
    # In the fast model a cycle is an instruction.
    stats o.fast/stats.json 'all(v["cycles"] == v["instructions"] for v in s["work"].values())'
    ;;
exit-fail)
    for model in $models; do
        run 7 --model "$model" --log "e.$model" -- ops_test exit 7
        grep -q "not exited" "$w/out" && fail "$model: the run went on after the exit op"
        stats "e.$model/stats.json" 's["exit_cause"] == "exit"' 's["exit_status"] == 7'
        run 5 --model "$model" --log "f.$model" -- ops_test fail 5
        grep -q "not failed" "$w/out" && fail "$model: the run went on after the fail op"
        grep -q "the guest reported a failure (code 5)" "$w/err" || fail "$model: no failure message"
        stats "f.$model/stats.json" 's["exit_cause"] == "fail"' 's["exit_status"] == 5'
        run 1 --model "$model" --log "z.$model" -- ops_test fail 0
        grep -q "exit cause fail, status 1" "z.$model/snapsim.log" || fail "$model: no fail cause in the log"
    done
    ;;
checkpoint)
    # --on-checkpoint snapshot (default) / exit / ignore; the snapshot is named by its count.
    for model in $models; do
        run 0 --model "$model" --log "x.$model" --on-checkpoint exit -- ops_test checkpoint
        [ "$(cat "$w/out")" = before ] || fail "$model: exit mode printed '$(cat "$w/out")'"
        stats "x.$model/stats.json" 's["exit_cause"] == "checkpoint"'
        n=$(python3 -c "import json; print(json.load(open('x.$model/stats.json'))['end_instret'])")
        [ -d "$(snapname "x.$model/mainmem.raw" "$n")" ] || fail "$model: no snapshot named by count $n"
        grep -q "taken at the guest's checkpoint (instruction $n)" "x.$model/snapsim.log" || fail "$model: not in the log"
        run 0 --model "$model" --log "s.$model" -- ops_test checkpoint
        [ "$(cat "$w/out")" = "$(printf 'before\nafter: 0')" ] || fail "$model: snapshot mode printed '$(cat "$w/out")'"
        [ -d "$(snapname "s.$model/mainmem.raw" "$n")" ] || fail "$model: snapshot mode took no snapshot at $n"
        stats "s.$model/stats.json" 's["exit_cause"] == "exit"'
        run 0 --model "$model" --log "i.$model" --on-checkpoint ignore -- ops_test checkpoint
        ls "i.$model" | grep -q snapshot && fail "$model: ignore mode took a snapshot"
        # The snapshot resumes after the op, which returns 0 there too.
        run 0 --model "$model" --log "r.$model" --restore "$(snapname "x.$model/mainmem.raw" "$n")"
        [ "$(cat "$w/out")" = "after: 0" ] || fail "$model: restored run printed '$(cat "$w/out")'"
    done
    ;;
exact-stop)
    # Stops right before and right after the op (the ecall is instruction N).
    run 0 --log x --on-checkpoint exit -- ops_test checkpoint
    n=$(python3 -c "import json; print(json.load(open('x/stats.json'))['end_instret'])")
    run 0 --log b --max-instructions $((n - 1)) -- ops_test checkpoint
    grep -q "guest's checkpoint" b/snapsim.log && fail "a stop before the op took the guest's snapshot"
    run 0 --log pre --snapshots $((n - 1)) --on-checkpoint ignore -- ops_test checkpoint
    run 0 --log at --snapshots "$n" -- ops_test checkpoint   # the op's snapshot and the point are one
    [ "$(ls at | grep -c snapshot)" = 1 ] || fail "a snapshot point at the op gave $(ls at | grep -c snapshot) snapshots"
    for model in $models; do
        run 0 --model "$model" --log "before.$model" --on-checkpoint exit --restore "$(snapname pre/mainmem.raw $((n - 1)))"
        [ -d "$(snapname "before.$model/mainmem.raw" "$n")" ] || fail "$model: restored before the op, no snapshot at $n"
        stats "before.$model/stats.json" 's["exit_cause"] == "checkpoint"' "s['instructions'] == 1"
        run 0 --model "$model" --log "after.$model" --restore "$(snapname x/mainmem.raw "$n")"
        grep -q "guest's checkpoint" "after.$model/snapsim.log" && fail "$model: restored after the op, it ran again"
        [ "$(cat "$w/out")" = "after: 0" ] || fail "$model: restored after the op printed '$(cat "$w/out")'"
    done
    ;;
work-end)
    for model in $models; do
        run 0 --model "$model" --log "w.$model" --work-end-exit 3 -- ops_test work 5
        [ "$(cat "$w/out")" = "$(printf 'region 1\nregion 2')" ] || fail "$model: printed '$(cat "$w/out")'"
        stats "w.$model/stats.json" 's["exit_cause"] == "work-end"' 's["exit_status"] == 0' \
            's["work"]["7"]["regions"] == 3'
        run 0 --model "$model" --log "d.$model" --config stats:reset_on_work_begin:true stats:dump_on_work_end:true \
            -- ops_test work 4
        stats "d.$model/stats.json" '[x["dump_cause"] for x in d] == ["work_end"] * 4 + ["end"]' \
            'all(x["work"]["7"]["regions"] == i + 1 for i, x in enumerate(d[:4]))' \
            'all(x["instructions"] == d[0]["instructions"] for x in d[1:4])' \
            'd[3]["begin_instret"] > d[0]["begin_instret"]'
    done
    ;;
wrong-path)
    # The work_begin(99) after a taken branch is fetched (the trace shows a fourth ecall) and
    # flushed: it must leave no trace in the statistics.
    for model in fast pompia oroblanco; do
        trace=()
        [ "$model" = fast ] || trace=(--pipeline-trace "$w/$model.kanata")
        run 0 --model "$model" --log "p.$model" "${trace[@]}" -- ops_wrong_path
        stats "p.$model/stats.json" 'list(s["work"]) == ["5"]' 's["work"]["5"]["regions"] == 1'
        if [ "$model" != fast ]; then
            [ "$(grep -c 'ecall' "$w/$model.kanata")" -ge 4 ] || fail "$model: the wrong-path op was not fetched; the test proves nothing"
        fi
    done
    ;;
bad-use)
    run 0 --log n -- ops_test all        # no --readfile: -ENOENT
    grep -q "^readfile: -2 \[\]" "$w/out" || fail "readfile without --readfile: $(head -1 "$w/out")"
    run 0 -- ops_test all                # no output directory: writefile -EPERM
    grep -q "^writefile: -1$" "$w/out" || fail "writefile without --log: $(grep '^writefile:' "$w/out")"
    run 2 --readfile "$w/missing.txt" -- ops_test all
    grep -q "snapsim: cannot read --readfile $w/missing.txt" "$w/err" || fail "no message for a missing --readfile"
    [ ! -s "$w/out" ] || fail "the guest ran with a missing --readfile"
    run 2 --on-checkpoint sometimes -- ops_test all
    grep -q "on-checkpoint needs snapshot, exit or ignore" "$w/err" || fail "bad --on-checkpoint accepted"
    run 2 --work-end-exit 0 -- ops_test all
    ;;
tool)
    # snapsim-op runs the ops from the shell.
    printf 'line one\nline two\n' > input.txt
    run 0 --readfile input.txt -- snapsim-op readfile
    same input.txt "$w/out" "snapsim-op readfile"
    mkdir t
    printf 'written by the guest\n' | "$snapsim" run --log t -- snapsim-op writefile result.txt > /dev/null 2>&1 \
        || fail "snapsim-op writefile failed"
    [ "$(cat t/result.txt)" = "written by the guest" ] || fail "result.txt is '$(cat t/result.txt)'"
    run 1 --log t2 -- snapsim-op writefile ../up.txt
    [ ! -e up.txt ] || fail "snapsim-op writefile ../up.txt wrote outside"
    run 0 --log c --on-checkpoint exit -- snapsim-op checkpoint
    stats c/stats.json 's["exit_cause"] == "checkpoint"'
    run 4 -- snapsim-op exit 4
    run 6 -- snapsim-op fail 6
    run 0 --log r -- snapsim-op workbegin 3
    run 2 -- snapsim-op frobnicate
    ;;
hackback)
    # The hack-back flow: one checkpoint after the start-up, restored with different scripts;
    # each restored run's output continues the checkpoint run's into what a straight run of
    # that script prints, and the regions count the same instructions.
    entries=10000
    printf 'lookup 3000\nsearch 2000\n' > A.txt
    printf '# another experiment\nsum 5000\ncrc 4000\nlookup 1000\n' > B.txt
    run 0 --log ck --on-checkpoint exit -- hackback $entries
    cp "$w/out" prefix.out
    stats ck/stats.json 's["exit_cause"] == "checkpoint"'
    snap=$(ls -d ck/mainmem.raw.*.snapshot)
    for script in A B; do
        for model in fast pompia; do
            run 0 --model "$model" --log "st.$script.$model" --on-checkpoint ignore --readfile $script.txt -- hackback $entries
            cp "$w/out" straight.out
            run 0 --model "$model" --log "re.$script.$model" --readfile $script.txt --restore "$snap"
            cat prefix.out "$w/out" > joined.out
            same straight.out joined.out "$script/$model: checkpoint + restored output differs from a straight run"
            stats "re.$script.$model/config.json" "s['readfile']['path'] == '$script.txt'"
            python3 - "st.$script.$model/stats.json" "re.$script.$model/stats.json" "$model" <<'PY' \
                || fail "$script/$model: region statistics differ between the straight and the restored run"
import json, sys
a, b = (json.load(open(p))["work"] for p in sys.argv[1:3])
keys = ("regions", "instructions", "cycles") if sys.argv[3] == "fast" else ("regions", "instructions")
sys.exit(0 if a.keys() == b.keys() and len(a) >= 2 and
         all(a[k][f] == b[k][f] for k in a for f in keys) else 1)
PY
        done
    done
    ;;
qemu)
    # Outside snapsim every op answers -ENOSYS and does nothing; the example falls back to its
    # SCRIPT argument and prints what snapsim prints with --readfile.
    command -v qemu-riscv64 > /dev/null || { echo "SKIP: qemu-riscv64 not installed"; exit 0; }
    qemu-riscv64 "$guest/ops_test" all > q.out 2> /dev/null || fail "ops_test under qemu exited $?"
    same "$expect/ops_test.qemu.expected" q.out "ops_test under qemu"
    qemu-riscv64 "$guest/ops_test" exit 3 > q.out || fail "exit op under qemu: status $?"
    [ "$(cat q.out)" = "not exited" ] || fail "exit op under qemu printed '$(cat q.out)'"
    printf 'search 500\nsum 100\n' > A.txt
    qemu-riscv64 "$guest/hackback" 5000 A.txt > q.out || fail "hackback under qemu exited $?"
    run 0 --readfile A.txt --on-checkpoint ignore -- hackback 5000
    same "$w/out" q.out "hackback under qemu and under snapsim"
    qemu-riscv64 "$guest/snapsim-op" checkpoint 2> q.err && fail "snapsim-op under qemu succeeded"
    grep -q "not running under snapsim" q.err || fail "snapsim-op under qemu: '$(cat q.err)'"
    ;;
*)
    fail "unknown aspect"
    ;;
esac
echo "PASS $what"
