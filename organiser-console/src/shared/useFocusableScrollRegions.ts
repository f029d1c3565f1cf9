import { useEffect } from 'react';

const REGIONS = '.ant-table-content, .ant-table-body';

/** A name for a table's scroll region: the table's own label, else the heading of its section. */
function labelOf(region: HTMLElement): string {
  const labelled = region.closest<HTMLElement>('[aria-label]');
  if (labelled?.getAttribute('aria-label')) return labelled.getAttribute('aria-label')!;
  const table = region.closest('.ant-table-wrapper');
  let node: Element | null = table;
  while (node && node !== document.body) {
    let sibling = node.previousElementSibling;
    while (sibling) {
      const heading = sibling.matches('h1,h2,h3,h4,h5') ? sibling : sibling.querySelector('h1,h2,h3,h4,h5');
      if (heading?.textContent) return `${heading.textContent.trim()} table`;
      sibling = sibling.previousElementSibling;
    }
    node = node.parentElement;
  }
  return 'Table';
}

/** Marks every antd table scroll region under `root` (once): focusable and named. */
export function markScrollRegions(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>(REGIONS).forEach((region) => {
    if (region.hasAttribute('tabindex')) return;
    region.setAttribute('tabindex', '0');
    region.setAttribute('role', 'region');
    if (!region.hasAttribute('aria-label')) region.setAttribute('aria-label', labelOf(region));
  });
}

/**
 * A wide antd table (every table on a 390 px phone) scrolls sideways inside `.ant-table-content`, which keyboard users
 * cannot reach (axe "scrollable-region-focusable"). Used once by the console's providers, it makes every such region,
 * on any page and in any drawer (portals live under `document.body`), a named, focusable region as it appears.
 */
export function useFocusableScrollRegions(): void {
  useEffect(() => {
    let scheduled = false;
    const mark = () => {
      scheduled = false;
      markScrollRegions(document.body);
    };
    mark();
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(mark);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}
