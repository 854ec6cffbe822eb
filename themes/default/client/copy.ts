// Copy buttons on code blocks (frontmatter `code_clipboard`, on unless set to false; the build
// marks body[data-code-clipboard]). Buttons are added here rather than by the build: without
// script they could not work, so a page read without script shows none.

const LABEL = 'Copy code';
const DONE = 'Copied';
const FEEDBACK_MS = 2000;

/** Clipboard API where allowed (https, localhost); the older selection copy elsewhere. */
async function writeText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;opacity:0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

/** Adds the buttons inside `root`: the content, or a chunk of it before it is inserted (client/chunks.ts). */
export function addCopyButtons(root: ParentNode): void {
  if (!document.body.hasAttribute('data-code-clipboard')) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-clipboard';
  button.setAttribute('aria-label', LABEL);
  button.title = LABEL;
  for (const block of root.querySelectorAll('div.highlight')) {
    if (block.querySelector('code')) block.append(button.cloneNode(true));
  }
}

export function initCopy(): void {
  if (!document.body.hasAttribute('data-code-clipboard')) return;
  const content = document.querySelector('.content');
  if (content) addCopyButtons(content);

  // One polite live region tells screen readers what the button's look tells everyone else.
  const status = document.createElement('div');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  document.body.append(status);

  const timers = new WeakMap<Element, number>();
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('.copy-clipboard') : null;
    const code = target?.parentElement?.querySelector('code');
    if (!target || !code) return;
    // The block's text as written; the fence's closing newline would run a pasted command.
    writeText((code.textContent ?? '').replace(/\n$/, '')).then(
      () => {
        target.setAttribute('data-copied', '');
        target.setAttribute('aria-label', DONE);
        status.textContent = DONE;
        window.clearTimeout(timers.get(target));
        timers.set(target, window.setTimeout(() => {
          target.removeAttribute('data-copied');
          target.setAttribute('aria-label', LABEL);
          status.textContent = '';
        }, FEEDBACK_MS));
      },
      () => {
        status.textContent = 'Copy failed: select the code and copy it by hand';
      },
    );
  });
}
