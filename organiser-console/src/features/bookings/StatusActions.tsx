import { App, Button, Popconfirm, Space } from 'antd';
import { errorMessage } from '../../shared/forms';
import { useChangeStatus, type Booking } from './api';
import { ACTION_LABEL, nextStatuses, STATUS_LABEL } from './lifecycle';

/** The moves the lifecycle allows from the booking's status, and nothing else; cancelling asks first. */
export function StatusActions({ eventId, booking }: { eventId: string; booking: Booking }) {
  const change = useChangeStatus(eventId);
  const { message } = App.useApp();
  const next = nextStatuses(booking.bookingStatus);
  const run = (status: (typeof next)[number]) =>
    change.mutateAsync({ id: booking._id, status }).then(
      () => message.success(`Booking ${STATUS_LABEL[status].toLowerCase()}`),
      (error) => message.error(errorMessage(error)),
    );
  if (next.length === 0) return null;
  return (
    <Space wrap>
      {next.map((status) =>
        status === 'cancelled' ? (
          <Popconfirm
            key={status}
            title="Cancel this booking?"
            description="Its room-block nights are given back. A cancelled booking cannot be reopened."
            okText="Cancel booking"
            cancelText="Keep it"
            okButtonProps={{ danger: true }}
            onConfirm={() => run(status)}
          >
            <Button danger loading={change.isPending && change.variables?.status === status}>
              {ACTION_LABEL[status]}
            </Button>
          </Popconfirm>
        ) : (
          <Button
            key={status}
            type="primary"
            loading={change.isPending && change.variables?.status === status}
            onClick={() => run(status)}
          >
            {ACTION_LABEL[status]}
          </Button>
        ),
      )}
    </Space>
  );
}
