// Off-canvas navigation below 930px: #nav-button opens and closes it. State lives in one class
// on body (CSS moves the nav) and in aria-expanded on the button (assistive technology).

const OPEN = 'nav-open';

export function initNav(): void {
  const button = document.getElementById('nav-button');
  if (!button) return;
  const nav = document.getElementById(button.getAttribute('aria-controls') ?? '') ?? document.querySelector('.toc-wrapper');

  const isOpen = (): boolean => document.body.classList.contains(OPEN);
  const setOpen = (open: boolean): void => {
    document.body.classList.toggle(OPEN, open);
    button.setAttribute('aria-expanded', String(open));
  };

  button.addEventListener('click', () => {
    setOpen(!isOpen());
    // Opened from the keyboard: put the reader inside the nav, at the first link.
    // (The first control that is shown: the nav's tab bar exists only on phones.)
    if (isOpen() && nav && button.matches(':focus-visible')) {
      [...nav.querySelectorAll<HTMLElement>('a[href], button, input')]
        .find((el) => el.getClientRects().length > 0)
        ?.focus();
    }
  });

  // Choosing a section (or a search result) means the reader is done with the nav.
  nav?.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('.toc-link, .search-results a')) {
      setOpen(false);
    }
  });

  // A click on the page beside the open nav closes it, as on any drawer.
  document.addEventListener('click', (event) => {
    if (!isOpen() || !(event.target instanceof Node)) return;
    if (nav?.contains(event.target) || button.contains(event.target)) return;
    setOpen(false);
  });

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && isOpen()) {
      setOpen(false);
      button.focus();
    }
  });
}
