// Keeping the reader's place when content above the viewport changes height (a language
// switch in the one-column layout, where code sits between paragraphs). Chromium and Firefox
// anchor scrolling themselves; Safari does not, so the theme does it everywhere.

/**
 * Tab-specific blocks change height on a switch, and a placeholder of content not loaded yet
 * (client/chunks.ts) is about to be replaced; anything else is a fixed point of the text.
 */
const SWITCHING = '.highlight[class*="tab-"], .lang-specific, .shale-chunk';

/**
 * The first element of the content that is at least partly in view and shows under every
 * tab: the text the reader is looking at. Binary search, so a page of 50,000 blocks costs
 * a few measurements, not 50,000.
 */
function readingAnchor(): Element | undefined {
  const blocks = document.querySelector('.content')?.children;
  if (!blocks?.length) return undefined;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].getBoundingClientRect().bottom > 0) hi = mid;
    else lo = mid + 1;
  }
  for (let i = lo; i < blocks.length; i++) {
    const block = blocks[i];
    if (!block.matches(SWITCHING) && block.getClientRects().length) return block;
  }
  return undefined;
}

/** Runs `change` and scrolls so the text the reader was looking at stays where it was. */
export function keepingPlace(change: () => void): void {
  const anchor = readingAnchor();
  const before = anchor?.getBoundingClientRect().top;
  change();
  if (anchor && before !== undefined) {
    const shift = anchor.getBoundingClientRect().top - before;
    if (Math.abs(shift) >= 1) window.scrollBy(0, shift);
  }
}
