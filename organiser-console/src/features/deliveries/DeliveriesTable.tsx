import { Button, Table, Tag, Typography } from 'antd';
import type { Page } from '../../api/http';
import { formatDateTime } from '../../shared/dates';
import { PAGE_SIZE, STATUS_COLOR, type Notification } from './api';
import { FocusableScroll } from './FocusableScroll';

const CHANNEL_LABEL: Record<string, string> = { email: 'E-mail', sms: 'SMS', whatsapp: 'WhatsApp' };

export function recipientOf(n: Pick<Notification, 'recipient' | 'channel'>): string {
  const address = n.channel === 'email' ? n.recipient?.email : n.recipient?.phone;
  return [n.recipient?.name, address ? `<${address}>` : null].filter(Boolean).join(' ') || '—';
}

/** The log, one server page at a time (the API pages; 10,000 messages never reach the browser at once). */
export function DeliveriesTable({
  page,
  loading,
  zone,
  triggerNames,
  onPage,
  onOpen,
}: {
  page: Page<Notification>;
  loading: boolean;
  zone: string;
  triggerNames: Record<string, string>;
  onPage: (page: number) => void;
  onOpen: (id: string) => void;
}) {
  return (
    <FocusableScroll label="Messages">
    <Table<Notification>
      rowKey="_id"
      size="middle"
      loading={loading}
      dataSource={page.items}
      scroll={{ x: 'max-content' }}
      onRow={(row) => ({ onClick: () => onOpen(row._id), style: { cursor: 'pointer' } })}
      pagination={{
        current: page.pagination.page,
        pageSize: PAGE_SIZE,
        total: page.pagination.total,
        showSizeChanger: false,
        showTotal: (total) => `${total} message${total === 1 ? '' : 's'}`,
        onChange: onPage,
      }}
      columns={[
        {
          title: 'Recipient',
          key: 'recipient',
          render: (_, n) => (
            <Button
              type="link"
              style={{ padding: 0, height: 'auto' }}
              onClick={(event) => {
                event.stopPropagation();
                onOpen(n._id);
              }}
            >
              {recipientOf(n)}
            </Button>
          ),
        },
        { title: 'Channel', dataIndex: 'channel', render: (c: string) => CHANNEL_LABEL[c] ?? c },
        {
          title: 'Subject',
          key: 'subject',
          render: (_, n) => (
            <Typography.Text ellipsis style={{ maxWidth: 280 }}>
              {n.content?.subject || n.content?.body?.slice(0, 60) || '—'}
            </Typography.Text>
          ),
        },
        {
          title: 'Status',
          dataIndex: 'status',
          render: (status: string, n) => (
            <>
              <Tag color={STATUS_COLOR[status]}>{status}</Tag>
              {n.deliveryStatus ? <Tag>{n.deliveryStatus}</Tag> : null}
              {n.testMode ? <Tag color="#531dab">test mode</Tag> : null}
            </>
          ),
        },
        { title: 'Registration', dataIndex: 'registrationId', render: (v?: string) => v || '—' },
        { title: 'Trigger', dataIndex: 'trigger', render: (t?: string) => (t ? triggerNames[t] ?? t : '—') },
        { title: `Created (${zone})`, dataIndex: 'createdAt', render: (iso: string) => formatDateTime(iso, zone).replace(` (${zone})`, '') },
        { title: 'Error', dataIndex: 'errorCode', render: (code?: string) => code || '' },
      ]}
    />
    </FocusableScroll>
  );
}
