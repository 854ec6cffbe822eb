import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/create.js';
import { createEnv } from '../../src/markdown/env.js';
import { escapeHtml } from '../../src/markdown/highlight.js';
import type { LanguageTab } from '../../src/types.js';

const known = new Set(['shell', 'ruby', 'python', 'javascript', 'json', 'plaintext']);

function render(markdown: string, tabs: LanguageTab[] = []) {
  const env = createEnv({ tabs, idScheme: 'slate', highlight: (c) => escapeHtml(c), knowsLanguage: (l) => known.has(l) });
  env.file = 'page.md';
  env.lineOffset = 10;
  const $ = cheerio.load(createMarkdown().render(markdown, env));
  return { $, env };
}

const tabs = (...keys: string[]) => keys.map((key) => ({ key, label: key }));

describe('fences', () => {
  it('writes Slate\'s markup with the lexer and tab classes', () => {
    const { $ } = render('```ruby\nputs 1\n```\n', tabs('shell', 'ruby'));
    const pre = $('div.highlight > pre.highlight');
    expect(pre.attr('class')).toBe('highlight ruby tab-ruby');
    expect($('div.highlight').hasClass('tab-ruby')).toBe(true);
    expect(pre.children('code').text()).toBe('puts 1\n');
  });

  it('pairs a --variant tab only with its exact fence, highlighting as the base language', () => {
    const { $ } = render('```javascript--nodejs\nx\n```\n\n```javascript\ny\n```\n', tabs('javascript--nodejs', 'javascript--browser'));
    expect($('pre').eq(0).attr('class')).toBe('highlight javascript tab-javascript--nodejs');
    // Plain `javascript` matches no variant tab: it keeps its own class and shows under every tab.
    expect($('pre').eq(1).attr('class')).toBe('highlight javascript tab-javascript');
  });

  it('matches aliases to a plain tab key (```js under a javascript tab)', () => {
    const { $ } = render('```js\nx\n```\n\n```sh\ny\n```\n', tabs('shell', 'javascript'));
    expect($('pre').eq(0).hasClass('tab-javascript')).toBe(true);
    expect($('pre').eq(1).hasClass('tab-shell')).toBe(true);
  });

  it('shows a fence without a language as plain text with no tab', () => {
    const { $ } = render('```\n<b>raw</b>\n```\n', tabs('shell'));
    expect($('pre').attr('class')).toBe('highlight plaintext');
    expect($('pre code').text()).toBe('<b>raw</b>\n');
  });

  it('warns once per unknown language with the file line of its first fence', () => {
    const { $, env } = render('# T\n\n```brainfunk\n+\n```\n\n```brainfunk\n-\n```\n');
    expect(env.warnings).toHaveLength(1);
    expect(env.warnings[0]).toMatchObject({ file: 'page.md', line: 13, severity: 'warning' });
    expect(env.warnings[0].message).toContain('brainfunk');
    expect($('pre').first().hasClass('plaintext')).toBe(true);
  });

  it('keeps the info string out of markup it could break', () => {
    const { $ } = render('```ruby"><script>\nx\n```\n');
    expect($('script').length).toBe(0);
    expect($('pre').attr('class')).not.toContain('<');
  });
});
