// --safe (issue 8 §4): raw HTML in page bodies, includes and toc_footers is shown as text, from
// the command line or the config file; without it, Slate's raw HTML works as before. Markdown
// (links, emphasis, code) applies in both modes, and javascript: links are refused in both.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../helpers.js';
import { cli } from './helpers.js';

const files = {
  'source/index.html.md': [
    '---', 'title: Safe', 'includes:', '  - more', 'toc_footers:',
    "  - <a href='https://example.com/signup' onclick='window.__pwned=1'>Sign up</a>",
    '  - Made with [shale](https://example.com/shale)', '---', '',
    '# Page', '', '<aside class="notice">An <b>aside</b></aside>', '',
    'Inline <img src=x onerror="window.__pwned=1"> and *emphasis* and [bad](javascript:alert(1)).', '',
  ].join('\n'),
  'source/includes/_more.md': '# More\n\n<div id="raw-div">raw div</div>\n\n```shell\necho <b>\n```\n',
};

async function built(...flags: string[]): Promise<{ $: cheerio.CheerioAPI; html: string }> {
  const root = tempProject(flags.includes('config') ? { ...files, 'shale.config.json': '{ "safe": true }' } : files);
  const run = await cli('build', '--root', root, '--quiet', ...flags.filter((f) => f !== 'config'));
  expect(run.code).toBe(0);
  const html = readFileSync(join(root, 'build', 'index.html'), 'utf8');
  return { $: cheerio.load(html), html };
}

describe('--safe', () => {
  it('is listed in the help of build and dev', async () => {
    expect((await cli('build', '--help')).out).toMatch(/--safe\s+Escape all raw HTML/);
    expect((await cli('dev', '--help')).out).toContain('--safe');
  });

  for (const how of ['--safe', 'config']) {
    it(`escapes raw HTML in the page, its includes and toc_footers (${how === 'config' ? '"safe": true in shale.config.json' : how})`, async () => {
      const { $ } = await built(how);
      expect($('aside').length).toBe(0);
      expect($('main').text()).toContain('<aside class="notice">An <b>aside</b></aside>');
      expect($('main img').length).toBe(0);
      expect($('main').text()).toContain('<img src=x onerror="window.__pwned=1">');
      expect($('#raw-div').length).toBe(0);
      expect($('main').text()).toContain('<div id="raw-div">raw div</div>');
      expect($('.toc-footer a[onclick]').length).toBe(0);
      expect($('.toc-footer li').first().text()).toBe("<a href='https://example.com/signup' onclick='window.__pwned=1'>Sign up</a>");
      // Markdown still applies.
      expect($('main em').text()).toBe('emphasis');
      expect($('.toc-footer a[href="https://example.com/shale"]').text()).toBe('shale');
      expect($('pre code').text()).toBe('echo <b>\n');
      expect($('a[href^="javascript:"]').length).toBe(0);
    });
  }

  it('without it, raw HTML is the author\'s (Slate\'s behaviour), but javascript: links are still refused', async () => {
    const { $ } = await built();
    expect($('aside.notice b').text()).toBe('aside');
    expect($('#raw-div').text()).toBe('raw div');
    expect($('.toc-footer a[href="https://example.com/signup"]').text()).toBe('Sign up');
    expect($('a[href^="javascript:"]').length).toBe(0);
    expect($('main').text()).toContain('[bad](javascript:alert(1))');
  });
});
