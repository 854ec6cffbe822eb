// `import { shale } from 'shale/vite'` in a project's own vite.config.ts.
export { shale } from './vite/shale.js';
export type { ShaleOptions } from './config.js';
