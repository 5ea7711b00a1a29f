/* The table of execution models selectable with --model. */
#include <string.h>

#include "core/model.h"

extern const struct model fast_model;
extern const struct model inorder_model, pompia_model, oroblanco_model;

const struct model *const all_models[] = {
    &fast_model,
    &inorder_model, &pompia_model, &oroblanco_model,
    NULL,
};

static bool alias_matches(const char *aliases, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = aliases; p && *p;) {
        const char *e = strchr(p, ' ');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == n && strncmp(p, name, n) == 0)
            return true;
        p = e ? e + 1 : p + len;
    }
    return false;
}

const struct model *model_find(const char *name)
{
    for (const struct model *const *m = all_models; *m; m++)
        if (strcmp((*m)->name, name) == 0 || alias_matches((*m)->aliases, name))
            return *m;
    return NULL;
}
