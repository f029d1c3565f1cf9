import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { formatMoney } from '../../shared/dates';
import { errorMessage } from '../../shared/forms';
import { useDeleteHotel, type Hotel } from './api';

export function HotelsTable({
  eventId,
  hotels,
  canWrite,
  onEdit,
}: {
  eventId: string;
  hotels: Hotel[];
  canWrite: boolean;
  onEdit: (id: string) => void;
}) {
  const remove = useDeleteHotel(eventId);
  const { message } = App.useApp();
  return (
    <Table<Hotel>
      rowKey="_id"
      size="middle"
      dataSource={hotels}
      pagination={false}
      scroll={{ x: 'max-content' }}
      aria-label="Hotels"
      columns={[
        {
          title: 'Hotel',
          key: 'name',
          render: (_, h) => (
            <div>
              <Typography.Text strong>{h.name}</Typography.Text> {h.isOfficial ? <Tag color="blue">Official</Tag> : null}
              <br />
              <Typography.Text type="secondary">
                {[h.address?.city, h.distanceToVenue].filter(Boolean).join(' · ') || '—'}
              </Typography.Text>
            </div>
          ),
        },
        {
          title: 'Room types',
          key: 'roomTypes',
          render: (_, h) =>
            h.roomTypes?.length ? (
              <Space orientation="vertical" size={0}>
                {h.roomTypes.map((r) => (
                  <span key={r._id ?? r.name}>
                    {r.name}
                    <Typography.Text type="secondary">
                      {' '}
                      · {r.capacity ?? '?'} guest{r.capacity === 1 ? '' : 's'} · {formatMoney(r.priceCents, r.currency)} / night
                    </Typography.Text>
                  </span>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">None yet</Typography.Text>
            ),
        },
        {
          title: 'Contact',
          key: 'contact',
          render: (_, h) => [h.contactInfo?.phone, h.contactInfo?.email].filter(Boolean).join(' · ') || '—',
        },
        ...(canWrite
          ? [
              {
                title: 'Actions',
                key: 'actions',
                render: (_: unknown, h: Hotel) => (
                  <Space>
                    <Button icon={<EditOutlined />} aria-label={`Edit ${h.name}`} onClick={() => onEdit(h._id)} />
                    <Popconfirm
                      title={`Delete ${h.name}?`}
                      description="Its empty room-block nights go with it. Hotels with bookings cannot be deleted."
                      okText="Delete"
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        remove.mutateAsync(h._id).then(
                          () => message.success(`${h.name} deleted`),
                          (error) => message.error(errorMessage(error)),
                        )
                      }
                    >
                      <Button danger icon={<DeleteOutlined />} aria-label={`Delete ${h.name}`} />
                    </Popconfirm>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
