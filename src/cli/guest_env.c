/* The guest's starting environment and program file. */
#include "cli/guest_env.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/guest_dir.h"
#include "core/log.h"
#include "linux/process.h"

extern char **environ;

static bool is_named(const char *entry, const char *name, size_t name_len)
{
    return strncmp(entry, name, name_len) == 0 && entry[name_len] == '=';
}

char **guest_env_build(const struct run_options *o, bool host_env)
{
    char **host = host_env && !o->clear_env ? environ : NULL;
    size_t n = 0;
    while (host && host[n])
        n++;
    char **env = calloc(n + o->nenv_set + 1, sizeof *env);
    if (!env)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        bool unset = false;
        for (size_t u = 0; u < o->nenv_unset; u++)
            unset |= is_named(host[i], o->env_unset[u], strlen(o->env_unset[u]));
        if (!unset)
            env[k++] = host[i];
    }
    /* -E replaces a variable in place (its position is part of the guest's view), else appends. */
    for (size_t s = 0; s < o->nenv_set; s++) {
        size_t name_len = (size_t)(strchr(o->env_set[s], '=') - o->env_set[s]);
        size_t j = 0;
        while (j < k && !is_named(env[j], o->env_set[s], name_len))
            j++;
        env[j] = (char *)o->env_set[s];
        if (j == k)
            k++;
    }
    env[k] = NULL;
    return env;
}

bool guest_config_check(const struct config *cfg)
{
    const char *cwd = config_string(cfg, "linux", "cwd");
    if (strcmp(cwd, "host") == 0 || (cwd[0] == '/' && strlen(cwd) < LINUX_PATH_MAX))
        return true;
    log_msg("linux:cwd must be an absolute directory name or 'host', got '%s'", cwd);
    return false;
}

const char *guest_program_path(const char *name, char *buf, size_t size)
{
    if (strchr(name, '/'))
        return name;
    char dir[4096];
    if (guest_dir_path(dir, sizeof dir)) {
        snprintf(buf, size, "%s/%s", dir, name);
        if (access(buf, F_OK) == 0)
            return buf;
    }
    const char *path = getenv("PATH");
    for (const char *p = path; p && *p;) {
        const char *e = strchr(p, ':');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        snprintf(buf, size, "%.*s/%s", (int)len, p, name);
        if (len && access(buf, X_OK) == 0)
            return buf;
        p = e ? e + 1 : p + len;
    }
    return name;   /* the loader reports it missing */
}
