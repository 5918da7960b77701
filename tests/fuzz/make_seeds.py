#!/usr/bin/python3
"""Writes the seed corpora tests/fuzz/seeds_sql/, seeds_oracle/ and
seeds_decode/ (committed; rerun to regenerate after make catalogue).  The
catalogue's statements (tests/catalogue/fuzz.h, fuzz_oracle.h) get one seed
each from the function's example (build/catalogue_dump specs).  Layout of a fuzz_sql input: statement
byte, then per parameter a type byte (0 NULL, 1 int, 2 real, 3 text, 4 blob,
5 kl_f64 blob), a 16-bit little-endian length and the bytes."""
import os
import re
import struct
import subprocess

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

def example_params(example):
    """The example's arguments as fuzz parameters: text for quoted values,
    reals for numbers, blobs for X'..', text JSON for json_array(...)."""
    out = []
    for a in re.findall(r"'[^']*'|X'[0-9A-F]*'|json_array\([^)]*\)|[^,\s][^,]*", example):
        a = a.strip()
        if a.startswith("X'"):
            out.append(param(4, bytes.fromhex(a[2:-1])))
        elif a.startswith("'"):
            out.append(text(a[1:-1]))
        elif a.startswith('json_array'):
            out.append(text('[1,2]'))
        else:
            try:
                out.append(real(float(a)))
            except ValueError:
                out.append(real(2.0))
    return out


specs = [line.split('\t') for line in subprocess.check_output(
    [os.path.join(HERE, '..', '..', 'build', 'catalogue_dump'), 'specs'],
    text=True).splitlines()]
catalogue_sql, oracle = {}, {}
index = 0
for name, kind, args, props, upper, bound, doms, example in specs:
    words = re.findall(r'\[?\w+\]?', args)
    nmin = sum(1 for w in words if not w.startswith('['))
    nmax = len(words)
    ps = example_params(example)
    for n in range(nmin, nmax + 1):
        extra = [text('bits')] if n > nmin and 'unit' in args else [real(1)] * (n - nmin)
        catalogue_sql['cat_%s_%d' % (name, n)] = bytes([index]) + b''.join(ps + extra)
        index += 1
# the distribution values' compositions in fuzz_sql.c (after the catalogue's
# statements and the first five compositions)
catalogue_sql['dist_pair'] = bytes([index + 5]) + text('laplace(0, 1)') + text('normal([0.5,2], 1)') + text('bits')
catalogue_sql['dist_make'] = bytes([index + 6]) + real(2) + text('[3,4]') + real(0) + real(1) + text('[0,0]') + text('[[1,0.5],[0.5,2]]')
oracle_fns = [s_ for s_ in specs if int(s_[3]) & 1]
for i, (name, kind, args, props, upper, bound, doms, example) in enumerate(oracle_fns):
    oracle[name] = bytes([i]) + b''.join(example_params(example))
sql.update(catalogue_sql)

# fuzz_diff: a mode byte, then raw doubles
diff = {
    'gauss': bytes([0]) + struct.pack('<8d', 2, 1, 3, 1.5, 4, 2, 5, 2.5),
    'gauss_near': bytes([0]) + struct.pack('<4d', 0, 1, 1e-9, 1 + 1e-12),
    'kl_div': bytes([1]) + struct.pack('<6d', 1, 4, 2, 3, 3, 2),
    'js_div': bytes([2]) + struct.pack('<4d', 1, 0, 0, 1),
    'cross_entropy': bytes([3]) + struct.pack('<4d', 1, 1, 3, 1),
    'entropy': bytes([4]) + struct.pack('<6d', 1, 0, 2, 0, 3, 0),
}

decode = {
    'json': b'\x07[1, 2.5e3, -0.0, 1e-310]',
    'nested': b'\x01[[1],[2]]',
    'number': b'\x3f2.2250738585072011e-308',
    'long': b'\x05' + b'1.' + b'0' * 800 + b'1',
    'blob': b'\x02' + struct.pack('<4f', 1, 2, 3, 4),
    'f64': b'\x02' + bytes([0x4B, 0x4C, 0xC0, 0x7F, 0x66, 0x36, 0x34, 0x01]) + struct.pack('<d', 1.5),
}
for name, corpus in (('seeds_sql', sql), ('seeds_oracle', oracle),
                     ('seeds_diff', diff), ('seeds_decode', decode)):
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    for k, v in corpus.items():
        with open(os.path.join(d, k), 'wb') as f:
            f.write(v)
print('seeds written')
