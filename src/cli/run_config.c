#include "cli/run_config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "version.h"

/* Does the assignment "component:field:value" set this key? */
static bool assigns(const char *assignment, const struct config_key *k)
{
    size_t c = strlen(k->component), f = strlen(k->field);
    return !strncmp(assignment, k->component, c) && assignment[c] == ':' &&
           !strncmp(assignment + c + 1, k->field, f) && assignment[c + 1 + f] == ':';
}

static bool any_assigns(const char *const *list, size_t n, const struct config_key *k)
{
    for (size_t i = 0; i < n; i++)
        if (assigns(list[i], k))
            return true;
    return false;
}

/* Options are applied after --config, --config after the preset: the last one that set it. */
static const char *source_of(const struct config_key *k, const struct model *model,
                             const struct run_options *o)
{
    if (any_assigns(o->model_settings, o->nmodel_settings, k))
        return "option";
    if (any_assigns(o->config, o->nconfig, k))
        return "--config";
    char key[256];
    snprintf(key, sizeof key, "%s:%s", k->component, k->field);
    for (size_t i = 0; i < model->npreset; i++)
        if (!strcmp(model->preset[i].key, key))
            return "preset";
    return "default";
}

static cJSON *string_array(char *const *v, size_t n)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; v && i < n && v[i]; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(v[i]));
    return a;
}

static cJSON *number_array(const uint64_t *v, size_t n)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; i < n; i++)
        cJSON_AddItemToArray(a, cJSON_CreateNumber((double)v[i]));
    return a;
}

static cJSON *options_json(const struct run_options *o)
{
    static const char *const on_ckpt[] = {"snapshot", "exit", "ignore"};
    cJSON *j = cJSON_CreateObject();
    cJSON_AddNumberToObject(j, "max_instructions", (double)o->max_instructions);
    cJSON_AddItemToObject(j, "snapshots", number_array(o->snapshots, o->nsnapshots));
    cJSON_AddNumberToObject(j, "snapshot_every", (double)o->snapshot_every);
    cJSON_AddBoolToObject(j, "independent_snapshots", o->independent_snapshots);
    cJSON_AddStringToObject(j, "on_checkpoint", on_ckpt[o->on_checkpoint]);
    cJSON_AddNumberToObject(j, "work_end_exit", (double)o->work_end_exit);
    if (o->restore)
        cJSON_AddStringToObject(j, "restore", o->restore);
    cJSON_AddBoolToObject(j, "force_restore", o->force_restore);
    cJSON_AddItemToObject(j, "allow_paths", string_array((char *const *)o->allow_paths, o->nallow_paths));
    return j;
}

static cJSON *host_json(void)
{
    cJSON *j = cJSON_CreateObject();
    struct utsname u;
    if (uname(&u) == 0) {
        cJSON_AddStringToObject(j, "hostname", u.nodename);
        cJSON_AddStringToObject(j, "system", u.sysname);
        cJSON_AddStringToObject(j, "release", u.release);
        cJSON_AddStringToObject(j, "machine", u.machine);
    }
    cJSON_AddNumberToObject(j, "cpus", (double)sysconf(_SC_NPROCESSORS_ONLN));
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd))
        cJSON_AddStringToObject(j, "cwd", cwd);
    cJSON *tty = cJSON_AddObjectToObject(j, "terminal");
    cJSON_AddBoolToObject(tty, "stdin", isatty(0));
    cJSON_AddBoolToObject(tty, "stdout", isatty(1));
    cJSON_AddBoolToObject(tty, "stderr", isatty(2));
    return j;
}

cJSON *run_config_json(const struct config *cfg, const struct model *model,
                       const struct run_options *o, int nargs, char *const *args, char *const *env)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "snapsim_version", SNAPSIM_VERSION);
    cJSON_AddStringToObject(j, "model", model->name);
    cJSON *cmd = string_array(args, (size_t)nargs);
    cJSON_InsertItemInArray(cmd, 0, cJSON_CreateString("run"));
    cJSON_InsertItemInArray(cmd, 0, cJSON_CreateString("snapsim"));
    cJSON_AddItemToObject(j, "command_line", cmd);
    cJSON *guest = cJSON_AddObjectToObject(j, "guest");
    if (o->restore) {
        cJSON_AddStringToObject(guest, "restored_from", o->restore);
    } else if (o->virt) {   /* what the virt machine boots (absent: none given) */
        const char *name[] = { "bios", "kernel", "initrd", "disk", "append" };
        const char *value[] = { o->bios, o->kernel, o->initrd, o->disk, o->append };
        for (size_t i = 0; i < sizeof name / sizeof name[0]; i++)
            if (value[i])
                cJSON_AddStringToObject(guest, name[i], value[i]);
    } else {
        cJSON_AddStringToObject(guest, "program", o->program);
        cJSON_AddItemToObject(guest, "argv", string_array(o->argv, (size_t)o->argc));
        size_t nenv = 0;
        while (env && env[nenv])
            nenv++;
        cJSON_AddItemToObject(guest, "env", string_array(env, nenv));
    }
    if (o->readfile) {
        cJSON *rf = cJSON_AddObjectToObject(j, "readfile");
        cJSON_AddStringToObject(rf, "path", o->readfile);
        struct stat st;
        if (stat(o->readfile, &st) == 0)
            cJSON_AddNumberToObject(rf, "bytes", (double)st.st_size);
    }
    cJSON_AddItemToObject(j, "options", options_json(o));
    cJSON *keys = cJSON_AddObjectToObject(j, "keys");
    for (size_t i = 0; i < cfg->nkeys; i++) {
        const struct config_key *k = cfg->keys[i];
        char name[256];
        snprintf(name, sizeof name, "%s:%s", k->component, k->field);
        cJSON *e = cJSON_AddObjectToObject(keys, name);
        cJSON_AddStringToObject(e, "value", cfg->values[i]);
        cJSON_AddStringToObject(e, "source", source_of(k, model, o));
    }
    cJSON_AddItemToObject(j, "host", host_json());
    return j;
}
