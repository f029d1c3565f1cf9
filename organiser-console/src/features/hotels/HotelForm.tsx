import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { applyFieldErrors, errorMessage } from '../../shared/forms';
import { ApiError } from '../../api/http';
import { useSaveHotel, type Hotel, type HotelInput } from './api';

const CURRENCIES = ['INR', 'USD', 'EUR', 'GBP', 'AED', 'SGD', 'JPY'];

const EMPTY: HotelInput = {
  name: '',
  isOfficial: true,
  roomTypes: [{ name: '', capacity: 2, priceCents: null, currency: 'INR' }],
};

/**
 * Create or edit a hotel and its room types. The price is entered in the currency's units and kept in the form as
 * the API's `priceCents`, so a field error on `roomTypes[0].priceCents` lands on that price.
 */
export function HotelForm({
  eventId,
  hotel,
  onDone,
  onCancel,
}: {
  eventId: string;
  hotel?: Hotel;
  onDone: (saved: Hotel) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<HotelInput>();
  const save = useSaveHotel(eventId);
  const { message } = App.useApp();
  const [unplaced, setUnplaced] = useState<string[]>([]);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(hotel ? { ...hotel, roomTypes: hotel.roomTypes ?? [] } : EMPTY);
  }, [hotel, form]);

  const submit = (values: HotelInput) => {
    setUnplaced([]);
    save.mutate(
      { id: hotel?._id, body: { ...values, roomTypes: values.roomTypes ?? [] } },
      {
        onSuccess: (saved) => {
          message.success(hotel ? `${saved.name} saved` : `${saved.name} added`);
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
    <Form form={form} layout="vertical" onFinish={submit} initialValues={EMPTY} aria-label="Hotel">
      <Form.Item name="name" label="Hotel name" rules={[{ required: true, message: 'Name the hotel' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name={['address', 'city']} label="City">
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="distanceToVenue" label="Distance to venue">
            <Input placeholder="1.2 km" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={['address', 'street']} label="Street">
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={['address', 'country']} label="Country">
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={['contactInfo', 'phone']} label="Phone">
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={['contactInfo', 'email']} label="E-mail">
            <Input type="email" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="isOfficial" valuePropName="checked">
        <Checkbox>Official conference hotel</Checkbox>
      </Form.Item>
      <Form.List name="roomTypes">
        {(fields, { add, remove }) => (
          <Card size="small" title="Room types" extra={
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', capacity: 2, currency: 'INR' })}>
              Add room type
            </Button>
          }>
            {fields.length === 0 ? <Alert type="info" title="Bookings and room blocks need at least one room type." /> : null}
            {fields.map((field, index) => (
              <Row gutter={8} key={field.key} align="bottom">
                <Col xs={24} sm={8}>
                  <Form.Item name={[field.name, 'name']} label={`Room type ${index + 1}`} rules={[{ required: true, message: 'Name the room type' }]}>
                    <Input placeholder="Deluxe" />
                  </Form.Item>
                </Col>
                <Col xs={8} sm={4}>
                  <Form.Item name={[field.name, 'capacity']} label="Capacity">
                    <InputNumber min={1} max={20} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={16} sm={6}>
                  <Form.Item
                    name={[field.name, 'priceCents']}
                    label="Price per night"
                    getValueProps={(cents?: number | null) => ({ value: cents == null ? cents : cents / 100 })}
                    normalize={(units?: number | null) => (units == null ? units : Math.round(units * 100))}
                  >
                    <InputNumber min={0} step={100} precision={2} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={16} sm={4}>
                  <Form.Item name={[field.name, 'currency']} label="Currency">
                    <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
                  </Form.Item>
                </Col>
                <Col xs={8} sm={2}>
                  <Form.Item label=" " colon={false}>
                    <Button icon={<DeleteOutlined />} aria-label={`Remove room type ${index + 1}`} onClick={() => remove(field.name)} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
          </Card>
        )}
      </Form.List>
      {unplaced.length ? <Alert type="error" showIcon role="alert" title={unplaced.join('; ')} style={{ marginTop: 12 }} /> : null}
      <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {hotel ? 'Save hotel' : 'Add hotel'}
        </Button>
      </Flex>
    </Form>
  );
}
