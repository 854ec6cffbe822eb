import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKER, checkOutputFolder, deliverSignals, makeStagingFolder, publishStagingFolder } from '../../src/output/folder.js';
import { tempProject } from '../helpers.js';

const dirsOf = (root: string) => ({ root, sourceDir: join(root, 'source'), themeDir: join(root, 'theme') });

describe('output folder', () => {
  it('accepts a missing or empty folder, and one shale made', () => {
    const root = tempProject({ [`made/${MARKER}`]: '{}', 'made/index.html': 'old', 'empty/.keep': '' });
    expect(() => checkOutputFolder(join(root, 'nothing-yet'), dirsOf(root))).not.toThrow();
    mkdirSync(join(root, 'empty2'));
    expect(() => checkOutputFolder(join(root, 'empty2'), dirsOf(root))).not.toThrow();
    expect(() => checkOutputFolder(join(root, 'made'), dirsOf(root))).not.toThrow();
  });

  it('refuses a non-empty folder without the marker, and says what to do', () => {
    const root = tempProject({ 'docs/notes.txt': 'mine' });
    expect(() => checkOutputFolder(join(root, 'docs'), dirsOf(root))).toThrow(/not empty and shale did not make it/);
  });

  it('refuses an output folder that is, holds or sits in the sources or the project', () => {
    const root = tempProject({ 'source/index.html.md': '# A' });
    const dirs = dirsOf(root);
    for (const out of [root, join(root, 'source'), join(root, 'source/build'), join(root, '..')]) {
      expect(() => checkOutputFolder(out, dirs), out).toThrow(/overlaps/);
    }
  });

  it('swaps a staged site in and removes the old one', () => {
    const root = tempProject({ [`build/${MARKER}`]: '{}', 'build/old.html': 'old' });
    const out = join(root, 'build');
    const staging = makeStagingFolder(out);
    writeFileSync(join(staging, 'index.html'), 'new');
    publishStagingFolder(staging, out);
    expect(readdirSync(out).sort()).toEqual([MARKER, 'index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(root)).toEqual(['build']);
    expect(existsSync(staging)).toBe(false);
  });

  it('handles a signal that came during synchronous work before the swap, and then publishes nothing', async () => {
    const root = tempProject({ [`build/${MARKER}`]: '{}', 'build/old.html': 'old' });
    const out = join(root, 'build');
    // A host program's own handler: shale then removes its staging folder and leaves the process running.
    const host = () => {};
    process.on('SIGHUP', host);
    try {
      const staging = makeStagingFolder(out);
      process.kill(process.pid, 'SIGHUP');
      // Node has not run the handler yet: this code still holds the thread.
      expect(existsSync(staging)).toBe(true);
      await deliverSignals();
      expect(existsSync(staging)).toBe(false);
      expect(() => publishStagingFolder(staging, out)).toThrow(/interrupted: the old site is left as it was/);
      expect(readdirSync(out).sort()).toEqual([MARKER, 'old.html']);
    } finally {
      process.off('SIGHUP', host);
    }
  });
});
