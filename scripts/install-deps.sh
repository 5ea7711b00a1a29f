#!/bin/sh
# Installs what snapsim needs to build and test on Debian 12 (run as root).
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
    build-essential cmake pkg-config clang \
    libzstd-dev libxxhash-dev libelf-dev libcjson-dev libcmocka-dev \
    gcc-riscv64-linux-gnu libc6-dev-riscv64-cross binutils-riscv64-linux-gnu \
    gcc-riscv64-unknown-elf qemu-user gtkwave >/dev/null
echo "snapsim: build dependencies installed"
