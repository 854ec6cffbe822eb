// The live site renders again only the parts a save changed, and what it shows is exactly what a
// fresh render of the same files shows: heading ids de-duplicated across includes, the TOC,
// search sections, reference links defined in an earlier file, includes added and removed.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig, type ShaleOptions } from '../../src/config.js';
import { createSite, type Site } from '../../src/dev/site.js';
import { tempProject } from '../helpers.js';

const page = (includes: string[], body = '# Overview\n\nThe page body.\n') =>
  `---\ntitle: T\nlanguage_tabs:\n  - shell\nincludes:\n${includes.map((i) => `  - ${i}\n`).join('')}---\n${body}`;

function project(includes: Record<string, string>, order = Object.keys(includes)) {
  const files: Record<string, string> = { 'source/index.html.md': page(order) };
  for (const [name, text] of Object.entries(includes)) files[`source/includes/_${name}.md`] = text;
  return tempProject(files);
}

async function liveSite(root: string, opts: ShaleOptions = {}) {
  const site = createSite(resolveConfig({ root, ...opts }));
  await site.renderAll();
  return site;
}

/** What a reader gets from a page: its content, heading ids, TOC and search sections. */
function shown(site: Site) {
  const { page, toc } = [...site.entries.values()][0];
  return { html: page!.html, ids: page!.headings.map((h) => h.id), toc, sections: page!.sections, warnings: page!.warnings.map((w) => w.message) };
}

/** Saves a file in the live site, and checks the result against a site that renders it all from scratch. */
async function save(site: Site, root: string, file: string, text: string | null) {
  const path = join(root, 'source', file);
  if (text === null) rmSync(path); else writeFileSync(path, text);
  const before = site.partStats.rendered;
  const [update] = await site.fileChanged(path, text === null ? 'unlink' : 'change');
  const rendered = site.partStats.rendered - before;
  const fresh = await liveSite(root, { idScheme: site.config.idScheme });
  expect(shown(site)).toEqual(shown(fresh));
  return { update, rendered };
}

const block = (lang: string, code: string) => '```' + lang + '\n' + code + '\n```\n';

describe('per-part render cache', () => {
  it('renders only the edited include again, and sends only its part', async () => {
    const root = project({
      a: '# Alpha\n\nAlpha prose.\n\n' + block('shell', 'curl a'),
      b: '# Beta\n\nBeta prose.\n',
      c: '# Gamma\n\nGamma prose.\n',
    });
    const site = await liveSite(root);
    expect(site.partStats.rendered).toBe(4);
    const { update, rendered } = await save(site, root, 'includes/_b.md', '# Beta\n\nBeta prose, edited.\n');
    expect(rendered).toBe(1);
    expect(update.kind).toBe('content');
    // Part 0 is the page body, then a, b, c.
    expect(update.changedParts).toEqual([2]);
    expect(update.tocChanged).toBe(false);
    expect(update.entry.parts![2]).toContain('Beta prose, edited.');
  });

  it('renders a later include again when its heading ids depend on the edited one', async () => {
    const root = project({
      a: '# Errors\n\nFirst.\n',
      b: '# Other\n\nMiddle.\n',
      c: '# Errors\n\nSecond, so errors-2 while a has one.\n\n## Codes\n',
    });
    const site = await liveSite(root);
    expect(shown(site).ids).toEqual(['overview', 'errors', 'other', 'errors-2', 'codes']);

    // a's heading goes: c's becomes the first "errors"; b read nothing that changed.
    let r = await save(site, root, 'includes/_a.md', '# Renamed\n\nFirst.\n');
    expect(shown(site).ids).toEqual(['overview', 'renamed', 'other', 'errors', 'codes']);
    expect(r.rendered).toBe(2);
    expect(r.update.changedParts).toEqual([1, 3]);
    expect(r.update.tocChanged).toBe(true);

    // And back: c is numbered again.
    r = await save(site, root, 'includes/_a.md', '# Errors\n\nFirst.\n');
    expect(shown(site).ids).toEqual(['overview', 'errors', 'other', 'errors-2', 'codes']);
    expect(r.rendered).toBe(2);
  });

  it('keeps nesting ids right when an earlier include changes the enclosing heading', async () => {
    const root = project({ a: '# Users\n\n## List\n', b: '## Create\n\nUnder the heading of a.\n' });
    const site = await liveSite(root, { idScheme: 'nesting' });
    expect(shown(site).ids).toEqual(['overview', 'users', 'users-list', 'users-create']);
    await save(site, root, 'includes/_a.md', '# Teams\n\n## List\n');
    expect(shown(site).ids).toEqual(['overview', 'teams', 'teams-list', 'teams-create']);
  });

  it('keeps nesting ids right when only a closed deeper heading of an earlier include changes', async () => {
    // As in Slate, `### Deep` takes the latest h2 even though `# Users` came after it.
    const root = project({ a: '## Stale\n\n# Users\n', b: '### Deep\n' });
    const site = await liveSite(root, { idScheme: 'nesting' });
    expect(shown(site).ids.at(-1)).toBe('users-stale-deep');
    await save(site, root, 'includes/_a.md', '## Fresh\n\n# Users\n');
    expect(shown(site).ids.at(-1)).toBe('users-fresh-deep');
  });

  it('gives the sections of a later include their new parents when an earlier heading is renamed', async () => {
    const root = project({ a: '# Users\n\nText.\n', b: '## Create\n\nText.\n' });
    const site = await liveSite(root);
    const parents = () => shown(site).sections.find((s) => s.id === 'create')!.parents;
    expect(parents()).toEqual(['Users']);
    await save(site, root, 'includes/_a.md', '# Teams\n\nText.\n');
    expect(parents()).toEqual(['Teams']);
  });

  it('joins leading prose to the previous section whether that one had text or not', async () => {
    const root = project({ a: '# Alpha\n', b: 'Carried over.\n\n# Beta\n' });
    const site = await liveSite(root);
    const alpha = () => shown(site).sections.find((s) => s.id === 'alpha')!.text;
    expect(alpha()).toBe('Carried over.');
    await save(site, root, 'includes/_a.md', '# Alpha\n\nOwn text.\n');
    expect(alpha()).toBe('Own text.\nCarried over.');
  });

  it('leaves a replayed include\'s sections as recorded when a later include\'s prose joins them', async () => {
    const root = project({ a: '# Alpha\n\nOwn.\n', b: 'Lead one.\n\n# Beta\n', c: '# Gamma\n' });
    const site = await liveSite(root);
    const alpha = () => shown(site).sections.find((s) => s.id === 'alpha')!.text;
    // a and b replayed: b's lead is added to a's section, which must not change a's record.
    for (const text of ['# Gamma\n\nOne.\n', '# Gamma\n\nTwo.\n']) {
      expect((await save(site, root, 'includes/_c.md', text)).rendered).toBe(1);
      expect(alpha()).toBe('Own.\nLead one.');
    }
    expect((await save(site, root, 'includes/_b.md', 'Lead two.\n\n# Beta\n')).rendered).toBe(1);
    expect(alpha()).toBe('Own.\nLead two.');
  });

  it('follows search sections and reference links across includes', async () => {
    const root = project({
      a: '# Alpha\n\nSee [the spec][spec].\n\n[spec]: https://a.example/spec\n',
      // Starts with prose: it joins a's last section. Uses a's reference definition.
      b: 'Carried over, [spec][spec].\n\n# Beta\n',
    });
    const site = await liveSite(root);
    expect(shown(site).html).toContain('href="https://a.example/spec"');
    // a's definition changes: b must render again with the new link.
    const r = await save(site, root, 'includes/_a.md', '# Alpha\n\nSee [the spec][spec].\n\n[spec]: https://b.example/spec\n');
    expect(r.rendered).toBe(2);
    expect(r.update.entry.parts![2]).toContain('https://b.example/spec');
    expect(shown(site).sections.find((s) => s.id === 'alpha')!.text).toContain('Carried over');
    // b edited alone: a is not rendered again, and the section a opened still gets b's prose.
    await save(site, root, 'includes/_b.md', 'Carried over and edited, [spec][spec].\n\n# Beta\n');
    expect(shown(site).sections.find((s) => s.id === 'alpha')!.text).toContain('Carried over and edited');
  });

  it('renders an added include and drops a removed one, as a fresh render does', async () => {
    const root = project({ a: '# Shared\n\nA.\n', b: '# Shared\n\nB.\n' });
    const site = await liveSite(root);
    expect(shown(site).ids).toEqual(['overview', 'shared', 'shared-2']);

    writeFileSync(join(root, 'source', 'includes', '_new.md'), '# Shared\n\nNew, first of them.\n');
    let r = await save(site, root, 'index.html.md', page(['new', 'a', 'b']));
    expect(shown(site).ids).toEqual(['overview', 'shared', 'shared-2', 'shared-3']);
    // The number of parts changed: the browser gets the whole content.
    expect(r.update.changedParts).toBeUndefined();

    r = await save(site, root, 'index.html.md', page(['b']));
    expect(shown(site).ids).toEqual(['overview', 'shared']);
    expect(r.update.entry.parts).toHaveLength(2);
  });

  it('reports an unknown code language once per page, whichever include has it first', async () => {
    const root = project({ a: '# A\n\nText.\n\n' + block('nosuchlang', 'x'), b: '# B\n\n' + block('nosuchlang', 'y') });
    const site = await liveSite(root);
    const unknown = () => shown(site).warnings.filter((w) => w.includes('nosuchlang'));
    expect(unknown()).toHaveLength(1);
    // a keeps text and code (so b's leading-prose state is the same), but no longer the unknown language.
    await save(site, root, 'includes/_a.md', '# A\n\nText.\n\n' + block('shell', 'x'));
    expect(unknown()).toHaveLength(1);
    expect(unknown()[0]).toMatch(/nosuchlang/);
  });

  it('warns about over-deep nesting once per file, also when a partial splits the file in two parts', async () => {
    const deep = '>'.repeat(60) + ' deep\n';
    // An .erb include around a partial: the text before and after it are two parts of one file.
    const erb = (before: string) => `# Before\n\n${before}\n<%= partial "includes/mid" %>\n\n# After\n\n${deep}`;
    const root = tempProject({
      'source/index.html.md': page(['outer']),
      'source/includes/_outer.md.erb': erb(deep.trimEnd()),
      'source/includes/_mid.md': '# Mid\n',
    });
    const site = await liveSite(root);
    const deepWarnings = () => shown(site).warnings.filter((w) => w.includes('nested too deep'));
    expect(deepWarnings()).toHaveLength(1);
    // The first part loses its deep quote (same line count): the part after the partial, unchanged, now warns.
    await save(site, root, 'includes/_outer.md.erb', erb('Shallow.'));
    expect(deepWarnings()).toHaveLength(1);
  });
});
