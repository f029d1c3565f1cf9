import { Button, Flex, Popconfirm, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, SendOutlined } from '@ant-design/icons';
import type { Page } from '../../api/http';
import { formatDateTime } from '../../shared/dates';
import { FocusableScroll } from '../deliveries/FocusableScroll';
import { PAGE_SIZE, channelLabel, describeSchedule, type Trigger } from './api';

const TYPE_COLOR: Record<string, string> = { event: '#0958d9', scheduled: '#531dab', manual: '#ad4e00' };

export function TriggersTable({
  page,
  loading,
  zone,
  canWrite,
  onPage,
  onOpen,
  onRun,
  onToggle,
  onDelete,
}: {
  page: Page<Trigger>;
  loading: boolean;
  zone: string;
  canWrite: boolean;
  onPage: (page: number) => void;
  onOpen: (id: string) => void;
  onRun: (id: string) => void;
  onToggle: (trigger: Trigger, active: boolean) => void;
  onDelete: (trigger: Trigger) => void;
}) {
  return (
    <FocusableScroll label="Triggers">
    <Table<Trigger>
      rowKey="_id"
      loading={loading}
      dataSource={page.items}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page.pagination.page,
        pageSize: PAGE_SIZE,
        total: page.pagination.total,
        showSizeChanger: false,
        onChange: onPage,
      }}
      columns={[
        {
          title: 'Name',
          dataIndex: 'name',
          render: (name: string, t) => (
            <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(t._id)}>
              {name}
            </Button>
          ),
        },
        {
          title: 'Sends',
          key: 'when',
          render: (_, t) => (
            <Flex vertical gap={2}>
              <span>
                <Tag color={TYPE_COLOR[t.triggerType]}>{t.triggerType}</Tag>
                {t.triggerType === 'event' ? t.eventType : t.triggerType === 'scheduled' ? describeSchedule(t.schedule) : 'by hand'}
              </span>
              {t.conditions.length ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  if {t.conditions.map((c) => `${c.field} ${c.operator}${c.value !== undefined && c.value !== null ? ` ${String(c.value)}` : ''}`).join(' and ')}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
        },
        { title: 'Channels', key: 'channels', render: (_, t) => t.templates.map((r) => <Tag key={r.channel}>{channelLabel(r.channel)}</Tag>) },
        {
          title: `Next run (${zone})`,
          dataIndex: 'nextRunAt',
          render: (iso?: string) => (iso ? formatDateTime(iso, zone).replace(` (${zone})`, '') : '—'),
        },
        {
          title: 'Active',
          dataIndex: 'isActive',
          render: (active: boolean, t) => (
            <Switch checked={active} disabled={!canWrite} aria-label={`${t.name} active`} onChange={(on) => onToggle(t, on)} />
          ),
        },
        ...(canWrite
          ? [
              {
                title: 'Actions',
                key: 'actions',
                render: (_: unknown, t: Trigger) => (
                  <Flex gap={4}>
                    {t.triggerType === 'manual' ? (
                      <Button size="small" icon={<SendOutlined />} disabled={!t.isActive} onClick={() => onRun(t._id)}>
                        Run…
                      </Button>
                    ) : null}
                    <Popconfirm title={`Delete “${t.name}”?`} okText="Delete" okButtonProps={{ danger: true }} onConfirm={() => onDelete(t)}>
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={`Delete ${t.name}`} />
                    </Popconfirm>
                  </Flex>
                ),
              },
            ]
          : []),
      ]}
    />
    </FocusableScroll>
  );
}
