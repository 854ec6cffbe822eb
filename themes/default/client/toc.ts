// Table of contents: links are plain anchors, so the browser scrolls. This module follows the
// reader: the section being read gets .active and aria-current, its ancestors .active-parent,
// the lists on its path are expanded (ul.active), the hash follows with replaceState and the
// title reads "section – page". Position comes from IntersectionObserver only: nothing reads
// layout on scroll, so a page with thousands of headings scrolls as smoothly as a short one.

import { idOfHash } from './anchors';

const LINK = 'a.toc-link';
/** Share of the viewport, from the top, where a heading counts as "being read". */
const READING_LINE = 0.25;

/**
 * The section being read: the last heading above the reading line, or the last heading of all
 * once the page is scrolled to its end (a short last section never reaches the line: Slate's
 * TOC never reached it either). `above[i]` is true when heading i's top is above the line.
 */
export function pickActive(above: readonly boolean[], atBottom: boolean): number {
  if (atBottom && above.length) return above.length - 1;
  for (let i = above.length - 1; i >= 0; i--) if (above[i]) return i;
  return above.length ? 0 : -1;
}

/** Marks `link` (and its path) in `toc`; undefined clears every mark. */
export function markActive(toc: Element, link: HTMLAnchorElement | undefined): void {
  for (const el of toc.querySelectorAll('.active, .active-parent, [aria-current]')) {
    el.classList.remove('active', 'active-parent');
    el.removeAttribute('aria-current');
  }
  if (!link) return;
  link.classList.add('active');
  link.setAttribute('aria-current', 'location');
  // The active entry's own sub-list opens (an h1 shows its h2s)...
  link.parentElement?.querySelector(':scope > ul')?.classList.add('active');
  // ...and every list and entry on the way up stays open and marked.
  for (let el = link.parentElement?.parentElement; el && el !== toc; el = el.parentElement?.parentElement) {
    el.classList.add('active');
    el.parentElement?.querySelector(`:scope > ${LINK}`)?.classList.add('active-parent');
  }
}

export function initToc(): void {
  const toc = document.getElementById('toc');
  if (!toc) return;
  const all = [...toc.querySelectorAll<HTMLAnchorElement>(LINK)];
  const ids = all.map((link) => idOfHash(link.hash));
  // What each followed entry watches, in page order: its heading, or while that is not loaded
  // yet (client/chunks.ts) the placeholder the heading's chunk starts with, so the TOC follows a
  // reader who is inside a placeholder. Entries whose heading is neither wait for shale:content.
  let links: HTMLAnchorElement[] = [];
  let targets: HTMLElement[] = [];
  /** Whether each watched element's top is above the reading line (see `spy`). */
  const above = new Map<Element, boolean>();
  const waiting = new Map<string | undefined, HTMLElement>();
  for (const p of document.querySelectorAll<HTMLElement>('.shale-chunk')) waiting.set(p.dataset.first, p);
  const slots = ids.map((id) => document.getElementById(id) ?? waiting.get(id));
  const entry = new Map(ids.map((id, i) => [id, i]));
  const collect = (): void => {
    links = [];
    targets = [];
    slots.forEach((target, i) => {
      if (target?.isConnected) {
        links.push(all[i]);
        targets.push(target);
      }
    });
  };
  collect();
  if (!targets.length) return;
  // Lists collapse only once this script can open them again.
  toc.classList.add('toc-spy');

  const pageTitle = document.title;
  let atBottom = false;
  let current: HTMLAnchorElement | undefined;
  let ready = false;
  // A jump (TOC click, link, back/forward) wins until the reader scrolls by hand: near the end
  // of the page the browser cannot bring the target to the reading line.
  let pinned = idOfHash(window.location.hash);

  const show = (link: HTMLAnchorElement | undefined, writeHash: boolean): void => {
    if (link === current) return;
    current = link;
    markActive(toc, link);
    if (!link) return;
    document.title = `${link.dataset.title ?? link.textContent ?? ''} – ${pageTitle}`;
    if (writeHash) writeHashSoon(link.hash);
  };

  // replaceState: scrolling must not fill the back button with every section passed. It costs a
  // few ms each on a large page, so a fast scroll writes only the section it stops at.
  let hashTimer = 0;
  const writeHashSoon = (hash: string): void => {
    window.clearTimeout(hashTimer);
    hashTimer = window.setTimeout(() => {
      if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
    }, 150);
  };

  const update = (): void => {
    const target = pinned ? targets.findIndex((h) => (h.id || h.dataset.first) === pinned) : -1;
    if (target >= 0) show(links[target], false);
    // The URL is left alone until the reader has scrolled: arriving at a page adds no hash.
    else show(links[pickActive(targets.map((t) => above.get(t) ?? false), atBottom && window.scrollY > 0)], ready);
  };

  const spy = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (above.has(entry.target)) above.set(entry.target, entry.isIntersecting);
      update();
      ready = true;
    },
    // The root reaches far above the viewport down to the reading line, so "intersecting"
    // means "above the line", and a fast scroll past a heading still reports it.
    { rootMargin: `1000000px 0px -${100 - READING_LINE * 100}% 0px` },
  );
  // Watches what is new since the last call and lets go of what left the page (a loaded placeholder).
  const watch = (): void => {
    const live = new Set<Element>(targets);
    for (const el of above.keys()) if (!live.has(el)) { spy.unobserve(el); above.delete(el); }
    for (const el of targets) if (!above.has(el)) { above.set(el, false); spy.observe(el); }
  };
  watch();
  // Inserted content: its headings replace their placeholders (which leave the page). Only the
  // new elements are read: a lookup of every entry costs ~10 ms on a page with 2,000 of them.
  document.addEventListener('shale:content', (event) => {
    for (const el of (event as CustomEvent<Element[]>).detail) {
      for (const target of [el, ...el.querySelectorAll<HTMLElement>('[id]')]) {
        const i = entry.get(target.id);
        if (i !== undefined) slots[i] = target as HTMLElement;
      }
    }
    collect();
    watch();
    update();
  });

  // A 1px mark at the end of the document: visible means scrolled to the bottom.
  const end = document.createElement('div');
  end.className = 'toc-end';
  end.setAttribute('aria-hidden', 'true');
  document.body.append(end);
  new IntersectionObserver((entries) => {
    atBottom = entries.some((e) => e.isIntersecting);
    update();
  }, { rootMargin: '0px 0px 2px 0px' }).observe(end);

  const unpin = (): void => {
    if (!pinned) return;
    pinned = '';
    update();
  };
  for (const type of ['wheel', 'touchmove', 'keydown', 'mousedown']) {
    window.addEventListener(type, unpin, { passive: true });
  }
  const pin = (): void => {
    pinned = idOfHash(window.location.hash);
    update();
  };
  window.addEventListener('hashchange', pin);
  window.addEventListener('popstate', pin);
}
