// Hostile strings for the injection fuzz: each tries to run `window.__pwned = 1` (or to break
// out of the element, attribute, comment or script it lands in), plus text that trips
// renderers: unbalanced quotes, U+2028/2029 (line breaks inside JS strings), bidi overrides.
import fc from 'fast-check';

export const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  "'><svg onload=window.__pwned=1>",
  '<img src=x onerror=window.__pwned=1>',
  'javascript:window.__pwned=1',
  '</textarea><script>window.__pwned=1</script>',
  '</title><script>window.__pwned=1</script>',
  '</style><script>window.__pwned=1</script>',
  '</script><script>window.__pwned=1</script>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<a href="javascript:window.__pwned=1">click</a>',
  '<details open ontoggle=window.__pwned=1>',
  '&lt;script&gt;window.__pwned=1&lt;/script&gt;',
  '&#60;img src=x onerror=window.__pwned=1&#62;',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  '<!--', '-->', ']]>', '"', "'", '`', '\\', '"\'', '\u2028', '\u2029', '\u202e', '\u200f\u202dx', '%3Cscript%3E',
];

/** A hostile string between ordinary words; `tag` is a word that makes it findable (search). */
export const hostileText = (tag: string) => fc.tuple(fc.constantFrom(...HOSTILE), fc.constantFrom('', 'plain words', 'Users'), fc.constantFrom('', 'after'))
  .map(([h, before, after]) => [tag, before, h, after].filter(Boolean).join(' '));

/** Markdown that shows `s` as written: every ASCII punctuation mark backslash-escaped. */
export const mdText = (s: string) => s.replace(/[!-/:-@[-`{-~]/g, '\\$&');

/** A YAML double-quoted scalar for any string (non-ASCII as \u escapes). */
export const yamlString = (s: string) => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export interface HostileDoc {
  safe: boolean;
  /** The whole page file. */
  file: string;
  /** Heading texts (as a reader must see them when not in safe mode), in order. */
  headings: string[];
  title: string;
  meta: string;
  label: string;
}

/**
 * A page whose title, meta, tab label and key, toc_footers, headings, link texts, code spans, table
 * cells and code blocks are hostile. Without --safe, raw HTML is the author's to write, so text
 * positions get the string Markdown-escaped (what an author or a generator means by "this
 * text"); with --safe they get it raw.
 */
export const hostileDoc = (safe: boolean): fc.Arbitrary<HostileDoc> => fc.record({
  title: hostileText('Title'),
  meta: hostileText('meta'),
  label: hostileText('label'),
  key: fc.constantFrom(...HOSTILE.filter((h) => h.trim() && !h.includes('`'))),
  footer: hostileText('footer'),
  headings: fc.array(hostileText(''), { minLength: 1, maxLength: 4 }),
  link: hostileText('link'),
  // Link targets. Raw `<script>` in a target that fails to parse as a link is raw HTML in the
  // body, so only --safe gets those.
  href: fc.constantFrom('javascript:window.__pwned=1', 'JaVaScRiPt:window.__pwned=1', 'java\tscript:window.__pwned=1', 'vbscript:x',
    'data:text/html,%3Cscript%3Eparent.__pwned=1%3C/script%3E', '#x" onmouseover="window.__pwned=1', 'https://example.com/"onmouseover="window.__pwned=1',
    ...(safe ? ['data:text/html,<script>parent.__pwned=1</script>', 'https://example.com/"><script>window.__pwned=1</script>'] : [])),
  span: hostileText('span'),
  cell: hostileText('cell'),
  code: hostileText('code'),
}).map((r) => {
  const text = safe ? (s: string) => s : mdText;
  const headings = r.headings.map((h, i) => `qw${i} ${h}`.trim());
  const file = [
    '---',
    `title: ${yamlString(r.title)}`,
    'language_tabs:',
    `  - shell: ${yamlString(r.label)}`,
    // A hostile tab key: it lands in CSS, class names, data attributes, URLs and fence info.
    `  - ${yamlString(r.key)}: other`,
    'meta:',
    '  - name: description',
    `    content: ${yamlString(r.meta)}`,
    'toc_footers:',
    `  - ${yamlString(text(r.footer))}`,
    `  - ${yamlString(`[${text(r.footer)}](${r.href})`)}`,
    '---',
    '',
    ...headings.flatMap((h, i) => [
      `# ${text(h)}`, '',
      `See [${text(r.link)}](${r.href}) and [${text(r.link)}](<${r.href}>), with \`\`\` ${r.span.replace(/`/g, '')} \`\`\`.`, '',
      `| Name ${i} | Value |`, '|---|---|', `| ${text(r.cell).replace(/\|/g, '\\|')} | 1 |`, '',
      '```shell', r.code, '```', '',
      '```' + r.key, r.code, '```', '',
    ]),
  ].join('\n');
  return { safe, file, headings, title: r.title, meta: r.meta, label: r.label };
});
