#include "cli/stats.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"

static cJSON *op_counts(const struct machine *m)
{
    cJSON *ops = cJSON_CreateObject();
    for (int op = 0; op < OP_COUNT; op++)
        if (m->op_count[op])
            cJSON_AddNumberToObject(ops, op_mnemonic((enum op)op), (double)m->op_count[op]);
    return ops;
}

bool stats_write(const char *path, const struct model *model, struct model_instance *inst,
                 const struct machine *m, double host_seconds)
{
    cJSON *top = cJSON_CreateObject();
    cJSON_AddStringToObject(top, "model", model->name);
    cJSON_AddNumberToObject(top, "instructions", (double)m->hart.instret);
    cJSON *core = cJSON_CreateObject();
    cJSON_AddNumberToObject(core, "instructions", (double)m->hart.instret);
    cJSON_AddItemToObject(core, "opcodes", op_counts(m));
    if (model->stats)
        model->stats(inst, m, top, core);
    if (!cJSON_GetObjectItem(top, "cycle"))
        cJSON_AddNumberToObject(top, "cycle", (double)m->hart.instret);
    cJSON_AddNumberToObject(top, "host_seconds", host_seconds);
    cJSON_AddItemToObject(top, "0", core);

    char *text = cJSON_Print(top);
    cJSON_Delete(top);
    if (!text) {
        log_msg("cannot format statistics: out of memory");
        return false;
    }
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp.%d", path, (int)getpid());
    FILE *f = fopen(tmp, "w");
    bool ok = f && fputs(text, f) >= 0 && fputc('\n', f) != EOF;
    if (f && fclose(f) != 0)
        ok = false;
    if (ok && rename(tmp, path) != 0)
        ok = false;
    if (!ok) {
        log_msg("cannot write statistics to %s: %s", path, strerror(errno));
        unlink(tmp);
    }
    free(text);
    return ok;
}
