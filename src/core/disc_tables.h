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
** 2^-58.9 */
#define DISC_C0 0x1.0000000000000p+0
#define DISC_C1 0x1.5555555555555p-3
#define DISC_C2 0x1.11111111110e1p-4
#define DISC_C3 0x1.2492492495d77p-5
#define DISC_C4 0x1.6c16c169e4a51p-6
#define DISC_C5 0x1.f07c1fd734bc1p-7
#define DISC_C6 0x1.681668ad15670p-7
#define DISC_C7 0x1.11130f85f0367p-7
#define DISC_C8 0x1.ac1deb8da6075p-8
#define DISC_C9 0x1.5b28d442b2d56p-8
#define DISC_C10 0x1.0c2db580f7d83p-8
#define DISC_C11 0x1.3642891304d87p-8
#define DISC_C12 -0x1.b929aad988118p-13
#define DISC_C13 0x1.01d9bd6a46f94p-7

#endif /* KL_DISC_TABLES_H */
