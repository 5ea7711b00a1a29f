# Snapshot tests (tests/snapshot/*.sh): restore equivalence for every guest test program, the
# checkpoint tester, chains and merge, host files, hostile snapshots and the seed workflow.
# Include after tests/programs/programs.cmake, which builds the programs into ${GUEST_DIR}.
set(SNAP_TEST_DIR ${CMAKE_CURRENT_LIST_DIR})
set(SNAP_TEST_WORK ${CMAKE_BINARY_DIR}/snapshot-test-work)
set(SNAP_PROGRAMS_DIR ${CMAKE_CURRENT_LIST_DIR}/../programs)
file(GLOB SNAP_PROGRAM_SOURCES CONFIGURE_DEPENDS ${SNAP_PROGRAMS_DIR}/*.c)

# Snapshot points per program: the first instruction, the middle, just before the last; plus
# points where file_io has a file open (10000: alpha.txt read-write, 30000: beta.txt w+) and
# where mmap_ops has just unmapped (520000) and holds a MAP_SHARED file mapping (540000).
set(SNAP_POINTS_DEFAULT 1 50% last)
set(SNAP_POINTS_file_io 1 10000 30000 50% last)
set(SNAP_POINTS_mmap_ops 1 50% 520000 540000 last)
# Signal handlers installed and timers pending: inside signals' timer waits; signal_timer_point's
# CPU-time timer expires exactly at instruction 1000000.
set(SNAP_POINTS_signals 1 20% 45% 70% 90% last)
set(SNAP_POINTS_signal_timer_point 1 999999 1000000 1000001 last)
# Several threads alive, some waiting on futexes (condition variables, semaphores, joins), some
# points inside a thread's turn and one (30000 with the default quantum) exactly at a switch.
set(SNAP_POINTS_thread_pool 1 30000 100000 400000 600000 last)
set(SNAP_POINTS_thread_semaphores 1 100000 200000 300000 400000 last)
set(SNAP_POINTS_thread_signals 1 50000 100000 150000 last)
# Guest processes: a snapshot is refused while the process has children, and a child's count
# (and --max-instructions) continues its parent's, so only the start: the restored run forks
# and execs.
set(SNAP_POINTS_fork_wait 1)
set(SNAP_POINTS_exec_image 1)
set(SNAP_POINTS_exec_foreign 1)

foreach(src ${SNAP_PROGRAM_SOURCES})
  get_filename_component(name ${src} NAME_WE)
  set(points ${SNAP_POINTS_DEFAULT})
  if(DEFINED SNAP_POINTS_${name})
    set(points ${SNAP_POINTS_${name}})
  endif()
  add_test(NAME snapshot.equiv.${name}
           COMMAND ${SNAP_TEST_DIR}/restore_equiv.sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/${name}
                   ${SNAP_PROGRAMS_DIR} ${SNAP_TEST_WORK} ${points})
  set_tests_properties(snapshot.equiv.${name} PROPERTIES LABELS "snapshot")
endforeach()

foreach(what tester chain files fs)
  add_test(NAME snapshot.${what}
           COMMAND ${SNAP_TEST_DIR}/checkpoint_props.sh $<TARGET_FILE:snapsim> ${GUEST_DIR}
                   ${SNAP_TEST_WORK} ${what})
  set_tests_properties(snapshot.${what} PROPERTIES LABELS "snapshot")
endforeach()
add_test(NAME snapshot.hostile
         COMMAND ${SNAP_TEST_DIR}/hostile.sh $<TARGET_FILE:snapsim> ${GUEST_DIR} ${SNAP_TEST_WORK})
add_test(NAME snapshot.seed COMMAND ${SNAP_TEST_DIR}/seed.sh $<TARGET_FILE:snapsim> ${SNAP_TEST_WORK})
set_tests_properties(snapshot.hostile snapshot.seed PROPERTIES LABELS "snapshot")

# The kernel sandbox of restored runs: a guest that tries to change files outside.
add_guest_program(snapshot_escape SOURCES ${SNAP_TEST_DIR}/escape.c)
add_test(NAME snapshot.sandbox
         COMMAND ${SNAP_TEST_DIR}/sandbox.sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/snapshot_escape ${SNAP_TEST_WORK})
set_tests_properties(snapshot.sandbox PROPERTIES LABELS "snapshot")

# Restores and snapshots that lose nothing of the user's.
add_guest_program(snapshot_read_later SOURCES ${SNAP_TEST_DIR}/read_later.c)
add_guest_program(snapshot_write_only SOURCES ${SNAP_TEST_DIR}/write_only.c)
add_test(NAME snapshot.user_data
         COMMAND ${SNAP_TEST_DIR}/user_data.sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/snapshot_read_later
                 ${GUEST_DIR}/sum ${GUEST_DIR}/snapshot_write_only ${SNAP_TEST_WORK})
set_tests_properties(snapshot.user_data PROPERTIES LABELS "snapshot")

# A fixed-seed subset of the mutation campaign (tests/snapshot/campaign.sh; run it with more
# mutants and other seeds for a real campaign).
add_test(NAME snapshot.campaign
         COMMAND ${SNAP_TEST_DIR}/campaign.sh $<TARGET_FILE:snapsim> ${GUEST_DIR} ${SNAP_TEST_WORK} 150 1)
set_tests_properties(snapshot.campaign PROPERTIES LABELS "snapshot")
if(SNAPSIM_SANITIZE)
  # AddressSanitizer reserves terabytes of shadow memory up front, which an address-space limit
  # forbids; sanitizer builds find memory errors by themselves.
  set_tests_properties(snapshot.campaign PROPERTIES ENVIRONMENT "CAMPAIGN_MEMORY_KB=0")
endif()

# The campaign's verdicts, with a stand-in snapsim that crashes, is killed, blocks or leaves a
# process behind.
add_test(NAME snapshot.campaign_verdicts
         COMMAND ${SNAP_TEST_DIR}/campaign_verdicts.sh $<TARGET_FILE:snapsim> ${GUEST_DIR} ${SNAP_TEST_WORK})
set_tests_properties(snapshot.campaign_verdicts PROPERTIES LABELS "snapshot")
if(SNAPSIM_SANITIZE)
  set_tests_properties(snapshot.campaign_verdicts PROPERTIES ENVIRONMENT "CAMPAIGN_MEMORY_KB=0")
endif()

# A guest holding 70,000 mappings is captured, verified and restored (bounded by instructions).
add_guest_program(snapshot_many_maps SOURCES ${SNAP_TEST_DIR}/many_maps.c)
add_test(NAME snapshot.many_maps
         COMMAND ${SNAP_TEST_DIR}/many_maps.sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/snapshot_many_maps ${SNAP_TEST_WORK})
set_tests_properties(snapshot.many_maps PROPERTIES LABELS "snapshot")

# Saved file contents: compressed, shared along a chain, flattened by merge.
add_test(NAME snapshot.saved_contents
         COMMAND ${SNAP_TEST_DIR}/saved_contents.sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/snapshot_read_later
                 ${SNAP_TEST_WORK})
set_tests_properties(snapshot.saved_contents PROPERTIES LABELS "snapshot")
# Saved contents (a raw file, or the ancestor holding it) swapped for links, FIFOs, directories.
add_test(NAME snapshot.hostile_raw
         COMMAND ${SNAP_TEST_DIR}/hostile_raw.sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/snapshot_read_later
                 ${SNAP_TEST_WORK})
set_tests_properties(snapshot.hostile_raw PROPERTIES LABELS "snapshot")
# Hostile thread state in a snapshot taken while threads wait on futexes.
add_test(NAME snapshot.threads_hostile
         COMMAND ${SNAP_TEST_DIR}/threads_hostile.sh $<TARGET_FILE:snapsim> ${GUEST_DIR}/thread_semaphores
                 ${SNAP_TEST_WORK})
set_tests_properties(snapshot.threads_hostile PROPERTIES LABELS "snapshot")

# Whole-machine snapshots of the bare system-mode machine (needs the programs of tests/priv).
add_test(NAME snapshot.machine_bare
         COMMAND ${SNAP_TEST_DIR}/machine_bare.sh $<TARGET_FILE:snapsim> ${GUEST_DIR})
set_tests_properties(snapshot.machine_bare PROPERTIES LABELS "snapshot")
