// Builds whole sites and checks what a reader and a Slate theme rely on: the DOM contract,
// relative URLs, the search index file, and that failures change nothing.
import * as cheerio from 'cheerio';
import { cpSync, existsSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import type { Logger } from '../src/log.js';
import { SEARCH_INDEX_VERSION } from '../src/search/index.js';
import type { Diagnostic } from '../src/types.js';
import { packagePath } from '../src/package-root.js';
import { caught, tempProject } from './helpers.js';

// The worker threads run from the compiled files (`npm run compile`); without them a build stays on one thread.
const compiledWorker = existsSync(packagePath('dist', 'markdown', 'highlight-worker.js'));

function quietLogger(): Logger & { lines: string[]; warnings: Diagnostic[] } {
  const lines: string[] = [];
  const warnings: Diagnostic[] = [];
  return { lines, warnings, info: (l) => lines.push(l), warn: (d) => warnings.push(d) };
}

describe('building the sample', () => {
  let root: string;
  let $: cheerio.CheerioAPI;
  let log: ReturnType<typeof quietLogger>;

  beforeAll(async () => {
    root = tempProject({});
    cpSync(join(import.meta.dirname, '..', 'source'), join(root, 'source'), { recursive: true });
    log = quietLogger();
    await build({ root }, log);
    $ = cheerio.load(readFileSync(join(root, 'build', 'index.html'), 'utf8'));
  });

  it('prints each stage with its time', () => {
    for (const stageName of ['load', 'render', 'bundle']) {
      expect(log.lines.some((l) => l.trimStart().startsWith(stageName) && /\d+ (ms|s)$/.test(l))).toBe(true);
    }
    expect(log.lines.at(-1)).toMatch(/^built 1 page in/);
  });

  it('has the language bar with the frontmatter labels, first tab active', () => {
    const bar = $('.dark-box .lang-selector a');
    expect(bar.map((_, a) => $(a).attr('data-language-name')).get()).toEqual(['shell', 'ruby', 'python']);
    expect(bar.map((_, a) => $(a).text()).get()).toEqual(['cURL', 'ruby', 'python']);
    expect(JSON.parse($('body').attr('data-languages')!)).toEqual(['shell', 'ruby', 'python']);
    expect($('body').attr('data-language')).toBe('shell');
    expect(bar.first().attr('aria-selected')).toBe('true');
  });

  it('puts code in Slate\'s markup with tab classes, and shows untabbed fences under every tab', () => {
    const ruby = $('div.highlight > pre.highlight.ruby.tab-ruby > code');
    expect(ruby.length).toBeGreaterThanOrEqual(2);
    expect(ruby.first().text()).toContain("require 'kittn'");
    // Highlighted: shiki colours in the code, as classes that the page's own <style> defines.
    const classes = ruby.first().find('span[class]').map((_, s) => $(s).attr('class')).get();
    expect(classes.length).toBeGreaterThan(0);
    for (const c of new Set(classes)) expect($('style#shale-page').text()).toMatch(new RegExp(`\\.highlight \\.${c}\\{color:#`));
    const json = $('pre.highlight.json');
    expect(json.length).toBeGreaterThan(0);
    // The tab CSS hides only other tabs' blocks, so json is never hidden.
    const css = $('style#shale-page').text();
    expect(css).not.toContain('tab-json');
    expect(css).toMatch(/data-language=("?)ruby\1\]/);
  });

  it('keeps the Slate dialect quirks of the sample', () => {
    // `#Errors` without a space is a heading; '''shell is text, not code.
    expect($('h1#errors').text()).toBe('Errors');
    expect($('.content p').filter((_, p) => $(p).text().includes("'''shell")).length).toBe(1);
    // `>###ATTRIBUTES` plus lazy table lines: the table sits in the blockquote (dark column).
    expect($('blockquote h3#attributes').length).toBe(1);
    expect($('blockquote h3#attributes').nextAll('table').length).toBeGreaterThan(0);
  });

  it('builds a TOC whose every link lands on a heading', () => {
    const links = $('#toc a.toc-link');
    expect(links.length).toBeGreaterThan(5);
    links.each((_, a) => {
      const id = $(a).attr('href')!.slice(1);
      expect($(`[id="${id}"]`).length, id).toBe(1);
    });
    expect($('#toc > li > a.toc-h1[data-title="Resources"]').length).toBe(1);
    expect($('#toc > li > ul.toc-list-h2 > li > a.toc-h2').map((_, a) => $(a).text()).get()).toContain('Team');
    // headingLevel 2 (default): the h3s of the page are not in the TOC.
    expect($('#toc a.toc-h3').length).toBe(0);
    expect($('.toc-footer li a').first().text()).toBe('Sign Up for a Developer Key');
  });

  it('appends the errors include after the page body', () => {
    const h1s = $('.content h1').map((_, h) => $(h).attr('id')).get();
    expect(h1s.at(-1)).toBe('handling-errors');
    expect($('aside.warning').length).toBeGreaterThan(0);
  });

  it('has the page columns and landmarks', () => {
    expect($('.toc-wrapper').is('nav')).toBe(true);
    expect($('.page-wrapper > .dark-box').length).toBe(2);
    expect($('.page-wrapper > main.content#main-content').length).toBe(1);
    expect($('a.skip-link').attr('href')).toBe('#main-content');
    expect($('html').attr('lang')).toBe('en');
  });

  it('links hashed assets with relative URLs and writes the search index as its own file', () => {
    const script = $('script[type="module"]').attr('src')!;
    const style = $('link[rel="stylesheet"]').attr('href')!;
    expect(script).toMatch(/^\.\/assets\/[\w-]+-[\w-]{8}\.js$/);
    expect(style).toMatch(/^\.\/assets\/[\w-]+-[\w-]{8}\.css$/);
    for (const url of [script, style]) expect(existsSync(join(root, 'build', url))).toBe(true);
    const indexUrl = $('body').attr('data-search-index')!;
    expect(indexUrl).toMatch(/^assets\/search-index-[\w-]{8}\.json$/);
    const index = JSON.parse(readFileSync(join(root, 'build', indexUrl), 'utf8'));
    expect(index.version).toBe(SEARCH_INDEX_VERSION);
    expect(index.docs.ids).toContain('pagination');
  });

  it('makes no request to another host', () => {
    const external = $('[src], [href]').filter((_, el) => /^(https?:)?\/\//.test($(el).attr('src') ?? $(el).attr('href') ?? ''));
    // Links the author wrote (toc_footers) are navigation, not requests the page makes.
    expect(external.filter((_, el) => !$(el).is('a')).length).toBe(0);
  });
});

describe('build options and failures', () => {
  const page = (fm: string, body = '# Title\n\nText.\n') => `---\n${fm}\n---\n${body}`;

  it('highlights code fenced inside list items and quotes, in an include too', async () => {
    const root = tempProject({
      'source/index.html.md': page('title: T\nincludes:\n  - steps', '# Steps\n\n1. Install:\n\n    ```ruby\n    puts "hi" # note\n    ```\n'),
      'source/includes/_steps.md': '# More\n\n> ```python\n> print(1)  # one\n> ```\n',
    });
    await build({ root }, quietLogger());
    const $ = cheerio.load(readFileSync(join(root, 'build/index.html'), 'utf8'));
    for (const lang of ['ruby', 'python']) {
      const code = $(`pre.highlight.${lang} code`);
      expect(code.length, lang).toBe(1);
      // Token spans, not plain text: the grammar was loaded for a fence the line scan used to miss.
      expect(code.find('span[class^="t"]').length, lang).toBeGreaterThan(1);
    }
  });

  it('highlights a block the fence forecast got wrong, though its grammar was left unloaded', async () => {
    // The forecast (fence-scan.ts) keeps the tab of a line in an indented fence, which markdown-it
    // turns into spaces: its guess at the new block is the first block's code, which the highlight
    // cache has, so the second build loads no grammar, and the block as parsed then needs one.
    const fence = (indent: string) => `${indent}\`\`\`python\n\tprint(2)  # two\n${indent}\`\`\`\n`;
    const [before, after] = [`# More\n\n${fence('')}`, `# More\n\n${fence('')}\n${fence('  ')}`];
    const root = tempProject({ 'source/index.html.md': page('title: T\nincludes:\n  - more'), 'source/includes/_more.md': before });
    await build({ root }, quietLogger());
    writeFileSync(join(root, 'source/includes/_more.md'), after);
    const log = quietLogger();
    await build({ root }, log);
    const cold = tempProject({ 'source/index.html.md': page('title: T\nincludes:\n  - more'), 'source/includes/_more.md': after });
    await build({ root: cold }, quietLogger(), { cache: false });
    const blocks = (dir: string) => cheerio.load(readFileSync(join(dir, 'build/index.html'), 'utf8'))('pre.highlight.python').toArray().map((el) => cheerio.load(el).html());
    expect(blocks(root)).toEqual(blocks(cold));
    expect(blocks(root)).toHaveLength(2);
    expect(cheerio.load(blocks(root)[1])('code span[class^="t"]').length).toBeGreaterThan(1);
    if (compiledWorker) expect(log.lines.join('\n')).toMatch(/1 from cache, 1 in a worker thread/);
  });

  it('builds every page to its own path, with URLs that work from a sub-folder', async () => {
    const root = tempProject({
      'source/index.html.md': page('title: Home'),
      'source/v2/index.html.md': page('title: Two\nsearch: false'),
      'source/images/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    });
    await build({ root }, quietLogger());
    const v2 = cheerio.load(readFileSync(join(root, 'build/v2/index.html'), 'utf8'));
    expect(v2('title').text()).toBe('Two');
    expect(v2('script[type="module"]').attr('src')).toMatch(/^\.\.\/assets\//);
    expect(v2('#input-search').length).toBe(0);
    expect(v2('body').attr('data-search-index')).toBeUndefined();
    expect(existsSync(join(root, 'build/images/logo.png'))).toBe(true);
  });

  it('uses absolute URLs with --base', async () => {
    const root = tempProject({ 'source/index.html.md': page('title: A') });
    await build({ root, base: '/docs' }, quietLogger());
    const $ = cheerio.load(readFileSync(join(root, 'build/index.html'), 'utf8'));
    expect($('script[type="module"]').attr('src')).toMatch(/^\/docs\/assets\//);
    expect($('body').attr('data-search-index')).toMatch(/^\/docs\/assets\/search-index-/);
  });

  it('escapes frontmatter text that lands in attributes and the page', async () => {
    const root = tempProject({
      'source/index.html.md': page('title: "</title><script>alert(1)</script>"\nlanguage_tabs:\n  - shell: "<b>x\\" onclick=\\"y"'),
    });
    await build({ root }, quietLogger());
    const html = readFileSync(join(root, 'build/index.html'), 'utf8');
    expect(html).not.toContain('<script>alert(1)');
    const $ = cheerio.load(html);
    expect($('title').text()).toBe('</title><script>alert(1)</script>');
    expect($('.lang-selector a').first().text()).toBe('<b>x" onclick="y');
    expect($('.lang-selector a[onclick]').length).toBe(0);
  });

  it('fails on a missing include and leaves the previous site as it was', async () => {
    const root = tempProject({ 'source/index.html.md': page('title: A') });
    await build({ root }, quietLogger());
    const before = readFileSync(join(root, 'build/index.html'), 'utf8');
    writeFileSync(join(root, 'source/index.html.md'), page('title: B\nincludes:\n  - missing'));
    const err = await caught(() => build({ root }, quietLogger()));
    expect(err.message).toBe('include "missing" not found');
    expect(err.line).toBe(4);
    expect(readFileSync(join(root, 'build/index.html'), 'utf8')).toBe(before);
    // No staging folder left behind; the cache of the first build's page is all that was added.
    expect(readdirSync(root).sort()).toEqual(['.shale-cache', 'build', 'source']);
  });

  it('clears the cache of what an interrupted build\'s writes left behind', async () => {
    const root = tempProject({ 'source/index.html.md': page('title: A') });
    await build({ root }, quietLogger());
    // A search cache write cut short an hour and more ago (the process killed before its rename).
    const left = join(root, '.shale-cache', 'search-abc.json.4242.tmp');
    writeFileSync(left, '{"half');
    const hourAgo = (Date.now() - 2 * 60 * 60 * 1000) / 1000;
    utimesSync(left, hourAgo, hourAgo);
    writeFileSync(join(root, 'source/index.html.md'), page('title: B'));
    await build({ root }, quietLogger());
    expect(existsSync(left)).toBe(false);
    expect(readdirSync(join(root, '.shale-cache')).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('warns about an unknown code language once, with file and line, and still builds', async () => {
    const root = tempProject({ 'source/index.html.md': page('title: A', '# A\n\n```nosuchlang\nx\n```\n\n```nosuchlang\ny\n```\n') });
    const log = quietLogger();
    const result = await build({ root }, log);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ line: 6, message: expect.stringContaining('nosuchlang') });
    expect(log.warnings).toHaveLength(1);
    const $ = cheerio.load(readFileSync(join(root, 'build/index.html'), 'utf8'));
    expect($('pre.highlight.plaintext code').first().text()).toBe('x\n');
  });

  it('refuses to write into a folder it did not make', async () => {
    const root = tempProject({ 'source/index.html.md': page('title: A'), 'site/keep.txt': 'mine' });
    const err = await caught(() => build({ root, out: 'site' }, quietLogger()));
    expect(err.message).toMatch(/refusing to write into \S*site: it is not empty and shale did not make it/);
    expect(readFileSync(join(root, 'site/keep.txt'), 'utf8')).toBe('mine');
  });

  it('says where to start when there is no source folder', async () => {
    const root = tempProject({ 'README.md': 'x' });
    const err = await caught(() => build({ root }, quietLogger()));
    expect(err.message).toMatch(/^source folder \S*source not found$/);
    expect(String(err.hint)).toMatch(/--source/);
  });
});

describe('a broken theme', () => {
  it('is reported with the theme file and line, not a Vite stack, and the old site stays', async () => {
    const root = tempProject({ 'source/index.html.md': '---\ntitle: A\n---\n# A\n' });
    await build({ root }, quietLogger());
    const before = readFileSync(join(root, 'build/index.html'), 'utf8');
    cpSync(join(import.meta.dirname, '..', 'themes', 'default'), join(root, 'theme'), { recursive: true });
    writeFileSync(join(root, 'theme/main.ts'), "import './styles/vars.css';\nconst x = ;\n");
    const err = await caught(() => build({ root, theme: 'theme' }, quietLogger()));
    expect(err.message).toMatch(/^the theme could not be bundled: /);
    expect(err.file).toBe(join(root, 'theme/main.ts'));
    expect(err.line).toBe(2);
    expect(readFileSync(join(root, 'build/index.html'), 'utf8')).toBe(before);
  });
});
