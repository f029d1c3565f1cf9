import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

/** Title, one line of help and the page's actions; wraps on a phone. */
export function PageHeader({ title, help, extra }: { title: string; help?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex wrap gap={12} justify="space-between" align="flex-start" style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {title}
        </Typography.Title>
        {help ? <Typography.Text type="secondary">{help}</Typography.Text> : null}
      </div>
      {extra ? <Flex wrap gap={8}>{extra}</Flex> : null}
    </Flex>
  );
}
