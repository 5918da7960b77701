"""Builds the sqlite-kl wheel: the package sqlite_kl with the compiled
extension inside, tagged for the library's platform (py3-none-PLATFORM:
the library is plain C, tied to no Python version or ABI).

Inputs, from the environment:
  KL_LIB   a compiled library to bundle (kl.so, or kl.dll).  Unset: the
           library is built here with `make kl.so` in the source tree (the
           sdist carries src/ and the Makefile), with $CC if set.
  KL_PLAT  the wheel's platform tag (linux_x86_64, linux_aarch64,
           manylinux_2_17_x86_64, win_amd64, ...).  Unset: taken from the
           library's own header.  Set: it must name the library's CPU, or
           the build stops.
The version is SQLITE_KL_VERSION from src/kl.h, the one place it is
written; it becomes sqlite_kl.__version__ (sqlite_kl/_version.py, written
at build time).
"""
import os
import re
import shutil
import subprocess

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py

try:
    from setuptools.command.bdist_wheel import bdist_wheel
except ImportError:
    from wheel.bdist_wheel import bdist_wheel

HERE = os.path.dirname(os.path.abspath(__file__))


def source_root():
    """The tree that holds src/kl.h: this directory in an sdist or a staged
    build, the repository root when built from bindings/python."""
    for root in (HERE, os.path.normpath(os.path.join(HERE, '..', '..'))):
        if os.path.isfile(os.path.join(root, 'src', 'kl.h')):
            return root
    raise SystemExit('sqlite-kl: src/kl.h not found beside setup.py or two '
                     'levels up; build from the sdist or from the repository')


def version():
    with open(os.path.join(source_root(), 'src', 'kl.h')) as f:
        m = re.search(r'^#define SQLITE_KL_VERSION "([^"]+)"', f.read(), re.M)
    if not m:
        raise SystemExit('sqlite-kl: no SQLITE_KL_VERSION in src/kl.h')
    return m.group(1)


# (format, machine) -> CPU name as wheel tags spell it, library suffix
MACHINES = {
    ('elf', 0x3E): ('x86_64', '.so'),
    ('elf', 0xB7): ('aarch64', '.so'),
    ('pe', 0x8664): ('amd64', '.dll'),
    ('pe', 0xAA64): ('arm64', '.dll'),
}


def binary_kind(path):
    """(format, CPU, suffix) from the first bytes of a compiled library."""
    with open(path, 'rb') as f:
        head = f.read(4096)
    if head[:4] == b'\x7fELF' and len(head) >= 20:
        key = ('elf', int.from_bytes(head[18:20], 'little' if head[5] == 1 else 'big'))
    elif head[:2] == b'MZ' and len(head) >= 0x40:
        pe = int.from_bytes(head[0x3C:0x40], 'little')
        if head[pe:pe + 4] != b'PE\0\0':
            raise SystemExit('sqlite-kl: %s: an MZ file without a PE header' % path)
        key = ('pe', int.from_bytes(head[pe + 4:pe + 6], 'little'))
    else:
        raise SystemExit('sqlite-kl: %s is neither an ELF nor a PE library' % path)
    if key not in MACHINES:
        raise SystemExit('sqlite-kl: %s: a %s library for machine 0x%x, which '
                         'this build does not tag' % (path, key[0].upper(), key[1]))
    return (key[0],) + MACHINES[key]


_library = []


def library():
    """The compiled library to bundle (built once if KL_LIB is unset)."""
    if not _library:
        path = os.environ.get('KL_LIB')
        if path:
            path = os.path.abspath(path)
            if not os.path.isfile(path):
                raise SystemExit('sqlite-kl: KL_LIB=%s: no such file' % path)
        else:
            root = source_root()
            try:
                subprocess.check_call(['make', '-C', root, 'kl.so'])
            except (OSError, subprocess.CalledProcessError) as e:
                raise SystemExit('sqlite-kl: building the library with `make kl.so` '
                                 'failed (%s); it needs make and a C compiler' % e)
            path = os.path.join(root, 'kl.so')
        _library.append(path)
    return _library[0]


def platform_tag():
    fmt, cpu, _ = binary_kind(library())
    plat = os.environ.get('KL_PLAT')
    if not plat:
        return 'linux_' + cpu if fmt == 'elf' else 'win_' + cpu
    osok = plat.startswith(('linux_', 'manylinux', 'musllinux')) if fmt == 'elf' \
        else plat.startswith('win_')
    if not (osok and plat.endswith('_' + cpu)):
        raise SystemExit('sqlite-kl: KL_PLAT=%s does not match %s, a %s library '
                         'for %s' % (plat, library(), fmt.upper(), cpu))
    return plat


class BuildPy(build_py):
    """Copies the library into the package and writes _version.py."""

    def run(self):
        super().run()
        pkg = os.path.join(self.build_lib, 'sqlite_kl')
        for name in ('kl.so', 'kl.dll', 'kl.dylib'):
            if os.path.exists(os.path.join(pkg, name)):
                os.remove(os.path.join(pkg, name))
        suffix = binary_kind(library())[2]
        shutil.copyfile(library(), os.path.join(pkg, 'kl' + suffix))
        with open(os.path.join(pkg, '_version.py'), 'w') as f:
            f.write('# written at build time from SQLITE_KL_VERSION in src/kl.h\n'
                    '__version__ = %r\n' % version())


class BinaryDistribution(Distribution):
    """Holds a compiled library: installs to platlib, as a platform wheel."""

    def has_ext_modules(self):
        return True


class BdistWheel(bdist_wheel):
    """A platform wheel, py3-none-PLATFORM."""

    def get_tag(self):
        return 'py3', 'none', platform_tag()


setup(
    version=version(),
    zip_safe=False,
    distclass=BinaryDistribution,
    cmdclass={'build_py': BuildPy, 'bdist_wheel': BdistWheel},
)
