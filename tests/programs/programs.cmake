# Guest test programs: every tests/programs/NAME.c becomes the RISC-V executable
# ${GUEST_DIR}/NAME and the tests prog.NAME (under snapsim) and, when qemu-riscv64 is installed,
# prog.NAME.qemu (the reference, which must produce the same checked-in expectations).
# tests/run_guest.sh does the running and comparing; NAME.args/.stdin/.env/.expected/.status/
# .stderr beside the source describe each run.
#
# Every program links -lm (math) and -latomic (gcc 12 calls libatomic for 8- and 16-bit
# atomics); static linking pulls in only what a program uses.

# Optionally the same checks under other execution models too, as prog.NAME.MODEL, e.g.
# -DSNAPSIM_PROGRAM_MODELS="inorder;oroblanco" (each model adds a few seconds under ASan).
set(SNAPSIM_PROGRAM_MODELS "" CACHE STRING
    "Extra execution models to run every guest test program under (tests prog.NAME.MODEL)")

set(GUEST_TEST_RUNNER ${CMAKE_CURRENT_LIST_DIR}/../run_guest.sh)
set(GUEST_TEST_WORK ${CMAKE_BINARY_DIR}/guest-test-work)
file(GLOB GUEST_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.c)

foreach(src ${GUEST_TEST_SOURCES})
  get_filename_component(name ${src} NAME_WE)
  # NAME.flags: extra compiler options, e.g. a -march with extensions beyond rv64gc.
  set(extra_flags)
  string(REGEX REPLACE "\\.c$" ".flags" flags_file ${src})
  if(EXISTS ${flags_file})
    file(READ ${flags_file} extra_flags)
    separate_arguments(extra_flags UNIX_COMMAND "${extra_flags}")
  endif()
  add_guest_program(${name} SOURCES ${src} FLAGS -O2 ${extra_flags} LIBS -lm -latomic)
  set(common --expect-dir ${CMAKE_CURRENT_LIST_DIR} --work-base ${GUEST_TEST_WORK}
             ${GUEST_DIR}/${name})
  add_test(NAME prog.${name}
           COMMAND ${GUEST_TEST_RUNNER} --sim snapsim --exe $<TARGET_FILE:snapsim> ${common})
  set_tests_properties(prog.${name} PROPERTIES LABELS "programs")
  foreach(model ${SNAPSIM_PROGRAM_MODELS})
    add_test(NAME prog.${name}.${model}
             COMMAND ${GUEST_TEST_RUNNER} --sim snapsim --exe $<TARGET_FILE:snapsim>
                     --sim-opt --model --sim-opt ${model} ${common})
    set_tests_properties(prog.${name}.${model} PROPERTIES LABELS "programs;models")
  endforeach()
  # NAME.snapsim-only: the program uses what qemu-riscv64 lacks (the file says what).
  # NAME.binfmt: it executes RISC-V programs, which qemu runs only through binfmt_misc.
  if(QEMU_RISCV64 AND EXISTS ${CMAKE_CURRENT_LIST_DIR}/${name}.binfmt)
    set(binfmt ${CMAKE_CURRENT_LIST_DIR}/../lib/qemu_binfmt.sh)
    add_test(NAME prog.${name}.qemu
             COMMAND ${binfmt} probe ${GUEST_TEST_RUNNER} --sim qemu --exe ${binfmt}
                     --sim-opt run --sim-opt ${QEMU_RISCV64} ${common})
    set_tests_properties(prog.${name}.qemu PROPERTIES LABELS "programs;qemu" SKIP_RETURN_CODE 77)
  elseif(QEMU_RISCV64 AND NOT EXISTS ${CMAKE_CURRENT_LIST_DIR}/${name}.snapsim-only)
    add_test(NAME prog.${name}.qemu
             COMMAND ${GUEST_TEST_RUNNER} --sim qemu --exe ${QEMU_RISCV64} ${common})
    set_tests_properties(prog.${name}.qemu PROPERTIES LABELS "programs;qemu")
  endif()
endforeach()

# Threads: the interleaving follows linux:quantum but the programs' output does not; DiffTest
# checks a detailed model against the fast model across every thread switch.
foreach(name thread_pool thread_semaphores)
  add_test(NAME prog.${name}.quantum
           COMMAND ${GUEST_TEST_RUNNER} --sim snapsim --exe $<TARGET_FILE:snapsim>
                   --sim-opt --config --sim-opt linux:quantum:97
                   --expect-dir ${CMAKE_CURRENT_LIST_DIR} --work-base ${GUEST_TEST_WORK} ${GUEST_DIR}/${name})
  add_test(NAME prog.${name}.difftest
           COMMAND ${GUEST_TEST_RUNNER} --sim snapsim --exe $<TARGET_FILE:snapsim>
                   --sim-opt --model --sim-opt oroblanco --sim-opt --difftest
                   --expect-dir ${CMAKE_CURRENT_LIST_DIR} --work-base ${GUEST_TEST_WORK} ${GUEST_DIR}/${name})
  set_tests_properties(prog.${name}.quantum prog.${name}.difftest PROPERTIES LABELS "programs;threads")
endforeach()

# Guest processes under every detailed model without DiffTest too (a forked child runs its own
# copy of the machine in the same model); with DiffTest they are pipe.MODEL.NAME
# (tests/pipeline, pompia and oroblanco), with every block translated prog.NAME.jit (tests/jit).
foreach(name fork_wait exec_image)
  foreach(model pompia oroblanco inorder)
    add_test(NAME prog.${name}.proc.${model}
             COMMAND ${GUEST_TEST_RUNNER} --sim snapsim --exe $<TARGET_FILE:snapsim> --sim-opt --model
                     --sim-opt ${model} --expect-dir ${CMAKE_CURRENT_LIST_DIR} --work-base ${GUEST_TEST_WORK}
                     ${GUEST_DIR}/${name})
    set_tests_properties(prog.${name}.proc.${model} PROPERTIES LABELS "programs;processes")
  endforeach()
  # inorder is not among the pipeline tests' DiffTest models.
  add_test(NAME prog.${name}.proc.inorder.difftest
           COMMAND ${GUEST_TEST_RUNNER} --sim snapsim --exe $<TARGET_FILE:snapsim> --sim-opt --model
                   --sim-opt inorder --sim-opt --difftest --expect-dir ${CMAKE_CURRENT_LIST_DIR}
                   --work-base ${GUEST_TEST_WORK} ${GUEST_DIR}/${name})
  set_tests_properties(prog.${name}.proc.inorder.difftest PROPERTIES LABELS "programs;processes")
endforeach()
