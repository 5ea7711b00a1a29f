/* The snapshot tools behind `snapsim snapshot` (tools.c). */
#ifndef SNAPSIM_CHECKPOINT_TOOLS_H
#define SNAPSIM_CHECKPOINT_TOOLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Objects, attributes, regions, page files of the chain, sizes and compression ratios. */
int ckpt_info(const char *path, FILE *out, char *err, size_t errlen);
/* Checks the config, every value (as a restore would, without touching the host), every page
 * checksum and every file reference; prints one line per problem and returns their number. */
size_t ckpt_verify(const char *path, FILE *out);
/* The same, finding disks' base images also in the search path; a persistent-state directory
 * (disk images only, `snapshot save-persistent`) is verified as such. */
struct image_search;
size_t ckpt_verify_images(const char *path, const struct image_search *search, FILE *out);
/* Attribute- and page-level differences (page content compared by checksum, wherever in a chain
 * it is stored).  ignore_info skips the informational `run` object. */
int ckpt_diff(const char *a, const char *b, bool ignore_info, FILE *out, size_t *ndiff, char *err, size_t errlen);

#endif
