import { describe, expect, it } from 'vitest';
import { buildToc, renderToc } from '../../src/transform/toc.js';
import type { Heading, TocEntry } from '../../src/types.js';

const h = (level: number, id: string, title = id): Heading => ({ id, level, title, html: title, file: 'x.md' });

/** [id, children] trees, to read nesting at a glance. */
type Shape = [string, Shape[]];
const shape = (toc: TocEntry[]): Shape[] => toc.map((e) => [e.id, shape(e.children)]);

describe('buildToc', () => {
  it('nests h2 under h1 and stops at headingLevel (default 2)', () => {
    const toc = buildToc([h(1, 'a'), h(2, 'a1'), h(3, 'a1x'), h(2, 'a2'), h(1, 'b')]);
    expect(shape(toc)).toEqual([['a', [['a1', []], ['a2', []]]], ['b', []]]);
  });

  it('goes deeper with a higher headingLevel', () => {
    const toc = buildToc([h(1, 'a'), h(2, 'a1'), h(3, 'a1x'), h(4, 'deep')], 3);
    expect(shape(toc)).toEqual([['a', [['a1', [['a1x', []]]]]]]);
  });

  it('hangs an h3 with no h2 before it in its h1 under the h1', () => {
    const toc = buildToc([h(1, 'a'), h(2, 'a1'), h(1, 'b'), h(3, 'bx'), h(2, 'b1')], 3);
    expect(shape(toc)).toEqual([['a', [['a1', []]]], ['b', [['bx', []], ['b1', []]]]]);
  });

  it('keeps headings before the first h1 at the top level', () => {
    const toc = buildToc([h(2, 'pre'), h(3, 'pre-x'), h(1, 'a'), h(2, 'a1')], 3);
    expect(shape(toc)).toEqual([['pre', [['pre-x', []]]], ['a', [['a1', []]]]]);
  });
});

describe('renderToc', () => {
  it("writes Slate's markup", () => {
    const toc = buildToc([h(1, 'id', 'Title'), h(2, 'sub', 'Sub')]);
    expect(renderToc(toc)).toBe(
      '<ul id="toc" class="toc-list-h1"><li><a href="#id" class="toc-h1 toc-link" data-title="Title">Title</a>' +
        '<ul class="toc-list-h2"><li><a href="#sub" class="toc-h2 toc-link" data-title="Sub">Sub</a></li></ul></li></ul>',
    );
  });

  it('names classes by depth in the tree (toc-list-h3/toc-h3 deeper)', () => {
    const html = renderToc(buildToc([h(1, 'a'), h(2, 'b'), h(3, 'c'), h(1, 'd'), h(3, 'e')], 3));
    expect(html).toContain('<ul class="toc-list-h3"><li><a href="#c" class="toc-h3 toc-link"');
    // An h3 hanging under an h1 is one level down in the tree.
    expect(html).toContain('<ul class="toc-list-h2"><li><a href="#e" class="toc-h2 toc-link"');
  });

  it('escapes titles in text and attributes, and ids in links', () => {
    const html = renderToc([{ id: 'x"y', title: `<script>"it's" & co</script>`, html: '', level: 1, children: [] }]);
    expect(html).toBe(
      '<ul id="toc" class="toc-list-h1"><li><a href="#x&quot;y" class="toc-h1 toc-link" ' +
        'data-title="&lt;script&gt;&quot;it&#39;s&quot; &amp; co&lt;/script&gt;">&lt;script&gt;&quot;it&#39;s&quot; &amp; co&lt;/script&gt;</a></li></ul>',
    );
  });

  it('renders an empty list for a page without headings', () => {
    expect(renderToc([])).toBe('<ul id="toc" class="toc-list-h1"></ul>');
  });
});
