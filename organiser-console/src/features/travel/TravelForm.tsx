import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Flex, Form, Input, Row, Select, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { dayjs } from '../../shared/dates';
import { applyFieldErrors, errorMessage } from '../../shared/forms';
import { ApiError } from '../../api/http';
import { RegistrantSelect } from '../../shared/RegistrantSelect';
import type { Registrant } from '../../shared/registrants';
import { TRAVEL_STATUSES, travellerName, useSaveTravel, type TravelInfo, type TravelInput } from './api';

const dayProps = {
  getValueProps: (value?: string | null) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value?: Dayjs | null) => value?.format('YYYY-MM-DD') ?? null,
};
const timeProps = {
  getValueProps: (value?: string | null) => ({ value: value ? dayjs(value, 'HH:mm') : undefined }),
  normalize: (value?: Dayjs | null) => value?.format('HH:mm') ?? null,
};
const upper = (value?: string) => value?.toUpperCase();

function initial(travel?: TravelInfo): TravelInput {
  const leg = (l?: TravelInfo['arrival']) => ({ ...l, date: l?.date ? dayjs.utc(l.date).format('YYYY-MM-DD') : null });
  return travel ? { arrival: leg(travel.arrival), departure: leg(travel.departure), notes: travel.notes, status: travel.status } : { arrival: {}, departure: {} };
}

function travelRegistrant(travel: TravelInfo): Registrant {
  return { _id: travel.registration, registrationId: travel.registrationId, name: travellerName(travel), email: travel.traveller?.email };
}

/** One leg. Its time is the clock at the conference (no conversion), so the card names the conference's zone. */
function LegFields({ leg, title, zone }: { leg: 'arrival' | 'departure'; title: string; zone?: string }) {
  const word = leg === 'arrival' ? 'Arrival' : 'Departure';
  return (
    <Card size="small" title={zone ? `${title} (times in ${zone})` : title} style={{ marginBottom: 12 }}>
      <Row gutter={8}>
        <Col xs={14} sm={8}>
          <Form.Item name={[leg, 'date']} label={`${word} day`} {...dayProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={10} sm={5}>
          <Form.Item name={[leg, 'time']} label={`${word} time`} {...timeProps}>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name={[leg, 'flightNumber']} label={`${word} flight`} normalize={upper}>
            <Input placeholder="AI 101" maxLength={10} />
          </Form.Item>
        </Col>
        <Col xs={6} sm={3}>
          <Form.Item name={[leg, 'airport']} label="Airport" normalize={upper}>
            <Input placeholder="BLR" maxLength={3} />
          </Form.Item>
        </Col>
        <Col xs={6} sm={2}>
          <Form.Item name={[leg, 'terminal']} label="Terminal">
            <Input maxLength={10} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={[leg, 'transferRequired']} valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox>{leg === 'arrival' ? 'Needs a transfer from the airport' : 'Needs a transfer to the airport'}</Checkbox>
      </Form.Item>
    </Card>
  );
}

/**
 * An itinerary: arrival and departure legs with transfer needs. Staff pick the registration on create and move the
 * status forward; a registrant edits only their own legs and notes (`mode="registrant"`).
 */
export function TravelForm({
  eventId,
  travel,
  registration,
  mode = 'staff',
  zone,
  readOnly = false,
  onDone,
  onCancel,
}: {
  eventId: string;
  travel?: TravelInfo;
  registration?: string;
  mode?: 'staff' | 'registrant';
  /** The conference's zone, named on the leg times. */
  zone?: string;
  readOnly?: boolean;
  onDone: (saved: TravelInfo) => void;
  onCancel?: () => void;
}) {
  const [form] = Form.useForm<TravelInput>();
  const save = useSaveTravel(eventId);
  const { message } = App.useApp();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const statusIndex = TRAVEL_STATUSES.indexOf(travel?.status ?? 'pending');

  const submit = (values: TravelInput) => {
    setUnplaced([]);
    const body: TravelInput = { ...values, registration: travel ? undefined : (registration ?? values.registration) };
    if (mode === 'registrant' || values.status === travel?.status) delete body.status;
    save.mutate(
      { id: travel?._id, body },
      {
        onSuccess: (saved) => {
          message.success('Itinerary saved');
          onDone(saved);
        },
        onError: (error) => {
          const rest = applyFieldErrors(form, error);
          setUnplaced(error instanceof ApiError && error.fieldErrors.length ? rest : [errorMessage(error)]);
          message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <Form form={form} layout="vertical" disabled={readOnly} onFinish={submit} initialValues={initial(travel)} aria-label="Itinerary">
      {!travel && !registration ? (
        <Form.Item name="registration" label="Registrant" extra="Search by name, e-mail or registration id (REG-0001)." rules={[{ required: true, message: 'Whose itinerary is this?' }]}>
          <RegistrantSelect eventId={eventId} />
        </Form.Item>
      ) : null}
      {travel && mode === 'staff' ? (
        <Form.Item label="Registrant" htmlFor="travel-registrant">
          <RegistrantSelect id="travel-registrant" eventId={eventId} value={travel.registration} current={travelRegistrant(travel)} disabled />
        </Form.Item>
      ) : null}
      <LegFields leg="arrival" title="Arrival" zone={zone} />
      <LegFields leg="departure" title="Departure" zone={zone} />
      <Form.Item name="notes" label="Notes">
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      {mode === 'staff' && travel ? (
        <Form.Item name="status" label="Status" extra="Travel status only moves forward.">
          <Select options={TRAVEL_STATUSES.map((s, i) => ({ value: s, label: s[0].toUpperCase() + s.slice(1), disabled: i < statusIndex }))} />
        </Form.Item>
      ) : null}
      {unplaced.length ? <Alert type="error" showIcon role="alert" title={unplaced.join('; ')} style={{ marginBottom: 12 }} /> : null}
      <Flex gap={8} justify="flex-end" hidden={readOnly}>
        {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          Save itinerary
        </Button>
      </Flex>
    </Form>
  );
}
