import * as kl from './index.cjs';

export { ExtensionLoader, getLoadablePath, load, version } from './index.cjs';
export default kl;
