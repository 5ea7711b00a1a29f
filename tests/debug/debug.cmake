# Tests of the debugging tools (src/debug): DiffTest, injected faults, commit logs.
#
#   debug.inject.KIND      an injected fault is caught at the instruction it struck, with the
#                          right field named (inject_check.py); debug.inject.bare.KIND on the
#                          bare machine
#   debug.commit_log.*     the fast model's and a pipeline's commit logs of one program are equal,
#                          and a window selects exactly its instructions (commit_log_check.sh)
#   debug.wave[.bare]      --wave writes a VCD that check_vcd.py and GTKWave's vcd2fst accept (wave_check.sh),
#                          of a Linux program and of a bare-machine one
#   debug.lightsss.CASE    fork snapshots and the replay of a failure (lightsss_check.py)
#   debug.snapshot_fork.*  snapshots written by a forked child (snapshot_fork_check.py)
#   debug.bad.*            bad debugging options fail before the run with a one-line message
set(DEBUG_DIR ${CMAKE_CURRENT_LIST_DIR})
set(DEBUG_WORK ${CMAKE_BINARY_DIR}/debug-test-work)
set(DEBUG_UBENCH ${GUEST_DIR}/pipeline)

function(debug_inject kind at field mnemonic)
  add_test(NAME debug.inject.${kind}
           COMMAND ${PYTHON3} ${DEBUG_DIR}/inject_check.py $<TARGET_FILE:snapsim> ${DEBUG_WORK}
                   ${kind} ${at} ${field} ${mnemonic} ${ARGN})
  set_tests_properties(debug.inject.${kind} PROPERTIES LABELS "debug")
endfunction()
debug_inject(alu_bitflip 50 "destination value" add ${DEBUG_UBENCH}/dep_chain)
debug_inject(stale_forward 50 "destination value" add ${DEBUG_UBENCH}/dep_chain)
debug_inject(branch_target 50 "next pc" bne ${DEBUG_UBENCH}/dep_chain)
debug_inject(drop_store 5000 "memory access" c.sd ${GUEST_DIR}/sum 1 2 3)
# The same on the bare machine (a system-mode reference, tests/priv's load/store test under Sv39).
function(debug_inject_bare kind at field mnemonic)
  add_test(NAME debug.inject.bare.${kind}
           COMMAND ${PYTHON3} ${DEBUG_DIR}/inject_check.py $<TARGET_FILE:snapsim> ${DEBUG_WORK}
                   ${kind} ${at} ${field} ${mnemonic} --machine bare ${GUEST_DIR}/priv/int_loadstore.v)
  set_tests_properties(debug.inject.bare.${kind} PROPERTIES LABELS "debug")
endfunction()
debug_inject_bare(alu_bitflip 50 "destination value" c.li)
debug_inject_bare(stale_forward 50 "destination value" addi)
debug_inject_bare(branch_target 50 "next pc" bne)
debug_inject_bare(drop_store 20 "memory access" c.sd)

add_test(NAME debug.commit_log
         COMMAND ${DEBUG_DIR}/commit_log_check.sh $<TARGET_FILE:snapsim> ${DEBUG_WORK} ${GUEST_DIR}/sum)
set_tests_properties(debug.commit_log PROPERTIES LABELS "debug")

# Bad values are rejected before the guest runs (it would print its sum on stdout).
function(debug_bad name regex)
  add_test(NAME debug.bad.${name} COMMAND ${DEBUG_DIR}/expect_error.sh ${regex} $<TARGET_FILE:snapsim>
                                          run ${ARGN} ${GUEST_DIR}/sum 1 2)
  set_tests_properties(debug.bad.${name} PROPERTIES LABELS "debug")
endfunction()
debug_bad(difftest_fast "--difftest checks a detailed model" --difftest)
debug_bad(window "--trace-window needs" --commit-log ${DEBUG_WORK}/bad.log --trace-window 9-3)
debug_bad(commit_log_dir "cannot create commit log" --commit-log ${DEBUG_WORK}/no/such/dir/x.log)
debug_bad(history_zero "difftest:history" --model oroblanco --difftest --config difftest:history:0)

find_program(VCD2FST vcd2fst)
if(NOT VCD2FST)
  set(VCD2FST vcd2fst)   # the test reports it missing
endif()
add_test(NAME debug.wave
         COMMAND ${DEBUG_DIR}/wave_check.sh $<TARGET_FILE:snapsim> ${VCD2FST} ${DEBUG_WORK}
                 ${GUEST_DIR}/sum 1 2 3 4 5 6 7 8 9)
set_tests_properties(debug.wave PROPERTIES LABELS "debug")
# The same on the bare machine: the paging test (Sv39, page faults) is shorter, hence its window.
add_test(NAME debug.wave.bare
         COMMAND ${DEBUG_DIR}/wave_check.sh $<TARGET_FILE:snapsim> ${VCD2FST} ${DEBUG_WORK}
                 --machine bare --window 500-4500 ${GUEST_DIR}/priv/paging)
set_tests_properties(debug.wave.bare PROPERTIES LABELS "debug")

foreach(case replay assert watchdog stdin diverge stops stats measure memory programs procs)
  add_test(NAME debug.lightsss.${case}
           COMMAND ${PYTHON3} ${DEBUG_DIR}/lightsss_check.py $<TARGET_FILE:snapsim> ${DEBUG_WORK}/lightsss
                   ${GUEST_DIR} ${case})
  set_tests_properties(debug.lightsss.${case} PROPERTIES LABELS "debug")
endforeach()
set(LSS_RUN --model oroblanco --lightsss --log ${DEBUG_WORK}/lightsss-bad)
debug_bad(lightsss_slots "lightsss:slots must be at least 1" ${LSS_RUN} --config lightsss:slots:0)
debug_bad(lightsss_interval "lightsss:interval must be at least 1" ${LSS_RUN} --config lightsss:interval:0)
debug_bad(lightsss_window "lightsss:window .* must not exceed" ${LSS_RUN}
          --config lightsss:interval:100 lightsss:slots:2 lightsss:window:201)
debug_bad(lightsss_measure "lightsss:measure must be 0 .off. or at least 2" ${LSS_RUN} --config lightsss:measure:1)
debug_bad(lightsss_log_dir "cannot" --model oroblanco --lightsss --log /dev/null/replay)
debug_bad(lightsss_fast "--lightsss forks at cycle boundaries" --lightsss)

# Background snapshots (src/cli/snapshot_fork.c): equal to synchronous ones (also while the guest
# reads a regular file), synchronous when the guest's host files could change under the child, a
# child's failure reported.
foreach(case same input obstacle fail successor)
  add_test(NAME debug.snapshot_fork.${case}
           COMMAND ${PYTHON3} ${DEBUG_DIR}/snapshot_fork_check.py $<TARGET_FILE:snapsim>
                   ${DEBUG_WORK}/snapshot_fork ${GUEST_DIR} ${case})
  set_tests_properties(debug.snapshot_fork.${case} PROPERTIES LABELS "debug")
endforeach()
debug_bad(snapshot_jobs "snapshot:jobs: 0 is out of range" --config snapshot:jobs:0)
