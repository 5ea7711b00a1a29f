# The FPU sources change the host rounding mode and read the host exception flags, so the
# compiler must not constant-fold FP operations assuming round-to-nearest, nor treat signalling
# NaNs as quiet.  clang honours `#pragma STDC FENV_ACCESS ON` (in fpu_arith.c); gcc ignores that
# pragma and needs these flags.  Include this file from the directory that defines snapsim_lib
# (source-file properties are per directory).
file(GLOB SNAPSIM_FPU_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/isa/fpu*.c)
if(CMAKE_C_COMPILER_ID STREQUAL "GNU")
  set_source_files_properties(${SNAPSIM_FPU_SOURCES} PROPERTIES
                              COMPILE_OPTIONS "-frounding-math;-fsignaling-nans")
elseif(CMAKE_C_COMPILER_ID MATCHES "Clang")
  set_source_files_properties(${SNAPSIM_FPU_SOURCES} PROPERTIES COMPILE_OPTIONS "-frounding-math")
endif()
