/*
** core/disc_tables.h — the polynomial coefficients of the fast discrete
** kernels (core/discrete.c).  Written by tests/gen_disc_tables.py
** (mpmath); do not edit by hand.
*/
#ifndef KL_DISC_TABLES_H
#define KL_DISC_TABLES_H

/* atanh(s) = s + s^3 B(s^2), s^2 <= 0.1681: relative error 2^-50.9 */
#define DISC_B0 0x1.5555555555558p-2
#define DISC_B1 0x1.9999999997c6fp-3
#define DISC_B2 0x1.24924926429c3p-3
#define DISC_B3 0x1.c71c708f9526fp-4
#define DISC_B4 0x1.745d50a35f63ap-4
#define DISC_B5 0x1.3b0d8ea2d331dp-4
#define DISC_B6 0x1.117923c055d2dp-4
#define DISC_B7 0x1.d91b7b6298690p-5
#define DISC_B8 0x1.eb095674ff408p-5
#define DISC_B9 0x1.206286367bef0p-6
#define DISC_B10 0x1.b97dacf7df261p-4

/* (1+s) ln(1+s) + (1-s) ln(1-s) = s^2 C(s^2), same s: relative error
** 2^-55.0 */
#define DISC_C0 0x1.0000000000000p+0
#define DISC_C1 0x1.55555555552e3p-3
#define DISC_C2 0x1.1111111159910p-4
#define DISC_C3 0x1.249248f04dc9fp-5
#define DISC_C4 0x1.6c16d4af8f641p-6
#define DISC_C5 0x1.f077ff11b320dp-7
#define DISC_C6 0x1.685c95ca74b06p-7
#define DISC_C7 0x1.0e1b0933f788dp-7
#define DISC_C8 0x1.d4e3db0d4bb92p-8
#define DISC_C9 0x1.62dded853642bp-9
#define DISC_C10 0x1.436d6b7878bfbp-7

/* atanh(s) = s + s^3 D(s^2), s^2 <= 0.030625: relative error 2^-50.5 */
#define DISC_D0 0x1.5555555555559p-2
#define DISC_D1 0x1.9999999993f99p-3
#define DISC_D2 0x1.2492493008ddep-3
#define DISC_D3 0x1.c71c60483a8cfp-4
#define DISC_D4 0x1.74636f54f6b69p-4
#define DISC_D5 0x1.39e69f39d52e5p-4
#define DISC_D6 0x1.2c7819fe10222p-4

#endif /* KL_DISC_TABLES_H */
