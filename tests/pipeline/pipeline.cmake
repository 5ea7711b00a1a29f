# Tests of the in-order pipeline models (src/pipeline).  Include after programs/programs.cmake
# and isa/isa_tests.cmake: it reuses their guest programs.
#
#   pipe.MODEL.NAME       every tests/programs/NAME.c on MODEL (pompia, oroblanco): the same
#                         output and exit status as the checked-in expectations (run_guest.sh)
#   pipe.MODEL.isa.NAME   every self-checking tests/isa/NAME.S on MODEL
#                         (both, and the wrong-path tests, run under --difftest: every retired
#                         instruction is checked against the fast model)
#   pipe.timing.CASE      microbenchmarks with analytically derived cycle counts
#                         (tests/pipeline/*.S; cases and derivations in check_timing.py)
#   pipe.trace.MODEL.NAME a Kanata trace of a run is well formed (check_kanata.py)
#   pipe.counters.MODEL.HZ the cycle/time CSRs and clocks follow the model and core frequency
#   pipe.wrong_path.MODEL faults on the wrong path (fetch from unmapped memory, an illegal
#                         encoding) do not kill the guest (wrong_path.S)
find_program(PYTHON3 python3 REQUIRED)
set(PIPE_MODELS pompia oroblanco)
set(PIPE_DIR ${CMAKE_CURRENT_LIST_DIR})
set(PIPE_UBENCH_DIR ${GUEST_DIR}/pipeline)
file(MAKE_DIRECTORY ${PIPE_UBENCH_DIR})

# Microbenchmarks: NAME.S, plus load_use.S built once per load-use distance.
set(PIPE_UBENCH_PROGRAMS)
function(pipe_ubench name src)
  set(out ${PIPE_UBENCH_DIR}/${name})
  add_custom_command(OUTPUT ${out}
    COMMAND ${RISCV_LINUX_GCC} -static -nostdlib -march=rv64gc -mabi=lp64d -I${PIPE_DIR}
            ${ARGN} -o ${out} ${PIPE_DIR}/${src}
    DEPENDS ${PIPE_DIR}/${src} ${PIPE_DIR}/ubench.h
    COMMENT "Assembling pipeline microbenchmark ${name}"
    VERBATIM)
  set(PIPE_UBENCH_PROGRAMS ${PIPE_UBENCH_PROGRAMS} ${out} PARENT_SCOPE)
endfunction()
foreach(name dep_chain indep_adds lfsr_branch stride mul_chain wrong_path)
  pipe_ubench(${name} ${name}.S)
endforeach()
pipe_ubench(load_use_d1 load_use.S -DDISTANCE=1)
pipe_ubench(load_use_d2 load_use.S -DDISTANCE=2)
add_custom_target(pipeline_ubench ALL DEPENDS ${PIPE_UBENCH_PROGRAMS})

execute_process(COMMAND ${PYTHON3} ${PIPE_DIR}/check_timing.py --list
                OUTPUT_VARIABLE PIPE_TIMING_CASES RESULT_VARIABLE rc
                OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "tests/pipeline/check_timing.py --list failed")
endif()
string(REPLACE "\n" ";" PIPE_TIMING_CASES "${PIPE_TIMING_CASES}")
foreach(case ${PIPE_TIMING_CASES})
  add_test(NAME pipe.timing.${case}
           COMMAND ${PYTHON3} ${PIPE_DIR}/check_timing.py $<TARGET_FILE:snapsim> ${PIPE_UBENCH_DIR} ${case})
  set_tests_properties(pipe.timing.${case} PROPERTIES LABELS "pipeline")
endforeach()

add_test(NAME pipe.wrong_path.no_predictor
         COMMAND $<TARGET_FILE:snapsim> run --model inorder --difftest --config brpred:predictor_type:none
                 ${PIPE_UBENCH_DIR}/wrong_path)
set_tests_properties(pipe.wrong_path.no_predictor PROPERTIES LABELS "pipeline")
foreach(model ${PIPE_MODELS})
  add_test(NAME pipe.wrong_path.${model} COMMAND $<TARGET_FILE:snapsim> run --model ${model} --difftest
                                                 ${PIPE_UBENCH_DIR}/wrong_path)
  set_tests_properties(pipe.wrong_path.${model} PROPERTIES LABELS "pipeline")
  add_test(NAME pipe.trace.${model}.sum
           COMMAND ${PIPE_DIR}/trace_check.sh $<TARGET_FILE:snapsim> ${model}
                   ${CMAKE_BINARY_DIR}/pipeline-trace-work ${GUEST_DIR}/sum 1 2 3)
  add_test(NAME pipe.trace.${model}.lfsr_branch
           COMMAND ${PIPE_DIR}/trace_check.sh $<TARGET_FILE:snapsim> ${model}
                   ${CMAKE_BINARY_DIR}/pipeline-trace-work ${PIPE_UBENCH_DIR}/lfsr_branch)
  set_tests_properties(pipe.trace.${model}.sum pipe.trace.${model}.lfsr_branch
                       PROPERTIES LABELS "pipeline")

  # The guest programs (built by programs.cmake) and ISA tests (isa_tests.cmake).
  file(GLOB pipe_programs CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/../programs/*.c)
  foreach(src ${pipe_programs})
    get_filename_component(name ${src} NAME_WE)
    add_test(NAME pipe.${model}.${name}
             COMMAND ${CMAKE_CURRENT_LIST_DIR}/../run_guest.sh --sim snapsim
                     --exe $<TARGET_FILE:snapsim> --sim-opt --model --sim-opt ${model} --sim-opt --difftest
                     --expect-dir ${CMAKE_CURRENT_LIST_DIR}/../programs
                     --work-base ${CMAKE_BINARY_DIR}/guest-test-work ${GUEST_DIR}/${name})
    set_tests_properties(pipe.${model}.${name} PROPERTIES LABELS "pipeline;programs")
  endforeach()
  file(GLOB pipe_isa_tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/../isa/*.S)
  foreach(src ${pipe_isa_tests})
    get_filename_component(name ${src} NAME_WLE)
    add_test(NAME pipe.${model}.isa.${name}
             COMMAND $<TARGET_FILE:snapsim> run --model ${model} --difftest ${GUEST_DIR}/isa/${name})
    set_tests_properties(pipe.${model}.isa.${name} PROPERTIES LABELS "pipeline")
  endforeach()
endforeach()

# The cycle and time CSRs and the guest clock follow each model's cycles and
# linux:core_frequency_hz (counters.c, counters_check.sh).
add_guest_program(counters SOURCES ${PIPE_DIR}/counters.c)
foreach(model fast ${PIPE_MODELS})
  foreach(hz 1000000000 500000000)
    add_test(NAME pipe.counters.${model}.${hz}
             COMMAND ${PIPE_DIR}/counters_check.sh $<TARGET_FILE:snapsim> ${model}
                     ${GUEST_DIR}/counters ${hz})
    set_tests_properties(pipe.counters.${model}.${hz} PROPERTIES LABELS "pipeline")
  endforeach()
endforeach()

# ... and continue across a snapshot/restore, in the same model and from a pipeline into the fast one.
foreach(pair fast:fast pompia:pompia oroblanco:oroblanco pompia:fast)
  string(REPLACE ":" ";" models ${pair})
  list(GET models 0 from)
  list(GET models 1 to)
  add_test(NAME pipe.counters_restore.${from}.${to}
           COMMAND ${PIPE_DIR}/counters_restore.sh $<TARGET_FILE:snapsim> ${from} ${to} ${GUEST_DIR}/counters)
  set_tests_properties(pipe.counters_restore.${from}.${to} PROPERTIES LABELS "pipeline")
endforeach()

# The three presets are distinct machines: no two print the same configuration.
add_test(NAME pipe.presets_distinct
         COMMAND sh -c "for m in pompia oroblanco inorder; do \"$0\" config --model $m | tail -n +2 | cksum; done | sort | uniq -d | grep . && exit 1; exit 0"
                 $<TARGET_FILE:snapsim>)
set_tests_properties(pipe.presets_distinct PROPERTIES LABELS "pipeline")
