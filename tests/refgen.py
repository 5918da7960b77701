"""Helpers shared by the reference generators (tests/gen_*.py): SQL literals
for doubles and for vectors in each of the extension's input forms, packed
here with struct (never with the extension's own kl_f32/kl_f64)."""
import struct
import sys

import numpy as np

F64_HEADER = bytes([0x4B, 0x4C, 0xC0, 0x7F, 0x66, 0x36, 0x34, 0x01])


def real(x):
    """A double as an SQL literal that SQLite reads back as the same value
    (NULL for None or NaN, 9e999 for +Inf)."""
    if x is None:
        return 'NULL'
    x = float(x)
    if x != x:
        return 'NULL'   # SQLite has no NaN: a NaN is stored as NULL
    if x == float('inf'):
        return '9e999'
    if x == float('-inf'):
        return '-9e999'
    if abs(x) == sys.float_info.max:
        # SQLite's literal parser rounds 1.7976931348623157e308 to +Inf
        # where long double is only double (under valgrind): an exact
        # expression instead
        return '%s(2 - power(2, -52)) * power(2, 1023)' % ('-' if x < 0 else '')
    return repr(x)


def as_double(v):
    """An mpmath number to the nearest double, +Inf beyond the range."""
    try:
        return float(v)
    except OverflowError:
        return float('inf')


def scalar_lit(x):
    """A plain number as JSON text ('0.9999999999999999'): the extension
    reads it as a number (it broadcasts) with its own correctly rounded
    parser.  SQLite's own parser rounds some 16- and 17-digit literals
    differently where long double is only double (under valgrind)."""
    return "'" + repr(float(x)) + "'"


def json_lit(v):
    if isinstance(v, list):
        return "'[" + ','.join(repr(float(x)) for x in v) + "]'"
    return scalar_lit(v)


def f32_lit(v):
    if not isinstance(v, list):
        return scalar_lit(v)
    return "X'" + b''.join(struct.pack('<f', x) for x in v).hex().upper() + "'"


def f64_lit(v):
    if not isinstance(v, list):
        return scalar_lit(v)
    return "X'" + (F64_HEADER + b''.join(struct.pack('<d', x) for x in v)).hex().upper() + "'"


def to_f32(v):
    """The float32 values (as doubles) a float32 blob of v holds."""
    if isinstance(v, list):
        return [float(np.float32(x)) for x in v]
    return v


def broadcast(args):
    """Numbers repeated to the vectors' length, as the extension does."""
    n = max(len(a) if isinstance(a, list) else 1 for a in args)
    return [a if isinstance(a, list) else [a] * n for a in args]


def write_counted_table(out, table, schema, rows):
    """Writes CREATE TEMP TABLE table(schema), one INSERT per row (a list of
    SQL literals), and table_count(n) holding the number of rows, so a test
    can tell a truncated file from a whole one."""
    out.write('CREATE TEMP TABLE %s(%s);\n' % (table, schema))
    for lits in rows:
        out.write('INSERT INTO %s VALUES(%s);\n' % (table, ','.join(lits)))
    out.write('CREATE TEMP TABLE %s_count(n INTEGER);\n' % table)
    out.write('INSERT INTO %s_count VALUES(%d);\n' % (table, len(rows)))
