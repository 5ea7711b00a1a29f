/* Configuration: typed `component:field` keys with defaults, ranges and descriptions.
 *
 * Components declare their keys in static tables (struct config_key) and register them; the
 * command line sets them as `component:field:value`.  Presets are tables of default overrides
 * applied before the user's settings.  Unknown keys and bad values are errors that name the
 * valid choices. */
#ifndef SNAPSIM_CORE_CONFIG_H
#define SNAPSIM_CORE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum config_type { CONFIG_UINT, CONFIG_BOOL, CONFIG_STRING, CONFIG_ENUM };

struct config_key {
    const char *component;     /* "mainmem" */
    const char *field;         /* "capacity" */
    enum config_type type;
    const char *default_value; /* text, parsed like user input */
    uint64_t min, max;         /* CONFIG_UINT range, inclusive */
    const char *choices;       /* CONFIG_ENUM: space-separated words */
    const char *help;          /* one line */
};

struct config_override { const char *key; const char *value; }; /* key is "component:field" */

#define CONFIG_MAX_KEYS 128

struct config {
    const struct config_key *keys[CONFIG_MAX_KEYS];
    char *values[CONFIG_MAX_KEYS];     /* current value text, owned */
    bool set_by_user[CONFIG_MAX_KEYS];
    size_t nkeys;
};

void config_init(struct config *c);
void config_free(struct config *c);
/* Adds keys (a static table); registering the same component:field twice is a no-op. */
void config_register(struct config *c, const struct config_key *keys, size_t n);

/* Makes dst an independent copy of src (its keys and current values); false if out of memory. */
bool config_copy(struct config *dst, const struct config *src);

/* Sets "component:field:value" (the value may itself contain ':').  On error returns false and
 * writes a one-line message to err. */
bool config_set(struct config *c, const char *assignment, char *err, size_t errlen);
/* Sets one key's value; `user` marks it as given on the command line. */
bool config_set_key(struct config *c, const char *key, const char *value, bool user,
                    char *err, size_t errlen);
/* Applies a preset's overrides as defaults (before user settings). */
bool config_apply_preset(struct config *c, const struct config_override *o, size_t n,
                         char *err, size_t errlen);

/* Was the key given by the user (--config or an option), not left to its default or preset? */
bool config_user_set(const struct config *c, const char *component, const char *field);

/* Typed getters; the key must be registered (a programming error otherwise, reported and fatal). */
uint64_t config_uint(const struct config *c, const char *component, const char *field);
bool config_bool(const struct config *c, const char *component, const char *field);
const char *config_string(const struct config *c, const char *component, const char *field);

/* Parses an unsigned number as the command line takes it (decimal, 0x hex or 0 octal; no sign).
 * False for anything else, including overflow. */
bool config_parse_uint(const char *s, uint64_t *out);

/* Prints every key: name, type, default/current value, range or choices, help. */
void config_print(const struct config *c, FILE *out);

#endif
