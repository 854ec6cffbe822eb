import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/create.js';
import { createEnv } from '../../src/markdown/env.js';

function collect(markdown: string) {
  const env = createEnv({ tabs: [], idScheme: 'slate', highlight: (c) => c, knowsLanguage: () => true });
  env.file = 'inc.md';
  env.lineOffset = 100;
  createMarkdown().render(markdown, env);
  return env;
}

describe('link collection', () => {
  it('records #links from Markdown and raw HTML with their lines, decoded', () => {
    const env = collect('# A\n\nSee [b](#kitten%27s).\n\n<p>raw <a href="#Raw">x</a></p>\n\nand <a href=\'#inline\'>y</a>\n');
    expect(env.links).toEqual([
      { target: "kitten's", file: 'inc.md', line: 103 },
      { target: 'Raw', file: 'inc.md', line: 105 },
      { target: 'inline', file: 'inc.md', line: 107 },
    ]);
  });

  it('records ids and names set by raw HTML as anchors, and ignores external links', () => {
    const env = collect('<a name="errors-v1"></a>\n\nText <span id=short>s</span> [ext](https://x.test/#a) [top](#)\n');
    expect([...env.anchors].sort()).toEqual(['errors-v1', 'short']);
    expect(env.links).toEqual([]);
  });
});
