# Full-system tests (-DSNAPSIM_FULLSYS_TESTS=ON; label fullsys): build the virt machine's
# software from Debian packages (cached under build/linux-image, keyed by the script and its
# configuration), then boot it under qemu-system-riscv64 as the reference and under snapsim's
# virt machine.
set(SNAPSIM_LINUX_IMAGE_DIR ${CMAKE_BINARY_DIR}/linux-image)
add_test(NAME fullsys.build_image
         COMMAND ${CMAKE_SOURCE_DIR}/scripts/build-linux-image.sh ${SNAPSIM_LINUX_IMAGE_DIR})
set_tests_properties(fullsys.build_image PROPERTIES FIXTURES_SETUP linux_image LABELS fullsys)
add_test(NAME fullsys.qemu_boot
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/qemu_boot.sh ${SNAPSIM_LINUX_IMAGE_DIR})
set_tests_properties(fullsys.qemu_boot PROPERTIES FIXTURES_REQUIRED linux_image FIXTURES_SETUP qemu_console
                     LABELS fullsys)
# snapsim's virt machine boots the same image to the same console (one boot, about 130 million
# instructions).
add_test(NAME fullsys.snapsim_boot
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/snapsim_boot.sh ${SNAPSIM_LINUX_IMAGE_DIR} $<TARGET_FILE:snapsim>)
set_tests_properties(fullsys.snapsim_boot PROPERTIES FIXTURES_REQUIRED "linux_image;qemu_console" LABELS fullsys)
# The same boot on each pipeline model (system mode at commit: about 40 s of CPU each here).
foreach(model pompia oroblanco inorder)
  add_test(NAME fullsys.snapsim_boot.${model}
           COMMAND ${CMAKE_CURRENT_LIST_DIR}/snapsim_boot.sh ${SNAPSIM_LINUX_IMAGE_DIR} $<TARGET_FILE:snapsim> ${model})
  set_tests_properties(fullsys.snapsim_boot.${model} PROPERTIES FIXTURES_REQUIRED "linux_image;qemu_console"
                       LABELS fullsys)
endforeach()
# DiffTest on the virt machine: the boot on pompia under --difftest (about 45 s of CPU here),
# and a fault injected mid-boot reported and replayed by LightSSS from a fork snapshot.
add_test(NAME fullsys.difftest
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/difftest_boot.sh ${SNAPSIM_LINUX_IMAGE_DIR} $<TARGET_FILE:snapsim> pompia)
set_tests_properties(fullsys.difftest PROPERTIES FIXTURES_REQUIRED linux_image LABELS fullsys)
# Whole-machine snapshots of the virt machine: a restore mid-boot finishes the boot as a
# straight one does, also in each pipeline model; hostile snapshots are refused.
add_test(NAME fullsys.virt_snapshot
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/virt_snapshot.sh ${SNAPSIM_LINUX_IMAGE_DIR} $<TARGET_FILE:snapsim>)
set_tests_properties(fullsys.virt_snapshot PROPERTIES FIXTURES_REQUIRED linux_image LABELS fullsys)
# run --load-persistent (Simics's load-persistent-state) and --image-path (five boots of at most
# 200 million instructions).
add_test(NAME fullsys.virt_persistent
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/virt_persistent.sh ${SNAPSIM_LINUX_IMAGE_DIR} $<TARGET_FILE:snapsim>)
set_tests_properties(fullsys.virt_persistent PROPERTIES FIXTURES_REQUIRED linux_image LABELS fullsys)

# The generated device tree against the one QEMU's virt machine generates.
add_executable(virt_dtb ${CMAKE_CURRENT_LIST_DIR}/virt_dtb.c)
target_link_libraries(virt_dtb PRIVATE snapsim_lib)
add_test(NAME fullsys.dtb_vs_qemu COMMAND ${CMAKE_CURRENT_LIST_DIR}/dtb_vs_qemu.sh $<TARGET_FILE:virt_dtb>)
set_tests_properties(fullsys.dtb_vs_qemu PROPERTIES LABELS fullsys)

# gem5's hack-back flow: the booted system checkpoints, and runs restored from that snapshot in
# every model run new scripts given with --readfile, with a straight boot's console (three
# boots and eight restores on the fast model's snapshot).
add_test(NAME fullsys.hackback
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/hackback.sh ${SNAPSIM_LINUX_IMAGE_DIR} $<TARGET_FILE:snapsim>)
set_tests_properties(fullsys.hackback PROPERTIES FIXTURES_REQUIRED linux_image LABELS fullsys)
