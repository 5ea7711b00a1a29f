/* Bit-exact text form of doubles.
 *
 *   finite      shortest decimal that reads back to the same bits, always with '.' or 'e'
 *               ("1.0", "-0.0", "0.1", "4.9406564584124654e-324"); C hex-float ("0x1.8p+1")
 *               is used only if no decimal of up to 17 digits round-trips (never for IEEE
 *               doubles with a correct libc, but the reader accepts it anywhere)
 *   infinities  "inf", "-inf"
 *   NaN         "nan" for 0x7ff8000000000000, "-nan" for 0xfff8000000000000, and
 *               "nan(0xHHHHHHHHHHHHHHHH)" with the complete 64-bit pattern for any other NaN
 *
 * Formatting and parsing use the "C" locale whatever the process locale is. */
#ifndef SNAPSIM_SNAPSHOT_ATTR_FLOAT_H
#define SNAPSIM_SNAPSHOT_ATTR_FLOAT_H

#include <stddef.h>

#define ATTR_FLOAT_TEXT_MAX 48   /* longest text attr_float_format writes, with NUL */

void attr_float_format(double d, char buf[ATTR_FLOAT_TEXT_MAX]);
/* Parses exactly `len` bytes of text in one of the forms above; 0, or -1 with a message. */
int attr_float_parse(const char *text, size_t len, double *out, char *err, size_t errlen);

#endif
