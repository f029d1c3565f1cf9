import { Button, Table, Tag, Typography } from 'antd';
import { FileDoneOutlined, WarningOutlined } from '@ant-design/icons';
import type { Page } from '../../api/http';
import { formatDate } from '../../shared/dates';
import { guestName, PAGE_SIZE, type Booking } from './api';
import { StatusBadge } from './StatusBadge';

/** One server page of bookings; the guest's name opens the booking. */
export function BookingsTable({
  page,
  loading,
  onPage,
  onOpen,
}: {
  page: Page<Booking>;
  loading: boolean;
  onPage: (page: number) => void;
  onOpen: (id: string) => void;
}) {
  return (
    <Table<Booking>
      rowKey="_id"
      size="middle"
      loading={loading}
      dataSource={page.items}
      scroll={{ x: 'max-content' }}
      aria-label="Hotel bookings"
      pagination={{
        current: page.pagination.page,
        pageSize: PAGE_SIZE,
        total: page.pagination.total,
        showSizeChanger: false,
        showTotal: (total) => `${total} booking${total === 1 ? '' : 's'}`,
        onChange: onPage,
      }}
      columns={[
        {
          title: 'Guest',
          key: 'guest',
          render: (_, b) => (
            <div>
              <Button type="link" style={{ padding: 0, height: 'auto', color: '#1d4ed8' }} onClick={() => onOpen(b._id)}>
                {guestName(b)}
              </Button>
              <br />
              <Typography.Text type="secondary">{[b.registrationId, b.guest?.email].filter(Boolean).join(' · ')}</Typography.Text>
            </div>
          ),
        },
        {
          title: 'Hotel · room',
          key: 'hotel',
          render: (_, b) => (
            <div>
              {b.hotel?.name ?? '—'}
              <br />
              <Typography.Text type="secondary">{[b.roomType, b.roomNumber && `room ${b.roomNumber}`].filter(Boolean).join(' · ') || '—'}</Typography.Text>
            </div>
          ),
        },
        {
          title: 'Stay',
          key: 'stay',
          render: (_, b) => (
            <div>
              {formatDate(b.checkIn?.date)} → {formatDate(b.checkOut?.date)}
              <br />
              <Typography.Text type="secondary">{b.nights ?? 0} night{b.nights === 1 ? '' : 's'}</Typography.Text>
            </div>
          ),
        },
        {
          title: 'Status',
          key: 'status',
          render: (_, b) => (
            <span>
              <StatusBadge status={b.bookingStatus} />
              {b.flags?.length ? (
                <Tag color="red" icon={<WarningOutlined aria-hidden />} style={{ marginInlineStart: 8 }}>
                  {b.flags.join(', ')}
                </Tag>
              ) : null}
            </span>
          ),
        },
        {
          title: 'Confirmation',
          key: 'confirmation',
          render: (_, b) =>
            b.confirmationDocument ? (
              <Typography.Text>
                <FileDoneOutlined aria-hidden /> {b.confirmationDocument.fileName}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">None</Typography.Text>
            ),
        },
      ]}
    />
  );
}
