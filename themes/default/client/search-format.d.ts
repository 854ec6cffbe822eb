// The search index file's layout, written by src/search/index.ts at build time and read by
// search-engine.ts in the page. Types only: both sides import it, neither bundles it.

/**
 * The index as the page's search worker reads it (search-engine.ts). Inverted, term by term:
 * a term's documents are close together, so their gaps are small and gzip well, and a query
 * reads only the lists of its own terms. Posting numbers are varints in a base64url string
 * (search-varint.js), about a third of the bytes of a JSON array of the same numbers.
 */
export interface SearchIndexFile {
  version: number;
  /**
   * Where there are `snippets`: the UTF-8 byte offset of the `,"snippets":` that ends the file,
   * as 10 digits, the second key. The worker reads the bytes before it (and `}`) first, answers,
   * then reads the snippets; any other reader parses the whole file as JSON.
   */
  snippetsAt?: string;
  /**
   * Where there are `snippets`: the file the build writes them to, beside this one, as
   * `{"snippets": […]}`; then this file ends at `snippetsAt` and the worker fetches them after
   * the first answer. Served whole (dev, the Vite plugin, --inline), they follow `snippetsAt`.
   */
  snippetsFile?: string;
  fields: Array<{ name: string; boost: number }>;
  /** Every index term, sorted: a prefix is a range found by binary search. */
  terms: string[];
  /**
   * lengths[field][section]: the section's number of terms in that field. Plain numbers, which
   * the browser's JSON parser reads natively: the page runs no loop over them on load.
   */
  lengths: number[][];
  /**
   * postings[term], in the order of `terms`: the term's lists in every field as varints, first
   * each field's count of sections, then for each field, for each of its sections,
   * `(gap - 1) * 2 + (tf > 1)`, followed by `min(tf, 255) - 2` when that bit is set. One string
   * per term, so a query reads the strings of its own terms and nothing is added up on load.
   */
  postings: string[];
  docs: StoredDocs;
  /**
   * The start of each section's prose, in a site-wide index and in the index of a page that loads
   * its content in chunks (a result's section may not be on the page yet). Other pages take
   * their sections' snippets from the page itself, so their index stores none. Last in the
   * file, after `docs`, so that the first answer need not wait for them (`snippetsAt`).
   */
  snippets?: string[];
}

export interface StoredDocs {
  ids: string[];
  titles: string[];
  /**
   * Each section's parent section as its position in these lists (-1: none). Where no earlier
   * section is the parent, the parents' titles themselves.
   */
  parents: Array<number | string[]>;
  /** Site-wide indexes only: the pages, and each section's page as a position in `pages`. */
  pages?: string[];
  page?: number[];
}
