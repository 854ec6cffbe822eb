// What `shale build` prints: one line per stage with its time, then warnings as file:line.
// A logger object is passed around (no global console state), so tests can capture it.

import { formatDiagnostic } from './errors.js';
import type { Diagnostic } from './types.js';

export interface Logger {
  info(line: string): void;
  warn(d: Diagnostic): void;
}

export function consoleLogger(quiet = false): Logger {
  return {
    info: (line) => { if (!quiet) console.log(line); },
    warn: (d) => console.warn(formatDiagnostic(d)),
  };
}

/** Times one stage and logs `  name   detail   12 ms`. */
export async function stage<T>(log: Logger, name: string, run: () => Promise<T> | T, detail: (r: T) => string): Promise<T> {
  const t0 = performance.now();
  const result = await run();
  const ms = performance.now() - t0;
  log.info(`  ${name.padEnd(8)} ${detail(result).padEnd(40)} ${formatMs(ms).padStart(8)}`);
  return result;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}
