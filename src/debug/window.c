/* Parsing of --trace-window (see window.h). */
#include "debug/window.h"

#include <string.h>

#include "core/config.h"

static bool bound(const char *s, size_t len, uint64_t empty, uint64_t *out)
{
    if (len == 0) {
        *out = empty;
        return true;
    }
    char buf[32];
    if (len >= sizeof buf)
        return false;
    memcpy(buf, s, len);
    buf[len] = 0;
    return config_parse_uint(buf, out);
}

bool window_parse(struct debug_window *w, const char *text)
{
    w->by_cycle = false;
    if (strncmp(text, "cycle:", 6) == 0) {
        w->by_cycle = true;
        text += 6;
    } else if (strncmp(text, "insn:", 5) == 0) {
        text += 5;
    }
    const char *dash = strchr(text, '-');
    if (!dash)
        return false;
    return bound(text, (size_t)(dash - text), 0, &w->from) &&
           bound(dash + 1, strlen(dash + 1), UINT64_MAX, &w->to) && w->from < w->to;
}
