#!/usr/bin/python3
"""Writes the seed corpora tests/fuzz/seeds_sql/ and tests/fuzz/seeds_decode/
(committed; rerun to regenerate).  Layout of a fuzz_sql input: statement
byte, then per parameter a type byte (0 NULL, 1 int, 2 real, 3 text, 4 blob,
5 kl_f64 blob), a 16-bit little-endian length and the bytes."""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def param(kind, payload):
    return bytes([kind]) + struct.pack('<H', len(payload)) + payload


def text(s):
    return param(3, s.encode())


def real(x):
    return param(2, struct.pack('<d', x))


def f32(*xs):
    return param(4, b''.join(struct.pack('<f', x) for x in xs))


def f64(*xs):
    return param(5, b''.join(struct.pack('<d', x) for x in xs))


sql = {
    'gauss_json': bytes([0]) + text('[2,4,6]') + text('[1,2,3]') + text('[3,5,8]') + text('[1.5,2.5,4]'),
    'gauss_unit': bytes([1]) + text('[2,4]') + f32(1, 2) + real(0) + real(1) + text('bits'),
    'gauss_f64': bytes([0]) + f64(1, 2) + f64(1, 1) + real(0) + f64(2, 3),
    'f32': bytes([2]) + text(' [ 1e-3 , -0.5 ,2E+2 ] '),
    'f64': bytes([3]) + param(4, struct.pack('<2d', 0.1, 0.2)),
    'json': bytes([4]) + f32(0.1, 2.5),
    'dims': bytes([5]) + text('[1,2,3]'),
    'div': bytes([6]) + text('[1,2,3]') + text('[3,2,1]'),
    'xent': bytes([7]) + text('[0,1]') + f32(1, 1) + text('bans'),
    'logits': bytes([8]) + text('[1e4,-1e4]') + f32(0, float('-inf')) + text('nats'),
    'roundtrip': bytes([9]) + text('[0.30000000000000004,1e-320]'),
    'gauss_agg': bytes([10]) + real(1) + real(1) + real(0) + real(1) + text('[1,2]') + text('[1,1]') + real(0) + real(2),
    'disc_agg': bytes([11]) + real(1) + real(2) + text('[1,2]') + f32(3, 4) + real(0) + real(5),
    'agg_unit': bytes([12]) + real(1) + real(2) + real(3) + real(4) + param(0, b'') + param(0, b'') + text('bits'),
    'gauss_var': bytes([13]) + text('[2,4,6]') + text('[1,4,9]') + text('[3,5,8]') + f32(2.25, 6.25, 16) + text('bits'),
    'gauss_sym': bytes([14]) + text('[0,1]') + f64(1, 2) + real(0) + real(1),
    'hellinger': bytes([15]) + real(0) + real(1) + text('[1,2]') + text('[2,3]'),
    'mvn': bytes([16]) + text('[0,0]') + text('[[1,0.5],[0.5,2]]') + text('[1,0]') + f64(2, 0, 0, 2) + text('nats'),
    'each': bytes([17]) + text('[2,4,6]') + text('[1,2,3]') + text('[3,5,8]') + text('[1.5,2.5,4]'),
    'each_unit': bytes([18]) + f32(1, 2) + real(1) + real(0) + real(2) + text('bans'),
    'fam_a': bytes([19]) + real(0.3) + real(0.5) + real(10) + real(0) + text('bits'),
    'fam_b': bytes([20]) + text('[2,0.5]') + real(3) + text('[5,1]') + real(7) + text('nats'),
    'fam_c': bytes([21]) + real(0) + real(1) + real(-1) + real(3),
    'dirichlet': bytes([22]) + text('[0.5,2,3.5]') + text('[1,1,7]') + f64(1, 2) + f32(2, 1) + text('bits'),
    'fit': bytes([23]) + text('[1,2]') + text('[3,5]') + text('[5,11]') + param(0, b'') + param(0, b'') + param(0, b'') + real(0),
}
decode = {
    'json': b'\x07[1, 2.5e3, -0.0, 1e-310]',
    'nested': b'\x01[[1],[2]]',
    'number': b'\x3f2.2250738585072011e-308',
    'long': b'\x05' + b'1.' + b'0' * 800 + b'1',
    'blob': b'\x02' + struct.pack('<4f', 1, 2, 3, 4),
    'f64': b'\x02' + bytes([0x4B, 0x4C, 0xC0, 0x7F, 0x66, 0x36, 0x34, 0x01]) + struct.pack('<d', 1.5),
}
for name, corpus in (('seeds_sql', sql), ('seeds_decode', decode)):
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    for k, v in corpus.items():
        with open(os.path.join(d, k), 'wb') as f:
            f.write(v)
print('seeds written')
