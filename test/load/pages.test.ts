import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPages } from '../../src/load/pages.js';
import { tempProject } from '../helpers.js';

describe('pages', () => {
  it('builds every *.html.md and index.md, never includes or partials', () => {
    const root = tempProject({
      'source/index.html.md': '',
      'source/v2/index.html.md': '',
      'source/guides/index.md': '',
      'source/other.html.md': '',
      'source/_partial.html.md': '',
      'source/includes/_errors.md': '',
      'source/includes/index.md': '',
      'source/notes.md': '',
    });
    expect(findPages(join(root, 'source')).map((p) => p.outPath)).toEqual([
      'index.html', 'guides/index.html', 'other.html', 'v2/index.html',
    ]);
  });
});
