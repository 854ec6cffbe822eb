import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/transform/links.js';
import type { Heading } from '../../src/types.js';

const heading = (id: string): Heading => ({ id, level: 1, title: id, html: id, file: 'p.md' });

describe('in-page link check', () => {
  it('warns with file:line about targets that match no heading or anchor', () => {
    const w = checkLinks([
      { target: 'errors', file: 'p.md', line: 3 },
      { target: 'old-name', file: 'inc.md', line: 9 },
      { target: 'legacy', file: 'p.md', line: 4 },
    ], [heading('errors')], new Set(['legacy']));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: 'warning', file: 'inc.md', line: 9, message: 'link to #old-name matches no heading or anchor on this page' });
  });

  it('suggests the id a case-mismatched link lands on', () => {
    const [w] = checkLinks([{ target: 'Errors', file: 'p.md', line: 1 }], [heading('errors')], new Set());
    expect(w.hint).toMatch(/Did you mean #errors\?/);
  });
});
