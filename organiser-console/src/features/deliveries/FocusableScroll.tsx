import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A wide antd table scrolls sideways inside `.ant-table-content`, which keyboard users cannot reach (axe
 * "scrollable-region-focusable"): this makes each such region a named, focusable region once rendered.
 */
export function FocusableScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const mark = () =>
      ref.current?.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body').forEach((region) => {
        if (region.getAttribute('aria-label') === label) return;
        region.setAttribute('tabindex', '0');
        region.setAttribute('role', 'region');
        region.setAttribute('aria-label', label);
      });
    mark();
    const observer = new MutationObserver(mark);
    if (ref.current) observer.observe(ref.current, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [label]);
  return <div ref={ref}>{children}</div>;
}
