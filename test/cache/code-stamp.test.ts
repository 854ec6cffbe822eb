// The code stamp in the page cache's keys (src/cache/code-stamp.ts): the same code gives the same
// stamp, and a file of code rewritten, added or removed gives another, so a renderer changed
// without a version bump is never served its predecessor's pages.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeStamp } from '../../src/cache/code-stamp.js';

function code(): string {
  const root = mkdtempSync(join(tmpdir(), 'shale-code-'));
  mkdirSync(join(root, 'markdown'));
  writeFileSync(join(root, 'build.js'), 'export const a = 1;\n');
  writeFileSync(join(root, 'markdown', 'render.js'), 'export const b = 2;\n');
  writeFileSync(join(root, 'notes.md'), 'not code');
  return root;
}

describe('the code stamp', () => {
  it('is the same for the same code, and changes when a file of code changes, comes or goes', () => {
    const root = code();
    const stamp = codeStamp(import.meta.url, root);
    expect(codeStamp(import.meta.url, root)).toBe(stamp);
    // Not code: no change.
    writeFileSync(join(root, 'notes.md'), 'other notes');
    expect(codeStamp(import.meta.url, root)).toBe(stamp);
    // The same size, written later (a one-character fix).
    writeFileSync(join(root, 'markdown', 'render.js'), 'export const b = 3;\n');
    utimesSync(join(root, 'markdown', 'render.js'), new Date(), new Date(Date.now() + 5000));
    const fixed = codeStamp(import.meta.url, root);
    expect(fixed).not.toBe(stamp);
    writeFileSync(join(root, 'extra.js'), '');
    const added = codeStamp(import.meta.url, root);
    expect(added).not.toBe(fixed);
    rmSync(join(root, 'extra.js'));
    expect(codeStamp(import.meta.url, root)).toBe(fixed);
  });

  it("counts the CLI's CommonJS chunks and not their code cache", () => {
    const root = code();
    mkdirSync(join(root, 'bundle'));
    writeFileSync(join(root, 'bundle', 'cli.cjs'), 'exports.a = 1;\n');
    const stamp = codeStamp(import.meta.url, root);
    mkdirSync(join(root, 'bundle', 'code-cache'));
    writeFileSync(join(root, 'bundle', 'code-cache', 'cli.cjs.key.bin'), 'bytecode');
    expect(codeStamp(import.meta.url, root)).toBe(stamp);
    writeFileSync(join(root, 'bundle', 'cli.cjs'), 'exports.a = 22;\n');
    expect(codeStamp(import.meta.url, root)).not.toBe(stamp);
  });
});
