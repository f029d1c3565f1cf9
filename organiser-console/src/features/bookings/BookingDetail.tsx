import { App, Button, Descriptions, Flex, Popconfirm, Tag, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { formatDate, formatDateTime } from '../../shared/dates';
import { errorMessage } from '../../shared/forms';
import { FileDropzone } from '../../shared/FileDropzone';
import { guestName, useDeleteBooking, useDownloadConfirmation, useUploadConfirmation, type Booking } from './api';
import { StatusBadge } from './StatusBadge';
import { StatusActions } from './StatusActions';

/** One booking: its details, the status moves it allows, and its confirmation document. */
export function BookingDetail({
  eventId,
  booking,
  zone,
  canWrite,
  onEdit,
  onDeleted,
}: {
  eventId: string;
  booking: Booking;
  zone: string;
  canWrite: boolean;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { message } = App.useApp();
  const upload = useUploadConfirmation(eventId);
  const download = useDownloadConfirmation(eventId);
  const remove = useDeleteBooking(eventId);
  const doc = booking.confirmationDocument;
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <span style={{ fontSize: 16 }}>
          <StatusBadge status={booking.bookingStatus} testId="booking-status" />
        </span>
        {canWrite ? <StatusActions eventId={eventId} booking={booking} /> : null}
      </Flex>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="Guest">
          {guestName(booking)}
          <br />
          <Typography.Text type="secondary">{[booking.registrationId, booking.guest?.email, booking.guest?.phone].filter(Boolean).join(' · ')}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="Hotel">{booking.hotel?.name ?? '—'}{booking.hotel?.address ? <><br /><Typography.Text type="secondary">{booking.hotel.address}</Typography.Text></> : null}</Descriptions.Item>
        <Descriptions.Item label="Room">{[booking.roomType, booking.roomNumber && `room ${booking.roomNumber}`].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
        <Descriptions.Item label="Check-in">
          {formatDate(booking.checkIn?.date)} {booking.checkIn?.time ?? ''}
          {booking.checkIn?.checkedInAt ? <><br /><Typography.Text type="secondary">Checked in {formatDateTime(booking.checkIn.checkedInAt, zone)}</Typography.Text></> : null}
        </Descriptions.Item>
        <Descriptions.Item label="Check-out">
          {formatDate(booking.checkOut?.date)} {booking.checkOut?.time ?? ''}
          {booking.checkOut?.checkedOutAt ? <><br /><Typography.Text type="secondary">Checked out {formatDateTime(booking.checkOut.checkedOutAt, zone)}</Typography.Text></> : null}
        </Descriptions.Item>
        <Descriptions.Item label="Nights">{booking.nights ?? 0}{booking.roomBlock?.nights?.length ? ` (holding ${booking.roomBlock.nights.length} block night${booking.roomBlock.nights.length === 1 ? '' : 's'})` : ''}</Descriptions.Item>
        <Descriptions.Item label="Hotel's reference">{booking.bookingReference || '—'}</Descriptions.Item>
        <Descriptions.Item label="Special requests">{booking.specialRequests || '—'}</Descriptions.Item>
        <Descriptions.Item label="Staff notes">{booking.notes || '—'}</Descriptions.Item>
        {booking.flags?.length ? <Descriptions.Item label="Flags">{booking.flags.map((f) => <Tag key={f} color="red">{f}</Tag>)}</Descriptions.Item> : null}
        <Descriptions.Item label="Created">{formatDateTime(booking.createdAt, zone)}</Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Title level={3} style={{ fontSize: 16 }}>Confirmation</Typography.Title>
        {doc ? (
          <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
            <Typography.Text>{doc.fileName} {doc.fileSize ? `(${Math.ceil(doc.fileSize / 1024)} KB)` : ''}</Typography.Text>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download(booking).catch((error) => message.error(errorMessage(error)))}
            >
              Download confirmation
            </Button>
          </Flex>
        ) : (
          <Typography.Paragraph type="secondary">No confirmation uploaded yet.</Typography.Paragraph>
        )}
        {canWrite ? (
          <FileDropzone
            label={doc ? 'Replace the confirmation' : 'Upload the hotel confirmation'}
            upload={(file, onProgress) =>
              upload.mutateAsync({ id: booking._id, file, onProgress }).then(
                () => message.success('Confirmation uploaded'),
                (error) => {
                  message.error(errorMessage(error));
                  throw error;
                },
              )
            }
          />
        ) : null}
      </div>
      {canWrite ? (
        <Flex gap={8} justify="space-between" wrap>
          <Button icon={<EditOutlined />} onClick={onEdit}>Edit booking</Button>
          <Popconfirm
            title="Delete this booking?"
            description="It is removed with its confirmation; no event is published. Prefer cancelling."
            okText="Delete"
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              remove.mutateAsync(booking._id).then(
                () => {
                  message.success('Booking deleted');
                  onDeleted();
                },
                (error) => message.error(errorMessage(error)),
              )
            }
          >
            <Button danger icon={<DeleteOutlined />}>Delete</Button>
          </Popconfirm>
        </Flex>
      ) : null}
    </Flex>
  );
}
