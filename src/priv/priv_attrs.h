/* The privileged state of a hart as a snapshot attribute value: a dictionary of every CSR by
 * name plus the privilege mode, or NIL for a user-mode hart (which has none). */
#ifndef SNAPSIM_PRIV_PRIV_ATTRS_H
#define SNAPSIM_PRIV_PRIV_ATTRS_H

#include <stddef.h>

#include "core/hart.h"
#include "snapshot/attr_value.h"

/* The attribute's type signature. */
#define PRIV_ATTR_SIG "{s:i}|n"

int priv_attr_get(const struct priv_state *p, struct attr_value *out);
/* Every key must be present and known, and the whole state valid (priv_state_valid); on error
 * the state is unchanged and err holds one line. */
int priv_attr_set(struct priv_state *p, const struct attr_value *v, char *err, size_t errlen);

#endif
