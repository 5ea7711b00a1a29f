/* Attribute type signatures: a small language describing which values an attribute accepts.
 *
 *   i  integer (signed or unsigned)     b  boolean      s  string     f  float
 *   o  object reference                 d  raw data     n  nil        a  any value
 *   [T*]      list of any length of T       [T+]      list of at least one T
 *   [T{N}]    list of exactly N T           [T{N:M}]  list of N to M T
 *   [TUV]     tuple: a list of exactly these types in order, e.g. [isb]
 *   {K:V}     dictionary with keys of type K and values of type V
 *   T|U       either T or U (binds tighter than a tuple's juxtaposition: [i|ns] = (i or n, s))
 *
 * Signatures are compiled once (when a class is registered) and then checked against values. */
#ifndef SNAPSIM_SNAPSHOT_ATTR_SIG_H
#define SNAPSIM_SNAPSHOT_ATTR_SIG_H

#include <stddef.h>

#include "snapshot/attr_value.h"

struct attr_sig;

int attr_sig_compile(const char *text, struct attr_sig **out, char *err, size_t errlen);
void attr_sig_free(struct attr_sig *s);
/* 0 if v matches; otherwise -1 with a message naming the element, e.g.
 * "x[3]: expected integer, got string" (`what` is the attribute name used as the path root). */
int attr_sig_check(const struct attr_sig *s, const struct attr_value *v, const char *what,
                   char *err, size_t errlen);

#endif
