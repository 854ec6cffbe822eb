// Renders Markdown with shale's engine and reduces the HTML to its tags, so rule tests compare
// block structure (ids, classes and highlighting are other modules' business).
import { createMarkdown } from '../../../src/markdown/create.js';
import { createEnv } from '../../../src/markdown/env.js';

const md = createMarkdown();
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function render(src: string): string {
  const env = createEnv({ tabs: [], idScheme: 'slate', highlight: (code) => escape(code), knowsLanguage: () => true });
  env.file = 'test.md';
  return md.render(src, env);
}

/** The rendered HTML with attributes and line breaks removed: `<h1>Errors</h1><p>x</p>`. */
export function shape(src: string): string {
  return render(src)
    .replace(/<([a-z0-9]+)\s[^>]*>/gi, '<$1>')
    .replace(/\n/g, '');
}
