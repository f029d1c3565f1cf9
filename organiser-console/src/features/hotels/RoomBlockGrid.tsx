import { useMemo, useState } from 'react';
import { App, Button, Empty, Flex, InputNumber, Modal, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { dayjs } from '../../shared/dates';
import { errorMessage } from '../../shared/forms';
import { useSaveRoomBlock, type RoomNight } from './api';

interface Row {
  key: string;
  hotelId: string;
  hotelName: string;
  roomType: string;
  byNight: Record<string, RoomNight>;
}

interface Editing {
  hotelId: string;
  hotelName: string;
  roomType: string;
  night: string;
  contracted: number;
  booked: number;
}

/** Rows hotel × room type, one column per night: booked of contracted, and what is left. */
export function buildGrid(nights: RoomNight[]): { rows: Row[]; days: string[] } {
  const rows = new Map<string, Row>();
  const days = new Set<string>();
  for (const n of nights) {
    const key = `${n.hotelId}|${n.roomType}`;
    if (!rows.has(key)) rows.set(key, { key, hotelId: n.hotelId, hotelName: n.hotelName, roomType: n.roomType, byNight: {} });
    rows.get(key)!.byNight[n.night] = n;
    days.add(n.night);
  }
  const sorted = [...rows.values()].sort((a, b) => a.hotelName.localeCompare(b.hotelName) || a.roomType.localeCompare(b.roomType));
  return { rows: sorted, days: [...days].sort() };
}

export function RoomBlockGrid({ eventId, nights, canWrite }: { eventId: string; nights: RoomNight[]; canWrite: boolean }) {
  const { rows, days } = useMemo(() => buildGrid(nights), [nights]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [rooms, setRooms] = useState<number | null>(null);
  const save = useSaveRoomBlock(eventId);
  const { message } = App.useApp();

  if (rows.length === 0)
    return <Empty description={canWrite ? "No room block yet: contract rooms with the form above." : "No room block has been contracted yet."} />;

  const columns: ColumnsType<Row> = [
    {
      title: 'Hotel · room type',
      key: 'row',
      fixed: 'left',
      width: 180,
      render: (_, row) => (
        <div>
          <Typography.Text strong>{row.hotelName}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{row.roomType}</Typography.Text>
        </div>
      ),
    },
    ...days.map((day) => ({
      title: (
        <span>
          {dayjs(day).format('ddd')}
          <br />
          {dayjs(day).format('D MMM')}
        </span>
      ),
      key: day,
      align: 'center' as const,
      width: 96,
      render: (_: unknown, row: Row) => {
        const night = row.byNight[day];
        if (!night) return <Typography.Text type="secondary">—</Typography.Text>;
        const full = night.available === 0 && night.contracted > 0;
        const cell = (
          <Flex vertical align="center" gap={2} data-testid={`block-${row.roomType}-${day}`}>
            <span>
              <strong>{night.booked}</strong> / {night.contracted}
            </span>
            <Tag color={full ? 'red' : night.booked > 0 ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
              {night.available} left
            </Tag>
          </Flex>
        );
        const label = `${row.hotelName}, ${row.roomType}, night of ${dayjs(day).format('D MMM YYYY')}: ${night.booked} booked of ${night.contracted}, ${night.available} available`;
        return canWrite ? (
          <Tooltip title="Change the rooms contracted for this night">
            <Button
              type="text"
              style={{ height: 'auto', padding: 4 }}
              aria-label={`${label}. Edit`}
              onClick={() => {
                setRooms(night.contracted);
                setEditing({ hotelId: row.hotelId, hotelName: row.hotelName, roomType: row.roomType, night: day, contracted: night.contracted, booked: night.booked });
              }}
            >
              {cell}
            </Button>
          </Tooltip>
        ) : (
          <span aria-label={label}>{cell}</span>
        );
      },
    })),
  ];

  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">Each cell: booked / contracted rooms, and rooms left.</Typography.Text>
      </Flex>
      <Table<Row>
        size="small"
        bordered
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        aria-label="Room blocks per night"
      />
      <Modal
        open={!!editing}
        title={editing ? `${editing.hotelName} · ${editing.roomType} · ${dayjs(editing.night).format('D MMM YYYY')}` : ''}
        okText="Save"
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        onOk={() =>
          editing &&
          save.mutate(
            { hotelId: editing.hotelId, roomType: editing.roomType, firstNight: editing.night, lastNight: editing.night, rooms: rooms ?? 0 },
            {
              onSuccess: () => {
                message.success('Rooms for the night saved');
                setEditing(null);
              },
              onError: (error) => message.error(errorMessage(error)),
            },
          )
        }
      >
        <Typography.Paragraph>
          {editing?.booked ?? 0} room{editing?.booked === 1 ? ' is' : 's are'} booked; the block cannot shrink below that.
        </Typography.Paragraph>
        <label htmlFor="night-rooms">Rooms contracted</label>
        <InputNumber id="night-rooms" min={0} max={100000} value={rooms} onChange={setRooms} style={{ width: '100%' }} />
      </Modal>
    </>
  );
}
