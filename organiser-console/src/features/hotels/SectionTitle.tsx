import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** A card's title as a level-3 heading (the page title is level 2), so headings stay in order. */
export function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
      {children}
    </Typography.Title>
  );
}
