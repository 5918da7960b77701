"""sqlite-kl: the KL-divergence SQLite extension, bundled.

    import sqlite3, sqlite_kl
    conn = sqlite3.connect(':memory:')
    sqlite_kl.load(conn)

load(conn) loads the library this package ships into a sqlite3 connection;
loadable_path() is that library's path.  f32(), f64() and to_numpy() turn
numpy arrays into the extension's vector blobs and back (they need numpy).
"""
import os
import sys

from ._version import __version__  # written at build time from src/kl.h

__all__ = ['load', 'loadable_path', 'f32', 'f64', 'to_numpy',
           'ExtensionLoadingUnavailable', 'KL_F64_HEADER', '__version__']

# The first 8 bytes of a kl_f64 blob: "KL", two bytes that make bytes 0-3 a
# quiet NaN when read as float32 (so no valid float32 vector starts so),
# "f64" and the format version 1.
KL_F64_HEADER = b'KL\xc0\x7ff64\x01'

_HERE = os.path.dirname(os.path.abspath(__file__))
_LIBRARIES = ('kl.so', 'kl.dll', 'kl.dylib')


class ExtensionLoadingUnavailable(RuntimeError):
    """This Python's sqlite3 module cannot load extensions."""


def loadable_path():
    """The path of the compiled extension bundled with this package."""
    for name in _LIBRARIES:
        path = os.path.join(_HERE, name)
        if os.path.isfile(path):
            return path
    raise FileNotFoundError(
        'sqlite_kl: no compiled library (%s) in %s; this installation is '
        'incomplete: reinstall sqlite-kl from a wheel, or build it from the '
        'sdist with a C compiler and make' % (' or '.join(_LIBRARIES), _HERE))


def load(conn):
    """Load sqlite-kl into conn (a sqlite3.Connection, or any connection
    with enable_load_extension and load_extension).  Extension loading is
    enabled for the load and disabled again afterwards."""
    if not hasattr(conn, 'enable_load_extension'):
        raise ExtensionLoadingUnavailable(
            'sqlite_kl.load: this Python (%s) has a sqlite3 module built '
            'without extension loading (%s has no enable_load_extension). '
            'Use a Python built with it: Debian/Ubuntu\'s /usr/bin/python3, '
            'or with pyenv rebuild it as '
            'PYTHON_CONFIGURE_OPTS="--enable-loadable-sqlite-extensions" '
            'pyenv install --force VERSION'
            % (sys.executable, type(conn).__module__ + '.' + type(conn).__qualname__))
    conn.enable_load_extension(True)
    try:
        conn.load_extension(loadable_path())
    finally:
        conn.enable_load_extension(False)


def _numpy(name):
    try:
        import numpy
    except ImportError:
        raise ImportError('sqlite_kl.%s needs numpy: pip install numpy '
                          '(or Debian\'s python3-numpy)' % name) from None
    return numpy


def _vector(array, name):
    np = _numpy(name)
    a = np.asarray(array)
    if a.ndim != 1:
        raise ValueError('sqlite_kl.%s: a vector is one-dimensional; got an '
                         'array of shape %s' % (name, a.shape))
    if a.dtype.kind not in 'iuf':
        raise TypeError('sqlite_kl.%s: the elements must be numbers; got '
                        'dtype %s' % (name, a.dtype))
    return np, a


def f32(array):
    """A float32 blob (4 bytes per element, little-endian) from a 1-D array.
    A finite value beyond the float32 range is refused (ValueError), never
    turned into an infinity; NaN and infinities pass through, for the SQL
    functions to judge."""
    np, a = _vector(array, 'f32')
    with np.errstate(over='ignore'):
        out = a.astype('<f4')
    overflow = np.flatnonzero(np.isfinite(a) & ~np.isfinite(out))
    if overflow.size:
        i = int(overflow[0])
        raise ValueError('sqlite_kl.f32: element %d (%r) is beyond the '
                         'float32 range; use f64()' % (i, a[i].item()))
    return out.tobytes()


def f64(array):
    """The self-describing float64 blob of a 1-D array: the 8-byte kl_f64
    header, then 8 bytes per element, little-endian (what kl_f64() writes;
    every function reads it as float64)."""
    np, a = _vector(array, 'f64')
    return KL_F64_HEADER + a.astype('<f8').tobytes()


def _jsonb_array(blob):
    """True when blob's first bytes are a JSONB array header whose size
    field spans exactly the rest of the blob (the extension's first test
    for JSONB)."""
    if not blob or blob[0] & 0x0F != 0x0B:
        return False
    code = blob[0] >> 4
    if code <= 11:
        head, size = 1, code
    else:
        head = 1 + (1, 2, 4, 8)[code - 12]
        if len(blob) < head:
            return False
        size = int.from_bytes(blob[1:head], 'big')
    return head + size == len(blob)


def to_numpy(blob):
    """The array in a vector blob: float64 for a kl_f64 blob (header, then
    8 bytes per element), float32 for any other blob (4 bytes per element).
    A blob whose length fits neither, or that is a JSONB array, is refused
    (ValueError); the result is a writable copy in native byte order."""
    np = _numpy('to_numpy')
    if isinstance(blob, memoryview):
        blob = blob.tobytes()
    if not isinstance(blob, (bytes, bytearray)):
        raise TypeError('sqlite_kl.to_numpy: expects a BLOB (bytes); got %s'
                        % type(blob).__name__)
    blob = bytes(blob)
    if blob[:8] == KL_F64_HEADER:
        n = len(blob) - 8
        if n % 8:
            raise ValueError('sqlite_kl.to_numpy: a kl_f64 blob is the 8-byte '
                             'header then 8 bytes per element; this one has %d '
                             'bytes after the header, not a multiple of 8' % n)
        return np.frombuffer(blob, dtype='<f8', offset=8).astype(np.float64)
    if len(blob) % 4:
        raise ValueError('sqlite_kl.to_numpy: a blob without the kl_f64 header '
                         'is float32, 4 bytes per element; this one has %d '
                         'bytes, not a multiple of 4' % len(blob))
    if _jsonb_array(blob):
        raise ValueError('sqlite_kl.to_numpy: this blob is laid out as a JSONB '
                         'array, which the SQL functions read as JSON, not as '
                         'float32; convert it in SQL with kl_f64(x), or kl_f64(x, '
                         "'f32') to take its bytes as float32")
    return np.frombuffer(blob, dtype='<f4').astype(np.float32)
