# `snapsim run` outputs and exit causes (tests/run/run_outputs.sh) and the guest ops
# (tests/run/guest_ops.sh).  Include after tests/programs/programs.cmake (the programs it runs).
set(RUN_TEST_DIR ${CMAKE_CURRENT_LIST_DIR})
set(RUN_TEST_WORK ${CMAKE_BINARY_DIR}/run-test-work)
foreach(what causes outdir unwritable interrupt dumps progress restore-window baselines)
  add_test(NAME run.${what}
           COMMAND ${RUN_TEST_DIR}/run_outputs.sh $<TARGET_FILE:snapsim> ${GUEST_DIR} ${RUN_TEST_WORK} ${what})
  set_tests_properties(run.${what} PROPERTIES TIMEOUT 300 LABELS "run")
endforeach()
