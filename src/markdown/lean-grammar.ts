// A grammar without its embedded languages, taken from its module's text instead of importing it.
// shiki's module for a language imports the modules of every language it embeds, to export them
// all: importing Ruby's loads 26 more (C++ alone is half a megabyte) and costs ~75 ms, against
// 2–7 ms for Python, shell or JavaScript. When the page has no construct that reaches them
// (highlight.ts, EMBEDDED_ONLY_IN), only Ruby's own grammar is needed, and the module holds it as
// one JSON string literal. Any other shape of module gives `undefined`, and the caller imports.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { LanguageRegistration } from 'shiki/core';

/** The module's own grammar: `const lang = Object.freeze(JSON.parse("…"))`, a JSON string literal. */
const OWN_GRAMMAR = /\bconst lang = Object\.freeze\(JSON\.parse\(("(?:[^"\\\n]|\\.)*")\)\)/;

/** Resolves from shiki's own folder: the grammars are its dependency, not shale's. */
const fromShiki = () => createRequire(createRequire(import.meta.url).resolve('shiki'));

/**
 * Language `id`'s own grammar (its embedded languages listed but not loaded), or `undefined`
 * when its module cannot be read or does not have the known shape.
 */
export async function leanGrammar(id: string): Promise<LanguageRegistration | undefined> {
  try {
    const text = await readFile(fromShiki().resolve(`@shikijs/langs/${id}`), 'utf8');
    const literal = OWN_GRAMMAR.exec(text)?.[1];
    if (literal === undefined) return undefined;
    const grammar = JSON.parse(JSON.parse(literal) as string) as LanguageRegistration;
    return grammar.name === id && Array.isArray(grammar.patterns) ? grammar : undefined;
  } catch {
    return undefined;
  }
}
