# Self-checking RV64 assembly tests: each tests/isa/NAME.S is a bare program (_start, no libc)
# that exits with 0 when every case passes, else with the number of the failing case.  Each is
# registered as isa.NAME (on snapsim) and, when qemu-riscv64 is installed, isa.NAME.qemu (on the
# reference), so a failure on both points at the test and a failure on snapsim alone at snapsim.
# Needs GUEST_DIR, RISCV_LINUX_GCC and QEMU_RISCV64 from cmake/guest.cmake.
file(GLOB ISA_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.S)
file(GLOB ISA_TEST_HEADERS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.h)
file(MAKE_DIRECTORY ${GUEST_DIR}/isa)
set(ISA_TEST_PROGRAMS)
foreach(src ${ISA_TEST_SOURCES})
  get_filename_component(name ${src} NAME_WLE)
  set(out ${GUEST_DIR}/isa/${name})
  add_custom_command(OUTPUT ${out}
    COMMAND ${RISCV_LINUX_GCC} -static -nostdlib -march=rv64gc -mabi=lp64d
            -I${CMAKE_CURRENT_LIST_DIR} -o ${out} ${src}
    DEPENDS ${src} ${ISA_TEST_HEADERS}
    COMMENT "Assembling ISA test ${name}"
    VERBATIM)
  list(APPEND ISA_TEST_PROGRAMS ${out})
  add_test(NAME isa.${name} COMMAND $<TARGET_FILE:snapsim> run ${out})
  if(QEMU_RISCV64)
    add_test(NAME isa.${name}.qemu COMMAND ${QEMU_RISCV64} ${out})
  endif()
endforeach()
add_custom_target(isa_tests ALL DEPENDS ${ISA_TEST_PROGRAMS})

# The FPU differential test: fpu_execute against the real instructions under qemu, on generated
# edge and random operands in every rounding mode (tests/isa/fpu_diff/).
if(QEMU_RISCV64)
  set(FPU_DIFF_DIR ${CMAKE_CURRENT_LIST_DIR}/fpu_diff)
  set(FPU_ORACLE ${GUEST_DIR}/isa/fpu_oracle)
  add_custom_command(OUTPUT ${FPU_ORACLE}
    COMMAND ${RISCV_LINUX_GCC} ${GUEST_CFLAGS} -O2 -I${CMAKE_SOURCE_DIR}/src -I${FPU_DIFF_DIR}
            -o ${FPU_ORACLE} ${FPU_DIFF_DIR}/fpu_oracle.c
    DEPENDS ${FPU_DIFF_DIR}/fpu_oracle.c ${FPU_DIFF_DIR}/fpu_diff.h ${CMAKE_SOURCE_DIR}/src/isa/ops.def
    COMMENT "Building the FPU oracle"
    VERBATIM)
  add_custom_target(fpu_oracle ALL DEPENDS ${FPU_ORACLE})
  add_executable(fpu_diff ${FPU_DIFF_DIR}/fpu_diff.c)
  target_link_libraries(fpu_diff PRIVATE snapsim_lib)
  add_test(NAME isa.fpu_diff.qemu COMMAND fpu_diff ${QEMU_RISCV64} ${FPU_ORACLE})
endif()
