# Reproducible counts (tests/repro/same_counts.sh): one command line, run from directories of
# different lengths, with stdin from a file or a pipe, stdout to a file, a pipe, /dev/null or a
# terminal, and with different host environments, retires the same instructions and gives the
# same output and statistics -- on the fast model and a pipeline model; and a snapshot records
# what can change the stream (run_object.sh).
set(REPRO_DIR ${CMAKE_CURRENT_LIST_DIR})
add_guest_program(hostview SOURCES ${REPRO_DIR}/hostview.c)
foreach(model fast pompia)
  add_test(NAME repro.${model}.hostview
           COMMAND ${REPRO_DIR}/same_counts.sh $<TARGET_FILE:snapsim> ${model}
                   ${CMAKE_BINARY_DIR}/repro-work ${GUEST_DIR}/hostview)
endforeach()
add_test(NAME repro.fast.sum
         COMMAND ${REPRO_DIR}/same_counts.sh $<TARGET_FILE:snapsim> fast
                 ${CMAKE_BINARY_DIR}/repro-work sum 1 2)
set_tests_properties(repro.fast.hostview repro.pompia.hostview repro.fast.sum
                     PROPERTIES LABELS "repro")
add_test(NAME repro.run_object
         COMMAND ${REPRO_DIR}/run_object.sh $<TARGET_FILE:snapsim> ${CMAKE_BINARY_DIR}/repro-work)
set_tests_properties(repro.run_object PROPERTIES LABELS "repro;snapshot")
