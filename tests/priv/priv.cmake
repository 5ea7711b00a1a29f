# Conformance tests on the bare machine (--machine bare, src/priv), from sources in this tree:
#
#   priv.isa.NAME.p / .v  every tests/isa/NAME.S (the user-level tests that also run as Linux
#                         programs) in the -p environment (U-mode, no paging) and the -v one
#                         (U-mode under Sv39), see tests/priv/env/env.h
#   priv.NAME             every tests/priv/NAME.S, privileged tests that run in M-mode and
#                         set up the modes, traps and page tables they test
#
# Each exits with 0 when every case passes, else with the failing case's number.  Each also runs
# on every pipeline model, as NAME.pompia, NAME.oroblanco and NAME.inorder (label "pipeline"):
# the privileged rules are the same code there (src/priv), reached from the pipeline's fetch
# and commit stages.  Those runs are under --difftest: every retired instruction and trap is
# checked against the fast model in lock-step (a mismatch exits with status 4).
# Included from tests/CMakeLists.txt; needs GUEST_DIR and RISCV_LINUX_GCC (cmake/guest.cmake).
set(PRIV_ENV_DIR ${CMAKE_CURRENT_LIST_DIR}/env)
set(PRIV_ENV_FILES ${PRIV_ENV_DIR}/crt.S ${PRIV_ENV_DIR}/env.h ${PRIV_ENV_DIR}/link.ld)
# User-level tests that need Linux itself (int_fence maps memory with mmap).
set(PRIV_LINUX_ONLY int_fence)
file(MAKE_DIRECTORY ${GUEST_DIR}/priv)
set(PRIV_TEST_PROGRAMS)

# priv_add_test(NAME PROGRAM): the test on the fast model and its variants on the pipelines.
set(PRIV_PIPELINE_MODELS pompia oroblanco inorder)
function(priv_add_test name prog)
  add_test(NAME ${name} COMMAND sh ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/run_bare.sh $<TARGET_FILE:snapsim> ${prog})
  foreach(model ${PRIV_PIPELINE_MODELS})
    add_test(NAME ${name}.${model}
             COMMAND sh ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/run_bare.sh $<TARGET_FILE:snapsim> ${prog} -m ${model}
                     --difftest)
    set_tests_properties(${name}.${model} PROPERTIES LABELS "pipeline")
  endforeach()
endfunction()

# priv_test_program(OUT ENV SOURCE): builds SOURCE with the environment ENV (PHYSICAL, VIRTUAL,
# MACHINE) into OUT.
function(priv_test_program out env src)
  add_custom_command(OUTPUT ${out}
    COMMAND ${RISCV_LINUX_GCC} -static -nostdlib -nostartfiles -march=rv64gc -mabi=lp64d
            -DENV_${env} -DTEST_ENTRY=test_main -I${CMAKE_CURRENT_LIST_DIR}/../isa -I${PRIV_ENV_DIR}
            -I${CMAKE_SOURCE_DIR}/guest/include
            -T ${PRIV_ENV_DIR}/link.ld -Wl,--no-warn-rwx-segments -o ${out} ${PRIV_ENV_DIR}/crt.S ${src}
    DEPENDS ${src} ${PRIV_ENV_FILES} ${ISA_TEST_HEADERS} ${PRIV_TEST_HEADERS}
    COMMENT "Building bare-machine test ${out}"
    VERBATIM)
  set(PRIV_TEST_PROGRAMS ${PRIV_TEST_PROGRAMS} ${out} PARENT_SCOPE)
endfunction()

foreach(src ${ISA_TEST_SOURCES})
  get_filename_component(name ${src} NAME_WLE)
  if(name IN_LIST PRIV_LINUX_ONLY)
    continue()
  endif()
  foreach(env p v)
    if(env STREQUAL p)
      set(define PHYSICAL)
    else()
      set(define VIRTUAL)
    endif()
    set(out ${GUEST_DIR}/priv/${name}.${env})
    priv_test_program(${out} ${define} ${src})
    priv_add_test(priv.isa.${name}.${env} ${out})
  endforeach()
endforeach()

file(GLOB PRIV_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.S)
file(GLOB PRIV_TEST_HEADERS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.h)
foreach(src ${PRIV_TEST_SOURCES})
  get_filename_component(name ${src} NAME_WLE)
  set(out ${GUEST_DIR}/priv/${name})
  priv_test_program(${out} MACHINE ${src})
  priv_add_test(priv.${name} ${out})
endforeach()
priv_test_program(${GUEST_DIR}/priv/fail_case.p PHYSICAL ${CMAKE_CURRENT_LIST_DIR}/harness/fail_case.S)
priv_test_program(${GUEST_DIR}/priv/fail_case.v VIRTUAL ${CMAKE_CURRENT_LIST_DIR}/harness/fail_case.S)
priv_test_program(${GUEST_DIR}/priv/console MACHINE ${CMAKE_CURRENT_LIST_DIR}/harness/console.S)
priv_test_program(${GUEST_DIR}/priv/trap_loop MACHINE ${CMAKE_CURRENT_LIST_DIR}/harness/trap_loop.S)
priv_test_program(${GUEST_DIR}/priv/guest_ops.p PHYSICAL ${CMAKE_CURRENT_LIST_DIR}/ops/guest_ops.S)
priv_test_program(${GUEST_DIR}/priv/guest_ops.v VIRTUAL ${CMAKE_CURRENT_LIST_DIR}/ops/guest_ops.S)
add_custom_target(priv_tests ALL DEPENDS ${PRIV_TEST_PROGRAMS})

# The harness itself: a failing case must give its number as the exit status, and the CLI's
# checks of the bare machine's inputs must hold (tests/priv/bare_cli.sh).
add_test(NAME priv.harness
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/bare_cli.sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/priv ${GUEST_DIR})

# Guest ops (checkpoint, readfile, writefile) from U-mode code, physical and Sv39, in every
# model, and a restore from the guest's checkpoint with another --readfile.
add_test(NAME priv.guest_ops
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/guest_ops.sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/priv)

# The privileged state in snapshots: saved, and refused on restore when invalid.
add_test(NAME priv.snapshot
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/snapshot_priv.sh $<TARGET_FILE:snapsim> ${GUEST_DIR})

# Commit logs on system machines: the fast model's and every pipeline's are identical on the
# bare machine, and agree on the virt machine (OpenSBI and the S-mode payload of tests/virt)
# until the first read of a clock; the waveform and Kanata trace of a pipeline under Sv39.
add_test(NAME priv.commit_log
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/commit_log_bare.sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/priv
                 ${GUEST_DIR}/virt/sbi_payload.bin)
set_tests_properties(priv.commit_log PROPERTIES LABELS "debug")
