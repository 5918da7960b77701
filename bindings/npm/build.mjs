// node bindings/npm/build.mjs LIB OUTDIR [PLATFORM] — the npm packages:
// sqlite-kl (bindings/npm/sqlite-kl: the loader, its types, the list of
// platforms) and sqlite-kl-PLATFORM holding LIB, each staged under
// build/npm/ with the version of src/kl.h and packed with `npm pack` into
// OUTDIR.  PLATFORM (linux-x64, linux-arm64, win32-x64) is read from LIB's
// header (ELF or PE machine); given, it must match that header.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const [lib, outdir, wanted] = process.argv.slice(2);
function die(msg) { console.error(`build.mjs: ${msg}`); process.exit(1); }
if (!lib || !outdir) die('usage: node bindings/npm/build.mjs LIB OUTDIR [PLATFORM]');

const m = /^#define SQLITE_KL_VERSION "([^"]+)"$/m.exec(readFileSync(join(root, 'src/kl.h'), 'utf8'));
if (!m) die('no SQLITE_KL_VERSION in src/kl.h');
const version = m[1];
const platforms = JSON.parse(readFileSync(join(root, 'bindings/npm/sqlite-kl/platforms.json'), 'utf8'));

// The platform of a compiled library, from its first bytes.
function platformOf(file) {
  const head = Buffer.alloc(4096);
  const fd = openSync(file, 'r');
  const n = readSync(fd, head, 0, head.length, 0);
  let key;
  if (n >= 20 && head.readUInt32BE(0) === 0x7f454c46) {
    const machine = head[5] === 1 ? head.readUInt16LE(18) : head.readUInt16BE(18);
    key = { 0x3e: 'linux-x64', 0xb7: 'linux-arm64' }[machine] ?? `ELF machine 0x${machine.toString(16)}`;
  } else if (n >= 0x40 && head.toString('latin1', 0, 2) === 'MZ') {
    const pe = head.readUInt32LE(0x3c);
    const machine = pe + 6 <= n && head.toString('latin1', pe, pe + 4) === 'PE\0\0' ? head.readUInt16LE(pe + 4) : -1;
    key = { 0x8664: 'win32-x64' }[machine] ?? `PE machine 0x${machine.toString(16)}`;
  } else {
    die(`${file} is neither an ELF nor a PE library`);
  }
  if (!(key in platforms)) die(`${file}: ${key}, not one of the packaged platforms (${Object.keys(platforms).join(', ')})`);
  return key;
}

const platform = platformOf(lib);
if (wanted && wanted !== platform) die(`PLATFORM ${wanted} does not match ${lib}, a library for ${platform}`);
const [os, cpu] = platform.split('-');
const stage = join(root, 'build/npm');
rmSync(stage, { recursive: true, force: true });

// sqlite-kl: the committed files, the version and the optional packages
const main = join(stage, 'sqlite-kl');
cpSync(join(root, 'bindings/npm/sqlite-kl'), main, { recursive: true });
copyFileSync(join(root, 'LICENSE'), join(main, 'LICENSE'));
const manifest = JSON.parse(readFileSync(join(main, 'package.json'), 'utf8'));
const ordered = { name: manifest.name, version, ...manifest };
ordered.optionalDependencies = Object.fromEntries(Object.keys(platforms).map((p) => [`sqlite-kl-${p}`, version]));
writeFileSync(join(main, 'package.json'), JSON.stringify(ordered, null, 2) + '\n');

// sqlite-kl-PLATFORM: the library, for npm to install on that os and cpu only
const name = `sqlite-kl-${platform}`;
const file = platforms[platform];
const sub = join(stage, name);
mkdirSync(sub, { recursive: true });
copyFileSync(lib, join(sub, file));
copyFileSync(join(root, 'LICENSE'), join(sub, 'LICENSE'));
writeFileSync(join(sub, 'package.json'), JSON.stringify({
  name, version,
  description: `The compiled sqlite-kl SQLite extension for ${platform} (used by the package sqlite-kl)`,
  license: 'MIT',
  os: [os], cpu: [cpu],
  files: [file, 'LICENSE'],
}, null, 2) + '\n');
writeFileSync(join(sub, 'README.md'), `# ${name}\n\nThe compiled sqlite-kl extension (\`${file}\`) for ${platform}.\n` +
  'Install the package `sqlite-kl`, which depends on this one, and call its `load(db)`.\n');

mkdirSync(outdir, { recursive: true });
for (const dir of [main, sub]) {
  execFileSync('npm', ['pack', '--silent', '--pack-destination', resolve(outdir)], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
}
