/* The virt machine's device tree: read back with libfdt, and decompiled by dtc (Debian's
 * device-tree-compiler) to check that it is a valid blob with QEMU virt's node names. */
#include "test_dev_util.h"

#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "devices/virt_fdt.h"

static const struct virt_fdt_config config = {
    .nharts = 2, .ram_size = 256ull << 20, .isa = "rv64imafdc_zicsr_zifencei_zba_zbb_zbc_zbs",
    .mmu = "riscv,sv48", .bootargs = "console=ttyS0 quiet", .initrd_start = 0x88000000,
    .initrd_end = 0x88100000, .has_disk = true,
};

static uint8_t blob[65536];

static uint64_t cells64(const void *p) { return (uint64_t)fdt32_ld(p) << 32 | fdt32_ld((const fdt32_t *)p + 1); }

static void test_libfdt_reads(void **state)
{
    (void)state;
    char err[200];
    size_t n = virt_fdt_build(&config, blob, sizeof blob, err, sizeof err);
    assert_true(n > 0 && n < sizeof blob);
    assert_int_equal(fdt_check_header(blob), 0);
    int len;
    int mem = fdt_path_offset(blob, "/memory@80000000");
    assert_true(mem >= 0);
    const fdt32_t *reg = fdt_getprop(blob, mem, "reg", &len);
    assert_int_equal(len, 16);
    assert_int_equal(cells64(reg), 0x80000000);
    assert_int_equal(cells64(reg + 2), 256ull << 20);
    int cpus = fdt_path_offset(blob, "/cpus");
    assert_int_equal(fdt32_ld(fdt_getprop(blob, cpus, "timebase-frequency", &len)), 10000000);
    int cpu1 = fdt_path_offset(blob, "/cpus/cpu@1");
    assert_true(cpu1 >= 0);
    assert_string_equal(fdt_getprop(blob, cpu1, "riscv,isa", &len), config.isa);
    assert_string_equal(fdt_getprop(blob, cpu1, "mmu-type", &len), "riscv,sv48");
    int intc = fdt_path_offset(blob, "/cpus/cpu@1/interrupt-controller");
    assert_true(intc >= 0);
    assert_int_equal(fdt_node_check_compatible(blob, intc, "riscv,cpu-intc"), 0);
    const char *paths[] = { "/soc/clint@2000000", "/soc/plic@c000000", "/soc/serial@10000000",
                            "/soc/virtio_mmio@10001000", "/soc/test@100000", "/poweroff", "/reboot" };
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
        assert_true(fdt_path_offset(blob, paths[i]) >= 0);
    int plic = fdt_path_offset(blob, "/soc/plic@c000000");
    assert_int_equal(fdt_node_check_compatible(blob, plic, "riscv,plic0"), 0);
    const fdt32_t *ie = fdt_getprop(blob, plic, "interrupts-extended", &len);
    assert_int_equal(len, 4 * 4 * 2);                   /* (intc, MEIP), (intc, SEIP) per hart */
    assert_int_equal(fdt32_ld(ie + 1), 11);
    assert_int_equal(fdt32_ld(ie + 3), 9);
    assert_int_equal(fdt_node_offset_by_phandle(blob, fdt32_ld(ie + 4)), intc);
    int uart = fdt_path_offset(blob, "/soc/serial@10000000");
    assert_int_equal(fdt32_ld(fdt_getprop(blob, uart, "interrupts", &len)), 10);
    assert_int_equal(fdt_node_offset_by_phandle(blob, fdt32_ld(fdt_getprop(blob, uart, "interrupt-parent", &len))), plic);
    int chosen = fdt_path_offset(blob, "/chosen");
    assert_string_equal(fdt_getprop(blob, chosen, "bootargs", &len), "console=ttyS0 quiet");
    assert_string_equal(fdt_getprop(blob, chosen, "stdout-path", &len), "/soc/serial@10000000");
    assert_int_equal(cells64(fdt_getprop(blob, chosen, "linux,initrd-start", &len)), 0x88000000);
    assert_int_equal(cells64(fdt_getprop(blob, chosen, "linux,initrd-end", &len)), 0x88100000);
    int poweroff = fdt_path_offset(blob, "/poweroff");
    int test = fdt_path_offset(blob, "/soc/test@100000");
    assert_int_equal(fdt_node_offset_by_phandle(blob, fdt32_ld(fdt_getprop(blob, poweroff, "regmap", &len))), test);
}

static void test_deterministic_and_errors(void **state)
{
    (void)state;
    static uint8_t other[65536];
    char err[200];
    size_t n = virt_fdt_build(&config, blob, sizeof blob, err, sizeof err);
    assert_int_equal(virt_fdt_build(&config, other, sizeof other, err, sizeof err), n);
    assert_memory_equal(blob, other, n);
    struct virt_fdt_config c = config;
    c.nharts = 0;
    assert_int_equal(virt_fdt_build(&c, blob, sizeof blob, err, sizeof err), 0);
    c = config;
    c.has_disk = false;
    c.initrd_start = c.initrd_end = 0;
    c.bootargs = NULL;
    assert_true(virt_fdt_build(&c, blob, sizeof blob, err, sizeof err) > 0);
    assert_true(fdt_path_offset(blob, "/soc/virtio_mmio@10001000") < 0);
    assert_true(fdt_getprop(blob, fdt_path_offset(blob, "/chosen"), "linux,initrd-start", NULL) == NULL);
    assert_int_equal(virt_fdt_build(&config, blob, 256, err, sizeof err), 0);   /* too small */
    assert_non_null(strstr(err, "device tree"));
}

static void test_dtc_decompiles(void **state)
{
    (void)state;
    char err[200], path[] = "/tmp/test_dev_fdt-XXXXXX", cmd[256], line[256];
    size_t n = virt_fdt_build(&config, blob, sizeof blob, err, sizeof err);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, blob, n), (ssize_t)n);
    close(fd);
    snprintf(cmd, sizeof cmd, "dtc -q -I dtb -O dts %s 2>&1", path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    const char *want[] = { "memory@80000000 {", "cpu@0 {", "interrupt-controller {", "clint@2000000 {",
                           "plic@c000000 {", "serial@10000000 {", "virtio_mmio@10001000 {", "test@100000 {",
                           "chosen {", "riscv,isa = \"rv64imafdc", "compatible = \"ns16550a\";" };
    unsigned seen = 0;
    while (fgets(line, sizeof line, p))
        for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
            if (strstr(line, want[i]))
                seen |= 1u << i;
    int status = pclose(p);
    unlink(path);
    assert_int_equal(status, 0);
    assert_int_equal(seen, (1u << (sizeof want / sizeof want[0])) - 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_libfdt_reads), cmocka_unit_test(test_deterministic_and_errors),
        cmocka_unit_test(test_dtc_decompiles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
