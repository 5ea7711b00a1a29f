# The virt machine (--machine virt, src/platform) without a Linux kernel: Debian's OpenSBI boots
# the project's S-mode payload (sbi_payload.S) as --kernel, which checks the hand-over, the
# timer, console input and power-off (virt.payload, and virt.payload.MODEL on each pipeline
# model); the command line's errors (virt.cli); a LightSSS replay of a failure (virt.lightsss).
# Included from tests/CMakeLists.txt; needs GUEST_DIR and RISCV_LINUX_GCC (cmake/guest.cmake).
find_program(RISCV_LINUX_OBJCOPY riscv64-linux-gnu-objcopy REQUIRED)
file(MAKE_DIRECTORY ${GUEST_DIR}/virt)
set(VIRT_PAYLOAD ${GUEST_DIR}/virt/sbi_payload.bin)
add_custom_command(OUTPUT ${VIRT_PAYLOAD}
  COMMAND ${RISCV_LINUX_GCC} -nostdlib -nostartfiles -march=rv64gc -mabi=lp64d
          -T ${CMAKE_CURRENT_LIST_DIR}/payload.ld -Wl,--no-warn-rwx-segments
          -o ${GUEST_DIR}/virt/sbi_payload.elf ${CMAKE_CURRENT_LIST_DIR}/sbi_payload.S
  COMMAND ${RISCV_LINUX_OBJCOPY} -O binary ${GUEST_DIR}/virt/sbi_payload.elf ${VIRT_PAYLOAD}
  DEPENDS ${CMAKE_CURRENT_LIST_DIR}/sbi_payload.S ${CMAKE_CURRENT_LIST_DIR}/payload.ld
  COMMENT "Building the virt machine's test payload"
  VERBATIM)
add_custom_target(virt_payload ALL DEPENDS ${VIRT_PAYLOAD})
add_test(NAME virt.payload COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/payload.sh $<TARGET_FILE:snapsim> ${VIRT_PAYLOAD})
add_test(NAME virt.cli COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/virt_cli.sh $<TARGET_FILE:snapsim> ${VIRT_PAYLOAD})
# LightSSS on the virt machine: the replay gets the console input from the parent's log.
add_test(NAME virt.lightsss COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/lightsss.sh $<TARGET_FILE:snapsim> ${VIRT_PAYLOAD})
set_tests_properties(virt.payload virt.cli virt.lightsss PROPERTIES LABELS virt)
# The same boot on each pipeline model: OpenSBI and the payload run through the pipeline's
# fetch and commit stages, the timer in the model's own cycles; under --difftest, so each retired
# instruction, trap and interrupt is checked against the fast model in lock-step.
foreach(model pompia oroblanco inorder)
  add_test(NAME virt.payload.${model}
           COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/payload.sh $<TARGET_FILE:snapsim> ${VIRT_PAYLOAD} -m ${model}
                   --difftest)
  set_tests_properties(virt.payload.${model} PROPERTIES LABELS "virt;pipeline")
endforeach()
