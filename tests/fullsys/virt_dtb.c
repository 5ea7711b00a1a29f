/* Writes the virt machine's device tree for one hart and 256 MiB of RAM to a file, for
 * dtb_vs_qemu.sh to compare with the tree qemu-system-riscv64 -M virt generates. */
#include <stdio.h>

#include "devices/virt_fdt.h"

int main(int argc, char **argv)
{
    static unsigned char blob[65536];
    char err[200];
    if (argc != 2) {
        fprintf(stderr, "usage: virt_dtb OUT.dtb\n");
        return 2;
    }
    const struct virt_fdt_config cfg = {
        .nharts = 1, .ram_size = 256ull << 20, .isa = "rv64imafdc_zicsr_zifencei_zba_zbb_zbc_zbs",
        .mmu = "riscv,sv48", .has_disk = true,
    };
    size_t n = virt_fdt_build(&cfg, blob, sizeof blob, err, sizeof err);
    FILE *f = n ? fopen(argv[1], "wb") : NULL;
    if (!f || fwrite(blob, 1, n, f) != n || fclose(f)) {
        fprintf(stderr, "virt_dtb: %s\n", n ? "cannot write the file" : err);
        return 1;
    }
    return 0;
}
