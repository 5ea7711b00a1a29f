# Guest programs are RISC-V Linux executables built at build time with the Debian cross compiler.
find_program(RISCV_LINUX_GCC riscv64-linux-gnu-gcc REQUIRED)
find_program(QEMU_RISCV64 qemu-riscv64)
set(GUEST_DIR ${CMAKE_BINARY_DIR}/guest)
file(MAKE_DIRECTORY ${GUEST_DIR})
set(GUEST_CFLAGS -static -march=rv64gc -mabi=lp64d)

# add_guest_program(NAME SOURCES a.c [b.S ...] [FLAGS -O2 ...] [LIBS -lm])
# builds ${GUEST_DIR}/NAME.  FLAGS default to -O2.
function(add_guest_program name)
  cmake_parse_arguments(G "" "" "SOURCES;FLAGS;LIBS" ${ARGN})
  if(NOT G_FLAGS)
    set(G_FLAGS -O2)
  endif()
  set(out ${GUEST_DIR}/${name})
  add_custom_command(OUTPUT ${out}
    COMMAND ${RISCV_LINUX_GCC} ${GUEST_CFLAGS} ${G_FLAGS} -o ${out} ${G_SOURCES} ${G_LIBS}
    DEPENDS ${G_SOURCES}
    COMMENT "Building guest program ${name}"
    VERBATIM)
  add_custom_target(guest_${name} ALL DEPENDS ${out})
endfunction()
