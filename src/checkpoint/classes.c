/* The one registry of every snapshot class of the machine: adding a stateful component means
 * adding its class here. */
#include "checkpoint/ckpt_internal.h"
#include "checkpoint/device_class.h"
#include "checkpoint/image_disk.h"
#include "checkpoint/machine_snapshot.h"

int ckpt_registry_init(struct snap_registry *reg, char *err, size_t errlen)
{
    static const struct snap_class_def *const classes[] = {
        &ckpt_hart_class, &ckpt_memory_class, &ckpt_image_class, &ckpt_process_class, &ckpt_run_class,
        &ckpt_phys_memory_class, &ckpt_htif_class, &ckpt_clock_class, &ckpt_disk_image_class,
        &ckpt_uart_class, &ckpt_clint_class, &ckpt_plic_class, &ckpt_virtio_blk_class,
    };
    snap_registry_init(reg);
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (snap_registry_add(reg, classes[i], err, errlen)) {
            snap_registry_free(reg);
            return -1;
        }
    return 0;
}

void ckpt_instances(struct snap_instance inst[CKPT_NOBJECTS], struct hart *hart, struct ckpt_memory *cm,
                    struct ckpt_image *img, struct ckpt_process *cp, struct ckpt_run *run)
{
    inst[0] = (struct snap_instance){ "cpu0", ckpt_hart_class.name, hart };
    inst[1] = (struct snap_instance){ "memory", ckpt_memory_class.name, cm };
    inst[2] = (struct snap_instance){ "mem0", ckpt_image_class.name, img };
    inst[3] = (struct snap_instance){ "proc", ckpt_process_class.name, cp };
    inst[4] = (struct snap_instance){ "run", ckpt_run_class.name, run };
}
