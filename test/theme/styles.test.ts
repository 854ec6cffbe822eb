// Contract of the default theme's stylesheets: colours live in vars.css, every custom property
// used is defined, and nothing asks another host for a file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../themes/default/styles');
const files = readdirSync(dir).filter((f) => f.endsWith('.css'));
const css = (f: string): string => readFileSync(join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
// Data URIs (icons) may contain anything; they are checked separately.
const withoutDataUris = (s: string): string => s.replace(/url\("data:[^"]*"\)/g, 'url()');

describe('default theme styles', () => {
  it('has the stylesheets main.ts imports', () => {
    const main = readFileSync(join(dir, '../main.ts'), 'utf8');
    const imported = [...main.matchAll(/import '\.\/styles\/([\w-]+\.css)'/g)].map((m) => m[1]).sort();
    expect(imported).toEqual([...files].sort());
  });

  it('writes colours only in vars.css', () => {
    const literal = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|oklch|lab)\(/i;
    for (const f of files.filter((f) => f !== 'vars.css')) {
      const offending = withoutDataUris(css(f))
        .split('\n')
        .filter((line) => literal.test(line));
      expect(offending, f).toEqual([]);
    }
  });

  it('uses only custom properties that are defined somewhere', () => {
    const all = files.map(css).join('\n');
    const defined = new Set([...all.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]));
    // Written by the build into the page's own <style>; used with fallbacks.
    defined.add('--code-bg').add('--code-fg').add('--code-shade');
    const used = new Set([...all.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]));
    expect([...used].filter((v) => !defined.has(v))).toEqual([]);
  });

  it('requests nothing from another host', () => {
    for (const f of files) {
      const text = css(f);
      expect(text, f).not.toMatch(/@import/);
      expect(text, f).not.toMatch(/@font-face/);
      for (const [, target] of text.matchAll(/url\(\s*["']?([^"')]*)/g)) {
        expect(target, f).toMatch(/^data:/);
      }
    }
  });
});

describe('default theme template', () => {
  const html = readFileSync(join(dir, '../index.html'), 'utf8');

  it('keeps every slot the build fills and the theme entry', () => {
    for (const slot of ['head', 'logo', 'lang-selector', 'search', 'toc', 'toc-footer', 'content']) {
      expect(html).toContain(`<!--shale:${slot}-->`);
    }
    expect(html).toContain('src="/@shale-theme/main.ts"');
  });

  it('has the landmarks and controls the client and CSS rely on', () => {
    expect(html).toMatch(/<nav class="toc-wrapper" id="toc-wrapper"/);
    expect(html).toMatch(/<button id="nav-button"[^>]*aria-controls="toc-wrapper"[^>]*aria-expanded="false"/);
    expect(html).toMatch(/<main class="content" id="main-content">/);
    expect(html).toMatch(/<a class="skip-link" href="#main-content">/);
  });
});
