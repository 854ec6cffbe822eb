// vitest globalSetup: make sure a browser exists once, before any browser test runs.
import { ensureChromium } from './chromium.js';

export default function setup(): void {
  process.env.CHROMIUM_PATH = ensureChromium();
}
