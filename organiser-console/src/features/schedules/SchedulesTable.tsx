import { App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, HistoryOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { Page } from '../../api/http';
import { formatDateTime } from '../../shared/dates';
import { errorMessage } from '../../shared/forms';
import { StatusTag } from '../exports/JobStatus';
import { describeSource, describeTiming, PAGE_SIZE, useDeleteSchedule, useRunNow, type Schedule } from './api';

/** The schedules: which report each sends, when they run next, how the last run went; run now, history, edit, delete. */
export function SchedulesTable({
  page,
  loading,
  canWrite,
  templateName,
  onPage,
  onOpen,
  onRuns,
}: {
  page: Page<Schedule>;
  loading: boolean;
  canWrite: boolean;
  templateName: (id: string) => string;
  onPage: (page: number) => void;
  onOpen: (id: string) => void;
  onRuns: (id: string) => void;
}) {
  const { message } = App.useApp();
  const runNow = useRunNow();
  const remove = useDeleteSchedule();
  return (
    <Table<Schedule>
      rowKey="_id"
      size="middle"
      loading={loading}
      dataSource={page.items}
      // Widths that wrap the long cells (times with their zone) so the table fits the page at 1280 px; it scrolls
      // inside itself on a phone.
      scroll={{ x: 1000 }}
      pagination={{ current: page.pagination.page, pageSize: PAGE_SIZE, total: page.pagination.total, showSizeChanger: false, onChange: onPage }}
      columns={[
        {
          title: 'Name',
          dataIndex: 'name',
          width: 220,
          render: (name: string, s) => (
            <div>
              <div>
                {name} {s.isActive ? null : <Tag>paused</Tag>}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {describeSource(s, templateName)}
              </Typography.Text>
            </div>
          ),
        },
        { title: 'When', key: 'when', width: 150, render: (_, s) => describeTiming(s.schedule) },
        { title: 'Next run', dataIndex: 'nextRun', width: 140, render: (v: string, s) => (s.isActive ? formatDateTime(v, s.schedule.timezone) : '—') },
        {
          title: 'Delivery',
          key: 'delivery',
          width: 130,
          render: (_, s) =>
            s.delivery.type === 'email' ? `E-mail to ${s.delivery.recipients?.join(', ')}` : s.delivery.type === 'download' ? 'Kept for download' : `Cloud (${s.delivery.cloudStorage?.provider ?? '?'})`,
        },
        {
          title: 'Last run',
          key: 'last',
          width: 150,
          render: (_, s) =>
            s.lastStatus ? (
              <Tooltip title={s.lastError ?? undefined}>
                <span>
                  <StatusTag status={s.lastStatus} /> · {formatDateTime(s.lastRun, s.schedule.timezone)}
                </span>
              </Tooltip>
            ) : (
              'never'
            ),
        },
        {
          title: 'Actions',
          key: 'actions',
          width: 210,
          render: (_, s) => (
            <Space wrap>
              {canWrite ? (
                <Button
                  icon={<ThunderboltOutlined />}
                  aria-label={`Run ${s.name} now`}
                  loading={runNow.isPending && runNow.variables === s._id}
                  onClick={() =>
                    runNow.mutateAsync(s._id).then(
                      () => {
                        message.success(`“${s.name}” is running`);
                        onRuns(s._id);
                      },
                      (error) => message.error(errorMessage(error)),
                    )
                  }
                >
                  Run now
                </Button>
              ) : null}
              <Button icon={<HistoryOutlined />} aria-label={`Run history of ${s.name}`} onClick={() => onRuns(s._id)}>
                History
              </Button>
              <Button icon={<EditOutlined />} aria-label={`${canWrite ? 'Edit' : 'View'} ${s.name}`} onClick={() => onOpen(s._id)} />
              {canWrite ? (
                <Popconfirm
                  title={`Delete “${s.name}”?`}
                  okText="Delete"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutateAsync(s._id).then(() => message.success('Schedule deleted'), (error) => message.error(errorMessage(error)))}
                >
                  <Button danger icon={<DeleteOutlined />} aria-label={`Delete ${s.name}`} />
                </Popconfirm>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
