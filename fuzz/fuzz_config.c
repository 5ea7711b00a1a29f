/* libFuzzer target: the config parser must never crash, hang or leak on any input, and anything
 * it accepts must write back to text that parses to equal values. */
#include <stdint.h>
#include <stdlib.h>

#include "snapshot/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct snap_config c, again;
    char err[256];
    if (snap_config_parse((const char *)data, size, &c, err, sizeof err) != 0)
        return 0;
    struct strbuf sb = {0};
    if (snap_config_write(&c, &sb, err, sizeof err) == 0) {
        if (snap_config_parse(sb.data, sb.len, &again, err, sizeof err) != 0)
            abort();   /* the writer produced text its own parser rejects */
        if (again.nobjects != c.nobjects)
            abort();
        for (size_t i = 0; i < c.nobjects; i++)
            for (size_t k = 0; k < c.objects[i].nattrs; k++)
                if (!attr_equal(&c.objects[i].attrs[k].value, &again.objects[i].attrs[k].value))
                    abort();
        snap_config_free(&again);
    }
    strbuf_free(&sb);
    snap_config_free(&c);
    return 0;
}
