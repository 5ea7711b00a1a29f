/* Exact reinterpretation between floating-point values and their IEEE 754 bit patterns. */
#ifndef SNAPSIM_CORE_BITCAST_H
#define SNAPSIM_CORE_BITCAST_H

#include <stdint.h>
#include <string.h>

static inline uint64_t f64_bits(double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    return u;
}

static inline double f64_value(uint64_t bits)
{
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

static inline uint64_t f32_bits(float v)
{
    uint32_t u;
    memcpy(&u, &v, sizeof u);
    return u;
}

/* The single in the low 32 bits of `bits`. */
static inline float f32_value(uint64_t bits)
{
    uint32_t u = (uint32_t)bits;
    float v;
    memcpy(&v, &u, sizeof v);
    return v;
}

#endif
