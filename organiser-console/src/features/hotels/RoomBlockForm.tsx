import { App, Button, DatePicker, Flex, Form, InputNumber, Select } from 'antd';
import { dayjs } from '../../shared/dates';
import type { Dayjs } from 'dayjs';
import { applyFieldErrors, errorMessage } from '../../shared/forms';
import { useSaveRoomBlock, type Hotel } from './api';

interface Values {
  hotelId?: string;
  roomType?: string;
  nights?: [Dayjs, Dayjs];
  rooms?: number;
}

/** Contract rooms for a run of nights: `PUT room-blocks` sets the count for each night from first to last. */
export function RoomBlockForm({ eventId, hotels }: { eventId: string; hotels: Hotel[] }) {
  const [form] = Form.useForm<Values>();
  const save = useSaveRoomBlock(eventId);
  const { message } = App.useApp();
  const hotelId = Form.useWatch('hotelId', form);
  const roomTypes = hotels.find((h) => h._id === hotelId)?.roomTypes ?? [];

  const submit = (values: Values) => {
    const [first, last] = values.nights ?? [];
    save.mutate(
      {
        hotelId: values.hotelId!,
        roomType: values.roomType!,
        firstNight: first!.format('YYYY-MM-DD'),
        lastNight: last!.format('YYYY-MM-DD'),
        rooms: values.rooms ?? 0,
      },
      {
        onSuccess: (nights) => message.success(`Room block saved for ${nights.length} night${nights.length === 1 ? '' : 's'}`),
        onError: (error) => {
          const unplaced = applyFieldErrors(form, error);
          message.error(unplaced.length ? unplaced.join('; ') : errorMessage(error));
        },
      },
    );
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} aria-label="Room block" initialValues={{ rooms: 10 }}>
      <Flex wrap gap={12} align="flex-end">
        <Form.Item name="hotelId" label="Hotel" rules={[{ required: true, message: 'Choose a hotel' }]} style={{ minWidth: 200, flex: '1 1 200px' }}>
          <Select
            options={hotels.map((h) => ({ value: h._id, label: h.name }))}
            onChange={() => form.setFieldValue('roomType', undefined)}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item name="roomType" label="Room type" rules={[{ required: true, message: 'Choose a room type' }]} style={{ minWidth: 160, flex: '1 1 160px' }}>
          <Select options={roomTypes.map((r) => ({ value: r.name, label: r.name }))} disabled={!hotelId} />
        </Form.Item>
        <Form.Item
          name="nights"
          label="Nights (first and last)"
          rules={[{ required: true, message: 'Choose the nights' }]}
          style={{ flex: '1 1 240px' }}
        >
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            aria-label="Nights"
            defaultPickerValue={[dayjs().add(1, 'month'), dayjs().add(1, 'month')]}
          />
        </Form.Item>
        <Form.Item name="rooms" label="Rooms per night" rules={[{ required: true, message: 'How many rooms?' }]} style={{ width: 140 }}>
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            Save block
          </Button>
        </Form.Item>
      </Flex>
    </Form>
  );
}
