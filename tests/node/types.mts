// Type-checked (not run) by tests/node/run.sh with tsc --strict, module
// nodenext: the ES module view of sqlite-kl's declarations.
import kl, { getLoadablePath, load, version, type ExtensionLoader } from 'sqlite-kl';

const db: ExtensionLoader = { loadExtension(path: string): void { void path; } };
load(db);
const path: string = getLoadablePath();
const v: string = version;
kl.load(db);
// @ts-expect-error: a database needs loadExtension(path)
load({});
// @ts-expect-error: the path is a string
const n: number = getLoadablePath();
export { path, v, n };
