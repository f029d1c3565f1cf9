import { useEffect, useState } from 'react';
import { App, Button, Descriptions, Empty, Flex, Input, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { formatDate } from '../../shared/dates';
import { errorMessage } from '../../shared/forms';
import { useDownloadConfirmation, useSaveBooking, type Booking } from '../bookings/api';
import { StatusBadge } from '../bookings/StatusBadge';

/** The registrant's own booking; only the special requests are theirs to change (the API refuses anything else). */
export function MyHotel({ eventId, booking }: { eventId: string; booking: Booking | null }) {
  const { message } = App.useApp();
  const save = useSaveBooking(eventId);
  const download = useDownloadConfirmation(eventId);
  const [requests, setRequests] = useState(booking?.specialRequests ?? '');
  useEffect(() => setRequests(booking?.specialRequests ?? ''), [booking?.specialRequests]);

  if (!booking) return <Empty description="No hotel booking yet. The organisers book rooms for you; it appears here once they have." />;
  const closed = booking.bookingStatus === 'cancelled' || booking.bookingStatus === 'checked-out';
  return (
    <Flex vertical gap={12}>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
        <Descriptions.Item label="Hotel">
          {booking.hotel?.name ?? '—'}
          {booking.hotel?.address ? <><br /><Typography.Text type="secondary">{booking.hotel.address}</Typography.Text></> : null}
        </Descriptions.Item>
        <Descriptions.Item label="Status">
          <StatusBadge status={booking.bookingStatus} />
        </Descriptions.Item>
        <Descriptions.Item label="Room">{[booking.roomType, booking.roomNumber && `room ${booking.roomNumber}`].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
        <Descriptions.Item label="Stay">
          {formatDate(booking.checkIn?.date)} → {formatDate(booking.checkOut?.date)} ({booking.nights ?? 0} night{booking.nights === 1 ? '' : 's'})
        </Descriptions.Item>
        {booking.hotel?.contactInfo ? <Descriptions.Item label="Hotel contact">{booking.hotel.contactInfo}</Descriptions.Item> : null}
        {booking.bookingReference ? <Descriptions.Item label="Reference">{booking.bookingReference}</Descriptions.Item> : null}
      </Descriptions>
      {booking.confirmationDocument ? (
        <Button
          icon={<DownloadOutlined />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => download(booking).catch((error) => message.error(errorMessage(error)))}
        >
          Download the hotel's confirmation
        </Button>
      ) : null}
      <div>
        <label htmlFor="my-special-requests">
          <Typography.Text strong>Special requests</Typography.Text>
        </label>
        <Input.TextArea
          id="my-special-requests"
          rows={3}
          maxLength={2000}
          showCount
          value={requests}
          disabled={closed}
          onChange={(e) => setRequests(e.target.value)}
          placeholder="Accessibility needs, dietary requests, late arrival…"
        />
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          disabled={closed || requests === (booking.specialRequests ?? '')}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { id: booking._id, body: { specialRequests: requests } },
              { onSuccess: () => message.success('Special requests saved'), onError: (error) => message.error(errorMessage(error)) },
            )
          }
        >
          Save requests
        </Button>
      </div>
    </Flex>
  );
}
