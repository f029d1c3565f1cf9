import { Spin } from 'antd';

/** What shows while a route's chunk or the session loads: a centred spinner with a name for screen readers. */
export function Loading({ label = 'Loading…', fullscreen = false }: { label?: string; fullscreen?: boolean }) {
  return (
    <div
      role="status"
      aria-label={label}
      style={{ display: 'grid', placeItems: 'center', minHeight: fullscreen ? '100vh' : 160, padding: 24 }}
    >
      <Spin size="large" />
    </div>
  );
}
