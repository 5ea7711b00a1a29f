# The fast model's translation tier (src/fast/jit*): the guest-program and ISA suites again with
# every block translated (prog.NAME.jit, isa.NAME.jit), and tests/jit/tiers.sh per guest
# program: the interpreter, the translator and a mix of both agree on output, statistics and
# snapshots at the same instruction counts, and each continues the other's snapshots.
# Include after tests/programs/programs.cmake and tests/isa/isa_tests.cmake, which build the
# programs.
set(JIT_ALWAYS --config fast:translate:always)

foreach(src ${GUEST_TEST_SOURCES})
  get_filename_component(name ${src} NAME_WE)
  add_test(NAME prog.${name}.jit
           COMMAND ${GUEST_TEST_RUNNER} --sim snapsim --exe $<TARGET_FILE:snapsim>
                   --sim-opt --config --sim-opt fast:translate:always
                   --expect-dir ${CMAKE_CURRENT_LIST_DIR}/../programs --work-base ${GUEST_TEST_WORK}
                   ${GUEST_DIR}/${name})
  set_tests_properties(prog.${name}.jit PROPERTIES LABELS "programs;jit")
  # Programs that create host files (in scratch/ or in their directory): fstat's inode and times
  # differ between runs.
  set(compare all)
  file(READ ${src} source)
  if(source MATCHES "O_CREAT")
    set(compare cpu-only)
  endif()
  if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/../programs/${name}.args)
    file(READ ${CMAKE_CURRENT_LIST_DIR}/../programs/${name}.args args)
    if(args MATCHES "scratch")
      set(compare cpu-only)
    endif()
  endif()
  # Programs that fork (NAME.forks): their snapshot points would fall while children exist.
  if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/../programs/${name}.forks)
    continue()
  endif()
  add_test(NAME jit.tiers.${name}
           COMMAND ${CMAKE_CURRENT_LIST_DIR}/tiers.sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/${name}
                   ${CMAKE_CURRENT_LIST_DIR}/../programs ${CMAKE_BINARY_DIR}/jit-test-work ${compare})
  set_tests_properties(jit.tiers.${name} PROPERTIES LABELS "jit")
endforeach()

foreach(src ${ISA_TEST_SOURCES})
  get_filename_component(name ${src} NAME_WLE)
  add_test(NAME isa.${name}.jit COMMAND $<TARGET_FILE:snapsim> run ${JIT_ALWAYS} ${GUEST_DIR}/isa/${name})
  set_tests_properties(isa.${name}.jit PROPERTIES LABELS "jit")
endforeach()

# Division, remainder, mulhsu and floating point under every rounding mode: the checksums of
# tests/jit/jit_arith.out (those of qemu-riscv64) under each tier, and the tiers agree on
# statistics and snapshots.
add_guest_program(jit_arith SOURCES ${CMAKE_CURRENT_LIST_DIR}/jit_arith.c LIBS -lm)
foreach(mode off always on)
  add_test(NAME jit.arith.${mode}
           COMMAND sh -c "\"$1\" run --config fast:translate:${mode} \"$2\" | cmp - \"$3\""
                   sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/jit_arith ${CMAKE_CURRENT_LIST_DIR}/jit_arith.out)
  set_tests_properties(jit.arith.${mode} PROPERTIES LABELS "jit")
endforeach()
add_test(NAME jit.tiers.jit_arith
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/tiers.sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/jit_arith
                 ${CMAKE_CURRENT_LIST_DIR} ${CMAKE_BINARY_DIR}/jit-test-work all)
set_tests_properties(jit.tiers.jit_arith PROPERTIES LABELS "jit")

# The host-FPU fast path of the translator's floating-point helper against the software FPU.
add_executable(test_fp_host ${CMAKE_CURRENT_LIST_DIR}/test_fp_host.c)
target_link_libraries(test_fp_host PRIVATE snapsim_lib)
add_test(NAME jit.fp_host COMMAND test_fp_host)
set_tests_properties(jit.fp_host PROPERTIES LABELS "jit")

# Loads translated as plain host loads fault on the host (an unmapped page, a misaligned load
# crossing into one, a page just unmapped): the handler must have resumed the interpreter at
# each (jit_host_faults), with the interpreter's output (prog.load_faults*, jit.tiers.load_faults
# compare output, registers and snapshots).
add_test(NAME jit.host_faults
         COMMAND sh -c "\"$1\" run --config fast:translate:always --config stats:output_filename:\"$3\" \"$2\" >/dev/null &&
                        python3 -c 'import json, sys; n = json.load(open(sys.argv[1]))[\"0\"][\"jit_host_faults\"]; print(\"host faults\", n); sys.exit(n < 3)' \"$3\""
                 sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/load_faults ${CMAKE_BINARY_DIR}/jit-test-work/host_faults.json)
set_tests_properties(jit.host_faults PROPERTIES LABELS "jit")

# Moving a data mapping (mremap, as glibc's realloc of a large block does) leaves the decoded
# blocks and translations in place: only the flush at start-up (block_cache_flushes 1).
add_test(NAME jit.mremap_keeps_code
         COMMAND sh -c "\"$1\" run --config fast:translate:on --config stats:output_filename:\"$3\" \"$2\" >/dev/null &&
                        python3 -c 'import json, sys; n = json.load(open(sys.argv[1]))[\"0\"][\"block_cache_flushes\"]; print(\"flushes\", n); sys.exit(n != 1)' \"$3\""
                 sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/malloc_heavy ${CMAKE_BINARY_DIR}/jit-test-work/mremap.json)
set_tests_properties(jit.mremap_keeps_code PROPERTIES LABELS "jit")

# fast:perf_map names every translation in /tmp/perf-PID.map (perf's convention for JIT code):
# one "START SIZE guest_PC_N" line per translated block, for the process that ran the guest.
if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")
  add_test(NAME jit.perf_map
           COMMAND sh -c "\"$1\" run --config fast:translate:always --config fast:perf_map:true \"$2\" >/dev/null & pid=$!
                          wait $pid || exit 1
                          map=/tmp/perf-$pid.map
                          n=$(grep -Ec '^[0-9a-f]+ [0-9a-f]+ guest_[0-9a-f]+_[0-9]+$' \"$map\") || n=0
                          total=$(wc -l < \"$map\"); rm -f \"$map\"
                          echo \"$n of $total lines name a translation\"
                          test \"$n\" -gt 100 && test \"$n\" -eq \"$total\""
                   sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/jit_arith)
  set_tests_properties(jit.perf_map PROPERTIES LABELS "jit")

  # Blocks the interpreter saw run after a hot one, loops among them, become one translation
  # with it (jit_regions counts them): with the same output.  jit.tiers.* run every guest
  # program so (fast:hot_threshold:2) and compare statistics and snapshots with the interpreter.
  add_test(NAME jit.regions
           COMMAND sh -c "\"$1\" run --config fast:translate:on --config fast:hot_threshold:2 --config stats:output_filename:\"$3\" \"$2\" | cmp - \"$4\" &&
                          python3 -c 'import json, sys; n = json.load(open(sys.argv[1]))[\"0\"][\"jit_regions\"]; print(\"regions translated\", n); sys.exit(n < 3)' \"$3\""
                 sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/jit_arith ${CMAKE_BINARY_DIR}/jit-test-work/regions.json
                    ${CMAKE_CURRENT_LIST_DIR}/jit_arith.out)
  set_tests_properties(jit.regions PROPERTIES LABELS "jit")

  # Byte gathers (lbu/slli/or runs) become host loads (jit_gathers counts them), with the
  # output of qemu-riscv64: final registers, faults inside a run, host loads past the bytes.
  add_test(NAME jit.gathers
           COMMAND sh -c "\"$1\" run --config fast:translate:on --config fast:hot_threshold:2 --config stats:output_filename:\"$3\" \"$2\" | cmp - \"$4\" &&
                          python3 -c 'import json, sys; n = json.load(open(sys.argv[1]))[\"0\"][\"jit_gathers\"]; print(\"gathers translated\", n); sys.exit(n < 5)' \"$3\""
                 sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/byte_gather ${CMAKE_BINARY_DIR}/jit-test-work/gathers.json
                    ${CMAKE_SOURCE_DIR}/tests/programs/byte_gather.expected)
  set_tests_properties(jit.gathers PROPERTIES LABELS "jit")
endif()
