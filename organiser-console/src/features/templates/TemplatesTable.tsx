import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { Page } from '../../api/http';
import { formatDateTime } from '../../shared/dates';
import { CHANNELS, PAGE_SIZE, channelLabel, type Template } from './api';
import { TemplateActions } from './TemplateActions';

/** One server page of templates; the name opens the editor. */
export function TemplatesTable({
  eventId,
  page,
  loading,
  zone,
  canWrite,
  onPage,
  onOpen,
}: {
  eventId: string;
  page: Page<Template>;
  loading: boolean;
  zone: string;
  canWrite: boolean;
  onPage: (page: number) => void;
  onOpen: (id: string) => void;
}) {
  return (
    <Table<Template>
      rowKey="_id"
      size="middle"
      loading={loading}
      dataSource={page.items}
      scroll={{ x: 'max-content' }}
      aria-label="Notification templates"
      pagination={{
        current: page.pagination.page,
        pageSize: PAGE_SIZE,
        total: page.pagination.total,
        showSizeChanger: false,
        showTotal: (total) => `${total} template${total === 1 ? '' : 's'}`,
        onChange: onPage,
      }}
      columns={[
        {
          title: 'Template',
          key: 'name',
          render: (_, t) => (
            <div style={{ maxWidth: 420 }}>
              <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onOpen(t._id)}>
                {t.name}
              </Button>
              <br />
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420 }}>
                {t.type === 'email' ? t.subject : t.contentText}
              </Typography.Text>
            </div>
          ),
        },
        {
          title: 'Channel',
          key: 'type',
          render: (_, t) => <Tag color={CHANNELS.find((c) => c.value === t.type)?.color}>{channelLabel(t.type)}</Tag>,
        },
        {
          title: 'Kind',
          key: 'transactional',
          render: (_, t) => (t.transactional ? 'Transactional' : 'Marketing'),
        },
        {
          title: 'Status',
          key: 'isActive',
          render: (_, t) => (canWrite ? null : <Tag color={t.isActive ? 'green' : 'default'}>{t.isActive ? 'Active' : 'Inactive'}</Tag>),
          hidden: canWrite,
        },
        {
          title: 'Updated',
          key: 'updatedAt',
          render: (_, t) => formatDateTime(t.updatedAt, zone),
        },
        {
          title: canWrite ? 'Active · actions' : 'Actions',
          key: 'actions',
          render: (_, t) => (
            <Flex gap={8} align="center">
              {canWrite ? <TemplateActions eventId={eventId} template={t} compact /> : null}
              <Button size="small" onClick={() => onOpen(t._id)}>
                {canWrite ? 'Edit' : 'View'}
              </Button>
            </Flex>
          ),
        },
      ]}
    />
  );
}
