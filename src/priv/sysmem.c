/* Physical memory of a system-mode machine. */
#include "priv/sysmem.h"

#include <errno.h>
#include <sys/mman.h>

int sysmem_init(struct sysmem *s, uint64_t base, uint64_t size)
{
    memset(s, 0, sizeof *s);
    /* Untouched pages cost nothing: a large RAM is only a reservation until the guest writes. */
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return -ENOMEM;
    s->ram = p;
    s->ram_base = base;
    s->ram_size = size;
    return 0;
}

void sysmem_destroy(struct sysmem *s)
{
    if (s->ram)
        munmap(s->ram, s->ram_size);
    s->ram = NULL;
}

bool sysmem_read(const struct sysmem *s, uint64_t pa, unsigned size, uint64_t *v)
{
    const uint8_t *host = sysmem_ram(s, pa, size);
    if (host) {
        *v = 0;
        memcpy(v, host, size);   /* little-endian host */
        return true;
    }
    return mmio_bus_read(&s->bus, pa, size, v);
}

bool sysmem_write(struct sysmem *s, uint64_t pa, unsigned size, uint64_t v)
{
    uint8_t *host = sysmem_ram(s, pa, size);
    if (host) {
        memcpy(host, &v, size);
        sysmem_note_store(s, pa, size);
        return true;
    }
    return mmio_bus_write(&s->bus, pa, size, v);
}
