# The decoder/disassembler checked against objdump on the whole of static glibc.
# Included from tests/CMakeLists.txt.
find_program(RISCV_OBJDUMP riscv64-linux-gnu-objdump)

add_executable(decode_vs_objdump ${CMAKE_CURRENT_LIST_DIR}/tools/decode_vs_objdump.c)
target_link_libraries(decode_vs_objdump PRIVATE snapsim_lib)

if(RISCV_OBJDUMP)
  add_test(NAME decode.vs_objdump
           COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/decode_vs_objdump.sh
                   $<TARGET_FILE:decode_vs_objdump> ${CMAKE_CURRENT_LIST_DIR}
                   ${CMAKE_CURRENT_BINARY_DIR}/decode_objdump_work)
  set_tests_properties(decode.vs_objdump PROPERTIES
    ENVIRONMENT "RISCV_LINUX_GCC=${RISCV_LINUX_GCC};RISCV_OBJDUMP=${RISCV_OBJDUMP}")
else()
  message(WARNING "riscv64-linux-gnu-objdump not found: test decode.vs_objdump is not registered")
endif()
