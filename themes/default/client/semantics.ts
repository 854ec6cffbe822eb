// What Slate-style Markdown cannot say about itself, told to assistive technology:
// - `aside.notice` is a note in the text, not a page landmark (a page with ten asides would
//   otherwise list ten unnamed "complementary" landmarks);
// - a heading that skips a level (Slate's sample goes h1 → h3) is announced at the level the
//   TOC already gives it (one below the previous heading), so the outline has no holes;
// - a header row with no text at all (Slate's `|  |  |` idiom) is dropped: it says nothing and
//   makes screen readers announce blank column headers.
// Code blocks that scroll sideways become focusable so keyboards can scroll them.

/**
 * The fix-ups inside `root`: the content, or a chunk of it before it is inserted
 * (client/chunks.ts), whose placeholder tells the outline level reached before it (`previous`).
 */
export function fixSemantics(root: ParentNode, previous = 0): void {
  for (const aside of root.querySelectorAll('aside:not([role])')) aside.setAttribute('role', 'note');

  for (const heading of root.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')) {
    const level = Number(heading.tagName[1]);
    if (previous && level > previous + 1) heading.setAttribute('aria-level', String(previous + 1));
    previous = Math.min(level, previous + 1 || level);
  }

  for (const row of root.querySelectorAll('thead > tr')) {
    if (!row.textContent?.trim() && !row.querySelector('img')) row.remove();
  }
}

export function initSemantics(): void {
  const content = document.querySelector('.content');
  if (!content) return;
  fixSemantics(content);

  // Which blocks scroll is measured by a ResizeObserver, which reports each block once, after
  // layout, so measuring costs nothing extra. Each block is let go once reported: an observed
  // element is checked on every frame, and a large reference has thousands of blocks. Sizes
  // change only when the window does or another language's blocks are shown; then all are
  // observed once more. Content inserted later (shale:content, client/chunks.ts) is observed once.
  const pres = content.getElementsByTagName('pre');
  const scrollers = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      scrollers.unobserve(target);
      // Hidden (another language's block): measured when its language is shown.
      if (!target.clientWidth) continue;
      if (target.scrollWidth > target.clientWidth) target.setAttribute('tabindex', '0');
      else target.removeAttribute('tabindex');
    }
  });
  const measure = (): void => { for (const pre of pres) scrollers.observe(pre); };
  measure();
  let resized: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => { clearTimeout(resized); resized = setTimeout(measure, 200); });
  document.addEventListener('shale:language', measure);
  document.addEventListener('shale:content', (event) => {
    for (const el of (event as CustomEvent<Element[]>).detail) {
      if (el.tagName === 'PRE') scrollers.observe(el);
      for (const pre of el.getElementsByTagName('pre')) scrollers.observe(pre);
    }
  });
}
