# libFuzzer targets for the snapshot format (config parser, memory-image reader), the whole open
# path of a snapshot directory through the machine's classes (fuzz_snapshot, seeded by
# fuzz/pack_snapshot.pl), the ELF loader (fuzz_elf) and the command line of `snapsim run` with
# its configuration (fuzz_options).
# Included from the top-level CMakeLists.txt when SNAPSIM_FUZZ=ON; needs clang.
#   cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DSNAPSIM_FUZZ=ON
#   cmake --build build-fuzz --target fuzz_config fuzz_pages
#   build-fuzz/fuzz_config -max_total_time=60 fuzz/corpus/config
if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "SNAPSIM_FUZZ=ON needs clang (libFuzzer): configure with -DCMAKE_C_COMPILER=clang")
endif()

get_filename_component(SNAPSIM_FUZZ_ROOT ${CMAKE_CURRENT_LIST_DIR} DIRECTORY)
set(SNAPSIM_FUZZ_FLAGS -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
                       -fno-omit-frame-pointer)
# The snapshot library sources (and the array growth they use) are built again with the
# fuzzer's instrumentation so coverage guides the search into the parser and reader.
file(GLOB SNAPSIM_SNAPSHOT_SOURCES CONFIGURE_DEPENDS ${SNAPSIM_FUZZ_ROOT}/src/snapshot/*.c)
list(APPEND SNAPSIM_SNAPSHOT_SOURCES ${SNAPSIM_FUZZ_ROOT}/src/core/array.c)
foreach(target fuzz_config fuzz_pages)
  add_executable(${target} ${SNAPSIM_FUZZ_ROOT}/fuzz/${target}.c ${SNAPSIM_SNAPSHOT_SOURCES})
  target_include_directories(${target} PRIVATE ${SNAPSIM_FUZZ_ROOT}/src)
  target_compile_options(${target} PRIVATE ${SNAPSIM_FUZZ_FLAGS})
  target_link_options(${target} PRIVATE ${SNAPSIM_FUZZ_FLAGS})
  target_link_libraries(${target} PRIVATE PkgConfig::ZSTD PkgConfig::XXHASH m)
endforeach()

# The ELF loader and the command line/configuration: the sources under test are built again
# with the fuzzer's instrumentation (coverage guides the search there); the rest of the
# simulator comes from snapsim_lib, whose copies of those objects are then never linked.
set(SNAPSIM_FUZZ_elf_SOURCES src/linux/loader.c src/linux/exec.c src/linux/stack.c src/core/memory.c)
set(SNAPSIM_FUZZ_options_SOURCES src/cli/options.c src/core/config.c)
# The snapshot format library and the machine's snapshot classes (restore's check phase).
file(GLOB SNAPSIM_FUZZ_snapshot_SOURCES RELATIVE ${SNAPSIM_FUZZ_ROOT} CONFIGURE_DEPENDS
     ${SNAPSIM_FUZZ_ROOT}/src/snapshot/*.c ${SNAPSIM_FUZZ_ROOT}/src/checkpoint/*.c)
foreach(what elf options snapshot)
  set(target fuzz_${what})
  list(TRANSFORM SNAPSIM_FUZZ_${what}_SOURCES PREPEND ${SNAPSIM_FUZZ_ROOT}/)
  add_executable(${target} ${SNAPSIM_FUZZ_ROOT}/fuzz/${target}.c ${SNAPSIM_FUZZ_${what}_SOURCES})
  target_compile_options(${target} PRIVATE ${SNAPSIM_FUZZ_FLAGS})
  target_link_options(${target} PRIVATE ${SNAPSIM_FUZZ_FLAGS})
  target_link_libraries(${target} PRIVATE snapsim_lib)
endforeach()
