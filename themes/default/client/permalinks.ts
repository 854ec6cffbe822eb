// Heading permalinks: every heading with an id gets a link to itself, shown while the heading
// is hovered or the link has focus (styles/content.css), so a reader can copy a deep link.

/** Adds the links inside `root`: the content, or a chunk of it before it is inserted (client/chunks.ts). */
export function addPermalinks(root: ParentNode): void {
  const link = document.createElement('a');
  link.className = 'permalink';
  for (const heading of root.querySelectorAll<HTMLElement>(':is(h1, h2, h3, h4, h5, h6)[id]')) {
    const a = link.cloneNode() as HTMLAnchorElement;
    a.href = `#${encodeURIComponent(heading.id)}`;
    // Named after the heading, so a list of links tells them apart.
    a.setAttribute('aria-label', `Permalink: ${heading.textContent?.trim() ?? heading.id}`);
    heading.append(a);
  }
}

export function initPermalinks(): void {
  const content = document.querySelector('.content');
  if (content) addPermalinks(content);
}
