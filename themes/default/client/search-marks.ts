// Marking matched words, always with text nodes: page text never goes through innerHTML, so a
// heading that reads `<img src=x onerror=…>` stays text in the results and on the page.
// On the page, marks are made inside one section only (its heading up to the next section's),
// not by walking the whole page as Slate did on every keystroke.

export interface Range {
  start: number;
  end: number;
}

export const HIGHLIGHT = 'search-highlight';

/** Appends `text` to `parent`, each range wrapped in a new `tag` element. */
export function appendMarked(parent: Node, text: string, ranges: Range[], tag = 'mark', className?: string): void {
  let at = 0;
  for (const r of ranges) {
    if (r.start < at || r.end <= r.start) continue; // overlapping or empty: the earlier mark covers it
    if (r.start > at) parent.appendChild(document.createTextNode(text.slice(at, r.start)));
    const mark = document.createElement(tag);
    if (className) mark.className = className;
    mark.textContent = text.slice(r.start, r.end);
    parent.appendChild(mark);
    at = r.end;
  }
  if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
}

/** Removes every mark made on the page, restoring its text nodes as they were. */
export function clearHighlights(root: ParentNode = document): void {
  const parents = new Set<Node>();
  for (const mark of root.querySelectorAll(`span.${HIGHLIGHT}`)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    parent.replaceChild(document.createTextNode(mark.textContent ?? ''), mark);
    parents.add(parent);
  }
  for (const p of parents) p.normalize();
}

/** Text nodes of the section that `heading` opens, up to the next heading in `sectionIds`. */
export function sectionTextNodes(heading: Element, sectionIds: Set<string>, prose = false): Text[] {
  const root = heading.ownerDocument.body;
  const walker = heading.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  walker.currentNode = heading;
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Element) {
      if (node !== heading && /^H[1-6]$/.test(node.tagName) && sectionIds.has(node.id)) break;
      // Content not loaded yet (client/chunks.ts): the section's text ends there for now.
      if (node.classList.contains('shale-chunk')) break;
      continue;
    }
    const parent = node.parentElement;
    // Snippets are prose: the heading is shown as the title and code sits in its own column.
    if (prose && (heading.contains(node) || parent?.closest('pre, .highlight, script, style'))) continue;
    if (parent?.closest('script, style')) continue;
    nodes.push(node as Text);
  }
  return nodes;
}

/**
 * The section's prose (not its heading, not its code), spaces collapsed, up to about `max`
 * characters: the source of its snippet. Stops early, so a long section costs no more than a short one.
 */
export function sectionProse(heading: Element, sectionIds: Set<string>, max: number): string {
  const walker = heading.ownerDocument.createTreeWalker(heading.ownerDocument.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  walker.currentNode = heading;
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node && length < max; node = walker.nextNode()) {
    if (node instanceof Element) {
      if ((/^H[1-6]$/.test(node.tagName) && sectionIds.has(node.id)) || node.classList.contains('shale-chunk')) break;
      // Code sits in its own column and the heading is the title: skip their whole subtrees.
      if (node.matches('pre, .highlight, script, style') || node === heading) skipSubtree(walker);
      continue;
    }
    if (heading.contains(node)) continue;
    parts.push((node as Text).data);
    length += (node as Text).data.length;
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** Moves the walker to the last node inside its current element, so nextNode() leaves it. */
function skipSubtree(walker: TreeWalker): void {
  let last: Node | null = walker.currentNode;
  while (last?.lastChild) last = last.lastChild;
  if (last) walker.currentNode = last;
}

/** Marks `rangesOf(text)` in each text node of the section; returns the first mark. */
export function highlightSection(heading: Element, sectionIds: Set<string>, rangesOf: (text: string) => Range[]): Element | undefined {
  let first: Element | undefined;
  for (const node of sectionTextNodes(heading, sectionIds)) {
    const text = node.data;
    const ranges = rangesOf(text);
    if (!ranges.length) continue;
    const frag = document.createDocumentFragment();
    appendMarked(frag, text, ranges, 'span', HIGHLIGHT);
    first ??= frag.querySelector(`.${HIGHLIGHT}`) ?? undefined;
    node.replaceWith(frag);
  }
  return first;
}

/** A window of `text` around its first range, cut at spaces, with the ranges moved into it. */
export function snippetAround(text: string, ranges: Range[], length = 160): { text: string; ranges: Range[] } {
  const first = ranges[0];
  let start = first ? Math.max(0, first.start - Math.floor(length / 3)) : 0;
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space !== -1 && (!first || space < first.start) ? space + 1 : start;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start && (!first || space >= first.end)) end = space;
  }
  const body = text.slice(start, end);
  const prefix = start > 0 ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: prefix + body + (end < text.length ? '…' : ''),
    ranges: ranges.filter((r) => r.start >= start && r.end <= end).map((r) => ({ start: r.start + shift, end: r.end + shift })),
  };
}
