/* The one registry of every snapshot class of the machine: adding a stateful component means
 * adding its class here. */
#include "checkpoint/ckpt_internal.h"

int ckpt_registry_init(struct snap_registry *reg, char *err, size_t errlen)
{
    static const struct snap_class_def *const classes[] = {
        &ckpt_hart_class, &ckpt_memory_class, &ckpt_image_class, &ckpt_process_class, &ckpt_run_class,
    };
    snap_registry_init(reg);
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (snap_registry_add(reg, classes[i], err, errlen)) {
            snap_registry_free(reg);
            return -1;
        }
    return 0;
}
