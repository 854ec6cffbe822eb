import { describe, expect, it } from 'vitest';
import { bundledLanguages } from 'shiki/langs';
import { leanGrammar } from '../../src/markdown/lean-grammar.js';

describe('a grammar read from its module without its embedded languages', () => {
  // The module's own grammar is its export's last entry, after those of the languages it embeds.
  it.each(['ruby', 'html', 'python'] as const)('%s: the same grammar as importing the module gives', async (id) => {
    const imported = (await bundledLanguages[id]()).default;
    const own = await leanGrammar(id);
    // Embedded languages included: named, so the caller decides whether to load them.
    expect(own).toEqual(imported.at(-1));
  });

  it('gives nothing for a language shiki has no module for, so the caller imports as before', async () => {
    expect(await leanGrammar('no-such-language')).toBeUndefined();
  });
});
