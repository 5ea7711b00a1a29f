#!/bin/sh
# qemu-riscv64 as the reference for programs that execve RISC-V executables.  qemu-user hands
# execve to the host kernel, which runs a RISC-V file only where binfmt_misc names an
# interpreter for it.  Registering one on the host would change the whole machine, so this runs
# qemu in its own user and mount namespace with a private binfmt_misc instance (Linux 6.7 and
# later) in which RISC-V ELF executables go to qemu-riscv64: each exec'd image runs under a new
# qemu, as on a host set up by Debian's qemu-user-binfmt, and nothing outside changes.
#
#   qemu_binfmt.sh probe COMMAND...    exit 77 (CTest's skip) where the kernel cannot give a
#                                      user namespace its own binfmt_misc; else run COMMAND
#   qemu_binfmt.sh run QEMU PROGRAM [ARG]...
#                                      PROGRAM under QEMU with RISC-V execs routed to QEMU too
set -eu
PATH=/usr/sbin:/usr/bin:/sbin:/bin; export PATH

# ELF64, little-endian, ET_EXEC or ET_DYN, EM_RISCV (243); the mask ignores the OS ABI byte.
magic='\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xf3\x00'
mask='\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff'

case "${1:-}" in
probe)
    shift
    if ! unshare --user --map-root-user --mount \
            sh -c 'mount -t binfmt_misc none /proc/sys/fs/binfmt_misc' 2>/dev/null; then
        echo "SKIP: this kernel gives a user namespace no binfmt_misc of its own (Linux >= 6.7)," \
             "so qemu-riscv64 cannot run the RISC-V programs this one executes"
        exit 77
    fi
    exec "$@" ;;
run)
    shift
    # Inside the namespace: mount the private instance, register qemu (F: opened now, so the
    # path need not resolve later; P: argv[0] kept, which qemu learns from AT_FLAGS), then run.
    exec unshare --user --map-root-user --mount sh -eu -c '
        mount -t binfmt_misc none /proc/sys/fs/binfmt_misc
        printf ":snapsim-test-riscv64:M::%s:%s:%s:PF\n" "$1" "$2" "$3" > /proc/sys/fs/binfmt_misc/register
        shift 2
        exec "$@"' sh "$magic" "$mask" "$@" ;;
*)
    echo "usage: qemu_binfmt.sh probe COMMAND... | run QEMU PROGRAM [ARG]..." >&2
    exit 2 ;;
esac
