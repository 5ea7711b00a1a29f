# `snapsim run` outputs and exit causes (tests/run/run_outputs.sh) and the guest ops
# (tests/run/guest_ops.sh).  Include after tests/programs/programs.cmake (the programs it runs).
set(RUN_TEST_DIR ${CMAKE_CURRENT_LIST_DIR})
set(RUN_TEST_WORK ${CMAKE_BINARY_DIR}/run-test-work)
foreach(what causes outdir unwritable interrupt dumps progress restore-window baselines)
  add_test(NAME run.${what}
           COMMAND ${RUN_TEST_DIR}/run_outputs.sh $<TARGET_FILE:snapsim> ${GUEST_DIR} ${RUN_TEST_WORK} ${what})
  set_tests_properties(run.${what} PROPERTIES LABELS "run")
endforeach()

# Guest programs of the guest-op tests.
set(RUN_OPS_FLAGS -I${CMAKE_SOURCE_DIR}/guest/include)
add_guest_program(ops_test SOURCES ${RUN_TEST_DIR}/ops_test.c FLAGS -O2 ${RUN_OPS_FLAGS})
add_guest_program(ops_wrong_path SOURCES ${RUN_TEST_DIR}/ops_wrong_path.S FLAGS -nostdlib ${RUN_OPS_FLAGS})
foreach(what each-model exit-fail checkpoint exact-stop work-end wrong-path bad-use tool hackback qemu)
  add_test(NAME ops.${what}
           COMMAND ${RUN_TEST_DIR}/guest_ops.sh $<TARGET_FILE:snapsim> ${GUEST_DIR} ${RUN_TEST_DIR}
                   ${RUN_TEST_WORK} ${what})
  set_tests_properties(ops.${what} PROPERTIES LABELS "run")
endforeach()

# Guest processes (tests/run/processes.sh): per-process statistics, snapshots refused while a
# child exists, no simulator left behind.
add_guest_program(proc_children SOURCES ${RUN_TEST_DIR}/proc_children.c FLAGS -O2 ${RUN_OPS_FLAGS})
foreach(what stats snapshot orphans)
  add_test(NAME processes.${what}
           COMMAND ${RUN_TEST_DIR}/processes.sh $<TARGET_FILE:snapsim> ${GUEST_DIR} ${RUN_TEST_WORK} ${what})
  set_tests_properties(processes.${what} PROPERTIES LABELS "run;processes")
endforeach()
