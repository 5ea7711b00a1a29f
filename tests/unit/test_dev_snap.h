/* Shared by the device snapshot tests: save one device object through its class, write and
 * re-parse the config text (what a snapshot file holds), restore it into another object. */
#ifndef SNAPSIM_TEST_DEV_SNAP_H
#define SNAPSIM_TEST_DEV_SNAP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checkpoint/device_class.h"
#include "snapshot/config.h"
#include "snapshot/snap_objects.h"
#include "snapshot/strbuf.h"

/* Captures obj as object "dev" of class cls into *cfg, through text. */
static void dev_save(const struct snap_class_def *cls, void *obj, struct snap_config *cfg)
{
    struct snap_registry reg;
    char err[300];
    snap_registry_init(&reg);
    assert_int_equal(ckpt_device_classes_add(&reg, err, sizeof err), 0);
    struct snap_instance inst = { "dev", cls->name, obj };
    struct snap_config direct;
    snap_config_init(&direct);
    if (snap_capture(&reg, &inst, 1, NULL, &direct, err, sizeof err))
        fail_msg("capture: %s", err);
    struct strbuf text = { 0 };
    assert_int_equal(snap_config_write(&direct, &text, err, sizeof err), 0);
    snap_config_init(cfg);
    if (snap_config_parse(text.data, text.len, cfg, err, sizeof err))
        fail_msg("parse: %s\n%s", err, text.data);
    strbuf_free(&text);
    snap_config_free(&direct);
    snap_registry_free(&reg);
}

/* Restores cfg into obj; returns 0, or -1 with the message in err. */
static int dev_restore(const struct snap_class_def *cls, const struct snap_config *cfg, void *obj, char *err,
                       size_t errlen)
{
    struct snap_registry reg;
    snap_registry_init(&reg);
    assert_int_equal(ckpt_device_classes_add(&reg, err, errlen), 0);
    struct snap_instance inst = { "dev", cls->name, obj };
    struct snap_load_opts opts = { 0 };
    int rc = snap_restore(&reg, cfg, &inst, 1, &opts, err, errlen);
    snap_registry_free(&reg);
    return rc;
}

/* The saved value of attribute name, to edit before a restore. */
static struct attr_value *dev_attr(struct snap_config *cfg, const char *name)
{
    for (size_t i = 0; i < cfg->objects[0].nattrs; i++)
        if (!strcmp(cfg->objects[0].attrs[i].name, name))
            return &cfg->objects[0].attrs[i].value;
    fail_msg("no attribute %s", name);
    return NULL;
}

static void dev_set_attr(struct snap_config *cfg, const char *name, struct attr_value v)
{
    struct attr_value *a = dev_attr(cfg, name);
    attr_free(a);
    *a = v;
}

/* Restoring a config whose attribute name was replaced by v must fail naming `what`. */
static void dev_refuses(const struct snap_class_def *cls, void *src, void *dst, const char *name,
                        struct attr_value v, const char *what)
{
    struct snap_config cfg;
    char err[300] = "";
    dev_save(cls, src, &cfg);
    dev_set_attr(&cfg, name, v);
    assert_int_not_equal(dev_restore(cls, &cfg, dst, err, sizeof err), 0);
    if (!strstr(err, what))
        fail_msg("restoring %s: message '%s' does not name '%s'", name, err, what);
    snap_config_free(&cfg);
}

#endif
