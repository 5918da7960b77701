/*
** core/disc_tables.h — the polynomial coefficients of the fast discrete
** kernels (core/discrete.c).  Written by tests/gen_disc_tables.py
** (mpmath); do not edit by hand.
*/
#ifndef KL_DISC_TABLES_H
#define KL_DISC_TABLES_H

/* atanh(s) = s + s^3 B(s^2), s^2 <= 0.2601: relative error 2^-50.8 */
#define DISC_B0 0x1.5555555555558p-2
#define DISC_B1 0x1.9999999997e73p-3
#define DISC_B2 0x1.24924925fe48ap-3
#define DISC_B3 0x1.c71c70d833f8bp-4
#define DISC_B4 0x1.745d3fdbdc2abp-4
#define DISC_B5 0x1.3b0f9b687ffd9p-4
#define DISC_B6 0x1.115442cae8b34p-4
#define DISC_B7 0x1.dc23af1884f34p-5
#define DISC_B8 0x1.d9b5db5adf322p-5
#define DISC_B9 0x1.6227d0ebe3cfbp-6
#define DISC_B10 0x1.083c58d24f50bp-3
#define DISC_B11 -0x1.0eb5868027846p-3
#define DISC_B12 0x1.b41fe49aa783ap-3

/* (1+s) ln(1+s) + (1-s) ln(1-s) = s^2 C(s^2), same s: relative error
** 2^-58.0 */
#define DISC_C0 0x1.0000000000000p+0
#define DISC_C1 0x1.5555555555579p-3
#define DISC_C2 0x1.111111110cc34p-4
#define DISC_C3 0x1.24924927dce2bp-5
#define DISC_C4 0x1.6c16c01cd1c59p-6
#define DISC_C5 0x1.f07c6eab93945p-7
#define DISC_C6 0x1.6810673440f3cp-7
#define DISC_C7 0x1.1161e1fcfbef8p-7
#define DISC_C8 0x1.a68e00eff2928p-8
#define DISC_C9 0x1.7de2d402eb0aap-8
#define DISC_C10 0x1.e26bfec84f1b0p-10
#define DISC_C11 0x1.675a870249440p-7
#define DISC_C12 -0x1.53acd509599e3p-7
#define DISC_C13 0x1.f4aa299eb2c4bp-7

#endif /* KL_DISC_TABLES_H */
