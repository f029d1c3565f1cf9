import { useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Flex, Form, Input, Row, Select, TimePicker } from 'antd';
import { dayjs } from '../../shared/dates';
import type { Dayjs } from 'dayjs';
import { applyFieldErrors, errorMessage } from '../../shared/forms';
import { ApiError } from '../../api/http';
import type { Hotel } from '../hotels/api';
import { RegistrantSelect } from '../../shared/RegistrantSelect';
import type { Registrant } from '../../shared/registrants';
import { guestName, useSaveBooking, type Booking, type BookingInput } from './api';
import { stayIsLocked } from './lifecycle';

/** The form keeps days as `YYYY-MM-DD` and times as `HH:mm`, the API's own shapes, so its field errors line up. */
const dayProps = {
  getValueProps: (value?: string) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value?: Dayjs | null) => value?.format('YYYY-MM-DD'),
};
const timeProps = {
  getValueProps: (value?: string) => ({ value: value ? dayjs(value, 'HH:mm') : undefined }),
  normalize: (value?: Dayjs | null) => value?.format('HH:mm'),
};

function initialValues(booking?: Booking): BookingInput {
  if (!booking) return {};
  const day = (iso?: string) => (iso ? dayjs.utc(iso).format('YYYY-MM-DD') : undefined);
  return {
    hotelId: booking.hotel?._id ?? undefined,
    roomType: booking.roomType,
    roomNumber: booking.roomNumber,
    checkIn: { date: day(booking.checkIn?.date), time: booking.checkIn?.time },
    checkOut: { date: day(booking.checkOut?.date), time: booking.checkOut?.time },
    bookingReference: booking.bookingReference,
    specialRequests: booking.specialRequests,
    notes: booking.notes,
  };
}

function bookingRegistrant(booking: Booking): Registrant {
  return { _id: booking.registration, registrationId: booking.registrationId, name: guestName(booking), email: booking.guest?.email };
}

export function BookingForm({
  eventId,
  booking,
  hotels,
  onDone,
  onCancel,
}: {
  eventId: string;
  booking?: Booking;
  hotels: Hotel[];
  onDone: (saved: Booking) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<BookingInput>();
  const save = useSaveBooking(eventId);
  const { message } = App.useApp();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const hotelId = Form.useWatch('hotelId', form);
  const roomTypes = hotels.find((h) => h._id === hotelId)?.roomTypes ?? [];
  const locked = stayIsLocked(booking?.bookingStatus);

  const submit = (values: BookingInput) => {
    setUnplaced([]);
    save.mutate(
      { id: booking?._id, body: values },
      {
        onSuccess: (saved) => {
          message.success(booking ? 'Booking saved' : 'Booking created (pending)');
          onDone(saved);
        },
        onError: (error) => {
          // Field errors go on their fields; whatever no field took (or a message without fields) stays in view.
          const rest = applyFieldErrors(form, error);
          setUnplaced(error instanceof ApiError && error.fieldErrors.length ? rest : [errorMessage(error)]);
          message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues(booking)} aria-label="Booking">
      {booking ? (
        <Form.Item label="Registrant" htmlFor="booking-registrant" extra="The registrant of a booking cannot change.">
          <RegistrantSelect id="booking-registrant" eventId={eventId} value={booking.registration} current={bookingRegistrant(booking)} disabled />
        </Form.Item>
      ) : (
        <Form.Item
          name="registration"
          label="Registrant"
          extra="Search by name, e-mail or registration id (REG-0001)."
          rules={[{ required: true, message: 'Who is this booking for?' }]}
        >
          <RegistrantSelect eventId={eventId} />
        </Form.Item>
      )}
      {locked ? <Alert type="info" showIcon title="Dates, hotel and room of a cancelled, checked-in or checked-out booking cannot change." style={{ marginBottom: 12 }} /> : null}
      <Row gutter={12}>
        <Col xs={24} sm={14}>
          <Form.Item name="hotelId" label="Hotel" rules={[{ required: true, message: 'Choose a hotel' }]}>
            <Select
              disabled={locked}
              options={hotels.map((h) => ({ value: h._id, label: h.name }))}
              onChange={() => form.setFieldValue('roomType', undefined)}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="roomType" label="Room type" rules={[{ required: true, message: 'Choose a room type' }]}>
            <Select disabled={locked || !hotelId} options={roomTypes.map((r) => ({ value: r.name, label: r.name }))} />
          </Form.Item>
        </Col>
        <Col xs={14} sm={8}>
          <Form.Item name={['checkIn', 'date']} label="Check-in" rules={[{ required: true, message: 'Check-in day' }]} {...dayProps}>
            <DatePicker disabled={locked} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={10} sm={4}>
          <Form.Item name={['checkIn', 'time']} label="Arrives" {...timeProps}>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={14} sm={8}>
          <Form.Item name={['checkOut', 'date']} label="Check-out" rules={[{ required: true, message: 'Check-out day' }]} {...dayProps}>
            <DatePicker disabled={locked} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={10} sm={4}>
          <Form.Item name={['checkOut', 'time']} label="Leaves" {...timeProps}>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="roomNumber" label="Room number">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="bookingReference" label="Hotel's reference">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="specialRequests" label="Special requests">
        <Input.TextArea rows={2} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="notes" label="Staff notes" extra="Not shown to the registrant.">
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      {unplaced.length ? <Alert type="error" showIcon role="alert" title={unplaced.join('; ')} style={{ marginBottom: 12 }} /> : null}
      <Flex gap={8} justify="flex-end">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {booking ? 'Save booking' : 'Create booking'}
        </Button>
      </Flex>
    </Form>
  );
}
