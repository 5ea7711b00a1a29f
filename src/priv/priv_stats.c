#include "priv/priv_stats.h"

#include "platform/virt_machine.h"
#include "priv/system.h"

void priv_stats_json(const struct priv_tlb *tlb, const struct priv_counts *n, const struct machine *m,
                     cJSON *core)
{
    cJSON_AddNumberToObject(core, "tlb_misses", (double)tlb->misses);
    cJSON_AddNumberToObject(core, "page_walks", (double)tlb->walks);
    cJSON_AddNumberToObject(core, "interrupts", (double)n->interrupts);
    cJSON_AddNumberToObject(core, "exceptions", (double)n->exceptions);
    cJSON_AddNumberToObject(core, "instructions_m", (double)n->mode_insns[PRIV_M]);
    cJSON_AddNumberToObject(core, "instructions_s", (double)n->mode_insns[PRIV_S]);
    cJSON_AddNumberToObject(core, "instructions_u", (double)n->mode_insns[PRIV_U]);
    if (m->sys->virt)
        virt_machine_stats(m->sys->virt, core);
}
