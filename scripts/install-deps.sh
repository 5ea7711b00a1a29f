#!/bin/sh
# Installs what snapsim needs to build and test on Debian 12 (run as root).  A fresh Debian 12
# with only these packages builds everything and passes every test.  The simulator alone
# (-DSNAPSIM_TESTS=OFF) needs the compilers, cmake, pkg-config, the five libraries (libfdt
# writes the virt machine's device tree) and the RISC-V cross compiler (for the bundled example
# programs).  clang's runtime library holds
# libFuzzer and clang's sanitizers (not pulled in without recommends).  The tests add cmocka,
# qemu (the reference), dtc (device-tree checks), python3 (pipeline checks), perl (hostile
# snapshot edits), man-db (the man page check), bsdutils' `script` (runs on a terminal),
# procps' `pgrep` (no guest process left behind), coreutils and diffutils, and Debian's OpenSBI
# (the virt machine's default firmware).  SNAPSIM_FULLSYS=1 adds what the full-system tests
# (-DSNAPSIM_FULLSYS_TESTS=ON) need: the kernel source and its build tools, qemu's
# system emulator, and the tools that pack the initramfs and the disk.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
    build-essential cmake pkg-config clang libclang-rt-14-dev \
    libzstd-dev libxxhash-dev libelf-dev libcjson-dev libfdt-dev \
    libcmocka-dev python3 perl coreutils diffutils bsdutils procps man-db device-tree-compiler \
    gcc-riscv64-linux-gnu libc6-dev-riscv64-cross binutils-riscv64-linux-gnu \
    gcc-riscv64-unknown-elf qemu-user gtkwave opensbi \
    time tcl dpkg-dev >/dev/null   # bench/tiers_vs_qemu.sh: user CPU time, SQLite's build, apt-get source
if [ "${SNAPSIM_FULLSYS:-0}" = 1 ]; then
    apt-get install -y -qq --no-install-recommends \
        linux-source-6.1 flex bison bc cpio xz-utils libssl-dev e2fsprogs qemu-system-misc >/dev/null
fi
echo "snapsim: build dependencies installed"
