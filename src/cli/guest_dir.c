/* Finding the bundled guest programs. */
#include "cli/guest_dir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool copy(char *buf, size_t size, const char *s)
{
    return (size_t)snprintf(buf, size, "%s", s) < size;
}

bool guest_dir_path(char *buf, size_t size)
{
    const char *env = getenv("SNAPSIM_GUEST_DIR");
    if (env && *env)
        return copy(buf, size, env);
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            char installed[4096 + 64];
            snprintf(installed, sizeof installed, "%s/%s", exe, SNAPSIM_GUEST_DIR_FROM_BIN);
            if (is_dir(installed))
                return copy(buf, size, installed);
        }
    }
    return is_dir(SNAPSIM_GUEST_DIR) && copy(buf, size, SNAPSIM_GUEST_DIR);
}
