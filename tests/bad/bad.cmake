# Bad program files: each bad.NAME test gives snapsim one malformed input and expects a clean
# refusal (exit status 2, one "snapsim:" line on stderr, nothing else; see run_bad.sh).  The
# inputs are made at test time from binaries built here, so no binary is checked in.
# Needs GUEST_DIR and RISCV_LINUX_GCC from cmake/guest.cmake.

set(BAD_DIR ${CMAKE_CURRENT_LIST_DIR})
set(BAD_BUILD ${CMAKE_BINARY_DIR}/bad-inputs)
file(MAKE_DIRECTORY ${BAD_BUILD})

# The valid static program everything is derived from.
add_guest_program(bad_hello SOURCES ${BAD_DIR}/hello.c)

# The same program linked dynamically (it has a PT_INTERP), and as a relocatable object.
add_custom_command(OUTPUT ${BAD_BUILD}/hello_dynamic ${BAD_BUILD}/hello.o
  COMMAND ${RISCV_LINUX_GCC} -O2 -march=rv64gc -mabi=lp64d -o ${BAD_BUILD}/hello_dynamic
          ${BAD_DIR}/hello.c
  COMMAND ${RISCV_LINUX_GCC} -O2 -march=rv64gc -mabi=lp64d -c -o ${BAD_BUILD}/hello.o
          ${BAD_DIR}/hello.c
  DEPENDS ${BAD_DIR}/hello.c
  COMMENT "Building bad-input sources (dynamic executable, object file)"
  VERBATIM)
set(BAD_INPUTS ${BAD_BUILD}/hello_dynamic ${BAD_BUILD}/hello.o)
set(BAD_EXTRA_ARGS --dynamic-elf ${BAD_BUILD}/hello_dynamic --object ${BAD_BUILD}/hello.o)

# A genuine 32-bit RISC-V executable when the bare-metal compiler is there; without it
# run_bad.sh relabels a 64-bit one as ELFCLASS32.
find_program(RISCV_ELF_GCC riscv64-unknown-elf-gcc)
if(RISCV_ELF_GCC)
  file(CONFIGURE OUTPUT ${BAD_BUILD}/rv32_start.c
       CONTENT "void _start(void) { for (;;) { } }\n")
  add_custom_command(OUTPUT ${BAD_BUILD}/hello_rv32
    COMMAND ${RISCV_ELF_GCC} -march=rv32i -mabi=ilp32 -nostdlib -O2 -o ${BAD_BUILD}/hello_rv32
            ${BAD_BUILD}/rv32_start.c
    DEPENDS ${BAD_BUILD}/rv32_start.c
    COMMENT "Building a 32-bit RISC-V executable for the bad-input tests"
    VERBATIM)
  list(APPEND BAD_INPUTS ${BAD_BUILD}/hello_rv32)
  list(APPEND BAD_EXTRA_ARGS --rv32-elf ${BAD_BUILD}/hello_rv32)
endif()
add_custom_target(bad_inputs ALL DEPENDS ${BAD_INPUTS})

set(BAD_CASES trunc_10 trunc_63 trunc_64 trunc_200 trunc_half x86_elf random elf_magic_garbage
              empty missing directory not_executable rv32_elf big_endian dynamic_elf
              object_file phoff_past_end phnum_huge phentsize_bad segment_past_end memsz_huge)
foreach(case ${BAD_CASES})
  add_test(NAME bad.${case}
           COMMAND ${BAD_DIR}/run_bad.sh --snapsim $<TARGET_FILE:snapsim>
                   --work ${CMAKE_BINARY_DIR}/bad-work/${case} --elf ${GUEST_DIR}/bad_hello
                   ${BAD_EXTRA_ARGS} ${case})
  set_tests_properties(bad.${case} PROPERTIES LABELS "bad")
endforeach()
