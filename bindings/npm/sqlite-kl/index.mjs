// sqlite-kl for Node.js, as an ES module: the same functions as index.cjs.
import { createRequire } from 'node:module';

const cjs = createRequire(import.meta.url)('./index.cjs');

export const { getLoadablePath, load, version } = cjs;
export default cjs;
