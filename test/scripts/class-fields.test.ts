// The CLI's bundle rewrites markdown-it's transpiled class fields into assignments
// (scripts/class-fields.mjs). Both copies of markdown-it are loaded here from its own file, one
// as published and one rewritten, and must parse and render the same documents to the same
// tokens (key order included) and HTML.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, without types
import { assignClassFields } from '../../scripts/class-fields.mjs';

const repo = join(import.meta.dirname, '..', '..');
const file = createRequire(join(repo, 'package.json')).resolve('markdown-it');
const published = readFileSync(file, 'utf8');

/** markdown-it's CommonJS file run from `code`, its own dependencies required from beside it. */
function load(code: string): typeof MarkdownIt {
  const module = { exports: {} as { default?: typeof MarkdownIt } };
  new Function('module', 'exports', 'require', code)(module, module.exports, createRequire(file));
  const exported = module.exports as unknown as typeof MarkdownIt & { default?: typeof MarkdownIt };
  return exported.default ?? exported;
}

const DOC = [
  readFileSync(join(repo, 'source', 'index.html.md'), 'utf8'),
  readFileSync(join(repo, 'source', 'includes', '_errors.md'), 'utf8'),
  '> quote\n> > nested *em* **strong** `code` [link](http://x "t") ![img](a.png)\n',
  '1. one\n   - two\n\n     para\n3) three\n\n<div>\nraw *html*\n</div>\n\n    indented\n\n',
  '| a | b |\n|:-|-:|\n| 1 | 2 |\n\nText with \\*escapes\\* &amp; entities &copy; and a hard  \nbreak.\n\n[ref]: http://example.com\n\n[ref] ~~strike~~ https://auto.link\n',
].join('\n\n');

describe('markdown-it with its class fields as assignments', () => {
  const rewritten = assignClassFields(published) as { code: string; count: number };

  it('rewrites every field defined on `this` in the published file', () => {
    expect(rewritten.count).toBeGreaterThan(0);
    expect(rewritten.code).not.toMatch(/_defineProperty\(\s*this\b/);
  });

  it('parses and renders the same tokens and HTML as the published file', () => {
    const [before, after] = [load(published), load(rewritten.code)];
    for (const options of [{ html: true, linkify: true, typographer: true }, {}]) {
      const [a, b] = [new before(options), new after(options)];
      const [ta, tb] = [a.parse(DOC, {}), b.parse(DOC, {})];
      expect(JSON.stringify(tb)).toBe(JSON.stringify(ta));
      expect(b.renderer.render(tb, b.options, {})).toBe(a.renderer.render(ta, a.options, {}));
      expect(Object.keys(tb[0])).toEqual(Object.keys(ta[0]));
      expect(Object.keys(new b.block.State('x\n', b, {}, []))).toEqual(Object.keys(new a.block.State('x\n', a, {}, [])));
    }
  });

  it('takes the field name after a doc comment', () => {
    const { code, count } = assignClassFields('_defineProperty(this, /** the map */ "map", null);');
    expect(count).toBe(1);
    expect(code).toBe('(this.map = null);');
  });
});
