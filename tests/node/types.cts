// Type-checked (not run) by tests/node/run.sh with tsc --strict, module
// nodenext: the CommonJS view of sqlite-kl's declarations.
import kl = require('sqlite-kl');

const db: kl.ExtensionLoader = { loadExtension(path: string): void { void path; } };
kl.load(db);
const path: string = kl.getLoadablePath();
// @ts-expect-error: load takes one database
kl.load();
export = { path, version: kl.version };
