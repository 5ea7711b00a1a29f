/* Writing a snapshot of the machine: the page file first, then the config naming it, all inside
 * a temporary directory that is renamed into place only when complete. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "checkpoint/ckpt_internal.h"
#include "checkpoint/machine_snapshot.h"
#include "checkpoint/memory_image.h"
#include "snapshot/config.h"
#include "snapshot/page_image.h"
#include "snapshot/snap_dir.h"
#include "snapshot/snap_error.h"
#include "snapshot/snap_objects.h"
#include "snapshot/snap_verify.h"
#include "platform/virt_machine.h"
#include "priv/system.h"

void ckpt_chain_free(struct ckpt_chain *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->dirs[i]);
    free(c->dirs);
    free(c->ram_hash);
    if (c->disk)
        image_disk_clear(c->disk);
    free(c->disk);
    ckpt_payloads_free(&c->payloads);
    *c = (struct ckpt_chain){0};
}

int ckpt_snapshot_name(char *buf, size_t size, const char *base, uint64_t n)
{
    int k = snprintf(buf, size, "%s.%015llu.snapshot", base, (unsigned long long)n);
    return k < 0 || (size_t)k >= size ? -1 : 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Real path of the directory that will contain `path`. */
static char *parent_real(const char *path)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        dir[--n] = 0;
    char *slash = strrchr(dir, '/');
    if (!slash)
        strcpy(dir, ".");
    else
        *(slash == dir ? slash + 1 : slash) = 0;
    return realpath(dir, NULL);
}

/* checkpoint_path entries: sibling snapshots by name (so a tree of snapshots can be moved), others
 * by absolute path. */
static void chain_attrs(const struct ckpt_chain *chain, const char *parent, struct ckpt_image *img)
{
    img->files = attr_list(chain->n + 1);
    img->checkpoint_path = attr_list(chain->n);
    attr_list_append(&img->files, attr_string(CKPT_PAGES_REF));
    for (size_t i = 0; i < chain->n; i++) {
        char ref[64];
        snprintf(ref, sizeof ref, "%%%zu%%/%s", i + 1, CKPT_PAGES_FILE);
        attr_list_append(&img->files, attr_string(ref));
        const char *d = chain->dirs[i];
        size_t pn = strlen(parent);
        bool sibling = !strncmp(d, parent, pn) && d[pn] == '/' && !strchr(d + pn + 1, '/');
        attr_list_append(&img->checkpoint_path, attr_string(sibling ? d + pn + 1 : d));
    }
}

/* A system-mode machine's RAM pages: all of them, or those changed since the chain's newest
 * snapshot; every page's hash goes to *hashes for the next one (machine_pages.c). */
static int ram_pages_iter(struct machine *m, const struct ckpt_chain *chain, bool incremental,
                          struct machine_page_iter *it, uint64_t **hashes, char *err, size_t errlen)
{
    const struct sysmem *mem = &m->sys->mem;
    uint64_t npages = mem->ram_size >> GUEST_PAGE_SHIFT;
    *it = (struct machine_page_iter){.ram = mem->ram, .base = mem->ram_base, .npages = npages,
                                     .previous = incremental ? chain->ram_hash : NULL,
                                     .hashes = *hashes = malloc(npages * 2 * sizeof **hashes)};
    return *hashes ? 0 : snap_err(err, errlen, "out of memory for the RAM page hashes");
}

static int write_pages(struct snap_dir_writer *w, struct machine *m, const struct ckpt_chain *chain,
                       bool incremental, uint64_t **ram_hashes, struct ckpt_stats *st, char *err, size_t errlen)
{
    int fd;
    struct ckpt_page_iter it = {.mem = &m->mem, .dirty_only = incremental};
    struct machine_page_iter ram_it;
    if (m->sys && ram_pages_iter(m, chain, incremental, &ram_it, ram_hashes, err, errlen))
        return -1;
    if (snap_dir_create_file(w, CKPT_PAGES_FILE, &fd, err, errlen))
        return -1;
    struct snap_pages_opts po = {.record_zero_pages = incremental};
    struct snap_pages_stats ps;
    if (snap_pages_write(fd, m->sys ? machine_page_iter_next : ckpt_page_iter_next, m->sys ? (void *)&ram_it : &it,
                         &po, &ps, err, errlen)) {
        close(fd);
        return -1;
    }
    st->pages = ps.pages;
    st->zero_pages = ps.zero_pages;
    st->page_bytes = ps.file_bytes;
    return snap_dir_close_file(fd, CKPT_PAGES_FILE, err, errlen);
}

static int write_config(struct snap_dir_writer *w, struct machine *m, const struct ckpt_chain *chain,
                        const char *parent, struct ckpt_sharing *sharing, const struct ckpt_capture_opts *opts,
                        struct image_disk *disk, char *err, size_t errlen)
{
    struct snap_registry reg;
    if (ckpt_registry_init(&reg, err, errlen))
        return -1;
    struct ckpt_memory cm = {.mem = &m->mem};
    struct ckpt_image img;
    chain_attrs(chain, parent, &img);
    struct ckpt_process cp = {.p = m->proc, .cycles = machine_cycles(m)};
    struct ckpt_run run = {.info = opts ? opts->info : NULL, .config = m->config, .instret = m->hart.instret,
                           .host_time = (int64_t)time(NULL)};
    /* A system-mode machine has no process: its objects are RAM, the HTIF words and the clock. */
    struct machine_ram ram = {0};
    struct machine_htif htif = {0};
    struct machine_clock clock = {.cycles = machine_cycles(m)};
    if (m->sys) {
        ram = (struct machine_ram){m->sys->mem.ram_base, m->sys->mem.ram_size};
        htif = (struct machine_htif){m->sys->tohost_pa, m->sys->fromhost_pa};
    }
    struct snap_instance inst[(int)CKPT_NOBJECTS > (int)MACHINE_NOBJECTS + (int)MACHINE_VIRT_MAX_OBJECTS
                                  ? (int)CKPT_NOBJECTS : (int)MACHINE_NOBJECTS + (int)MACHINE_VIRT_MAX_OBJECTS];
    size_t ninst = m->sys ? MACHINE_NOBJECTS : CKPT_NOBJECTS;
    if (m->sys)
        machine_instances(inst, &m->hart, &ram, &img, &htif, &clock, &run);
    if (m->sys && m->sys->virt)
        ninst += machine_virt_instances(inst + ninst, m->sys->virt, disk);
    if (!m->sys)
        ckpt_instances(inst, &m->hart, &cm, &img, &cp, &run);
    struct snap_config cfg;
    struct snap_raw_writer raw;
    struct strbuf text = {0};
    snap_raw_writer_init(&raw, w->dir_fd);
    raw.sharing = &sharing->cb;
    snap_config_init(&cfg);
    int rc = -1;
    if (!attr_ok(&img.files) || !attr_ok(&img.checkpoint_path))
        snap_err(err, errlen, "out of memory");
    else if ((m->sys || (ckpt_files_collect(&cp, err, errlen) == 0 && ckpt_fs_collect(&cp, err, errlen) == 0 &&
                         ckpt_process_check(&cp, err, errlen) == 0)) &&
             snap_capture(&reg, inst, ninst, &raw, &cfg, err, errlen) == 0 &&
             snap_raw_writer_finish(&raw, err, errlen) == 0 &&
             (sharing->raw_bytes = raw.size, sharing->shared_bytes = raw.shared_bytes, true) &&
             snap_config_write(&cfg, &text, err, errlen) == 0) {
        size_t len;
        char *bytes = strbuf_take(&text, &len);
        rc = bytes ? snap_dir_write_file(w, SNAP_CONFIG_FILE, bytes, len, err, errlen)
                   : snap_err(err, errlen, "out of memory");
        free(bytes);
    }
    if (rc && raw.fd >= 0)
        close(raw.fd);
    strbuf_free(&text);
    snap_config_free(&cfg);
    ckpt_process_clear(&cp);
    attr_free(&img.files);
    attr_free(&img.checkpoint_path);
    snap_registry_free(&reg);
    return rc;
}

int ckpt_capture(struct machine *m, const char *path, struct ckpt_chain *chain,
                 const struct ckpt_capture_opts *opts, struct ckpt_stats *stats, char *err, size_t errlen)
{
    double t0 = now();
    struct ckpt_stats st = {.mapped_bytes = m->mem.mapped_bytes};
    struct ckpt_chain none = {0};
    bool incremental = chain && chain->n > 0 && chain->n < CKPT_MAX_CHAIN && !(opts && opts->independent);
    /* A system-mode increment needs the hashes RAM had at the previous snapshot. */
    if (m->sys && incremental && (!chain->ram_hash || chain->ram_pages != m->sys->mem.ram_size >> GUEST_PAGE_SHIFT))
        incremental = false;
    /* ... and the virt machine's disk, its disk0 object there. */
    struct virt_machine *virt = m->sys ? m->sys->virt : NULL;
    bool disk = virt && virt->has_disk;
    if (disk && incremental && !chain->disk)
        incremental = false;
    const struct ckpt_chain *ancestors = incremental ? chain : &none;
    if (m->proc)
        linux_snapshot_prepare(m);
    /* Never write what restore refuses (memory_class.c bounds the region list). */
    if (m->mem.nregions > CKPT_MAX_REGIONS)
        return snap_err(err, errlen, "the guest has %zu memory regions; a snapshot holds at most %d",
                        (size_t)m->mem.nregions, CKPT_MAX_REGIONS);

    struct snap_dir_writer w;
    char *parent = parent_real(path);
    if (!parent)
        return snap_err(err, errlen, "%s: the directory for the snapshot does not exist", path);
    if (snap_dir_begin_replacing(&w, path, opts && opts->replace, err, errlen)) {
        free(parent);
        return -1;
    }
    struct ckpt_sharing sharing;
    ckpt_sharing_init(&sharing, ancestors);
    uint64_t *ram_hashes = NULL;
    struct image_disk disk_obj = {0};
    if (write_pages(&w, m, ancestors, incremental, &ram_hashes, &st, err, errlen) ||
        (disk && machine_disk_capture(&w, virt, incremental ? chain->disk : NULL, &disk_obj, err, errlen)) ||
        write_config(&w, m, ancestors, parent, &sharing, opts, &disk_obj, err, errlen)) {
        snap_dir_abort(&w);
        ckpt_sharing_free(&sharing);
        free(ram_hashes);
        free(parent);
        image_disk_clear(&disk_obj);
        return -1;
    }
    free(parent);
    if (snap_dir_commit(&w, err, errlen)) {
        ckpt_sharing_free(&sharing);
        free(ram_hashes);
        image_disk_clear(&disk_obj);
        return -1;
    }
    ckpt_clear_dirty(&m->mem);
    if (disk)
        disk_image_clear_dirty(&virt->disk);

    st.chain_length = ancestors->n;
    st.raw_bytes = sharing.raw_bytes;
    st.shared_bytes = sharing.shared_bytes;
    char *real = realpath(path, NULL);
    if (chain) {
        if (!incremental)
            ckpt_chain_free(chain);
        char **dirs = real ? realloc(chain->dirs, (chain->n + 1) * sizeof *dirs) : NULL;
        if (!dirs) {
            free(real);
            image_disk_clear(&disk_obj);
            ckpt_chain_free(chain);   /* the next snapshot is then standalone */
        } else {
            memmove(dirs + 1, dirs, chain->n * sizeof *dirs);
            dirs[0] = real;
            chain->dirs = dirs;
            chain->n++;
            ckpt_sharing_commit(&sharing, chain, real);
            free(chain->ram_hash);
            chain->ram_hash = ram_hashes;
            chain->ram_pages = m->sys ? m->sys->mem.ram_size >> GUEST_PAGE_SHIFT : 0;
            ram_hashes = NULL;
            if (disk) {
                if (chain->disk)
                    image_disk_clear(chain->disk);
                else
                    chain->disk = malloc(sizeof *chain->disk);
                if (chain->disk)
                    *chain->disk = disk_obj;
                else
                    image_disk_clear(&disk_obj);   /* the next snapshot then starts a chain */
            }
        }
    } else {
        free(real);
        image_disk_clear(&disk_obj);
    }
    free(ram_hashes);
    ckpt_sharing_free(&sharing);
    st.seconds = now() - t0;
    if (stats)
        *stats = st;
    return 0;
}
