// A few lines instead of a framework: elements built from plain data, re-rendered whole when it changes.

type Child = Node | string | number | null | undefined | false;
type Props = Record<string, unknown>;

/** An element: `class`, `text`, `dataset`, `on<event>` handlers; any other prop becomes an attribute. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class') {
      element.className = String(value);
    } else if (name === 'text') {
      element.textContent = String(value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'style' && typeof value === 'object') {
      Object.assign(element.style, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value as EventListener);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what `parent` shows. */
export function show(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/**
 * Runs `task` now and again `intervalMs` after each run ends (never two at once), until the
 * returned stop is called; a page stops its polls when it is left.
 */
export function every(intervalMs: number, task: () => Promise<void>): () => void {
  let stopped = false;
  let timer: number | undefined;
  const run = async () => {
    try {
      await task();
    } finally {
      if (!stopped) {
        timer = window.setTimeout(run, intervalMs);
      }
    }
  };
  void run();
  return () => {
    stopped = true;
    window.clearTimeout(timer);
  };
}
