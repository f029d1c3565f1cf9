import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Radio, Select, Switch, Typography } from 'antd';
import { applyFieldErrors, errorMessage } from '../../shared/forms';
import { formatDateTime } from '../../shared/dates';
import {
  CHANNELS,
  TRIGGER_TYPES,
  useEventTypes,
  useSaveTrigger,
  useTemplateOptions,
  type Trigger,
} from './api';
import { ConditionBuilder } from './ConditionBuilder';
import { ScheduleFields } from './ScheduleFields';
import { toFormValues, toInput, type TriggerFormValues } from './formValues';

/** Create or edit a trigger: what starts it, the conditions, the schedule and one template per channel. */
export function TriggerForm({
  eventId,
  trigger,
  zone,
  canWrite,
  onSaved,
  onCancel,
}: {
  eventId: string;
  trigger?: Trigger;
  zone: string;
  canWrite: boolean;
  onSaved: (saved: Trigger) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<TriggerFormValues>();
  const { message } = App.useApp();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const save = useSaveTrigger(eventId);
  const eventTypes = useEventTypes(eventId).data ?? [];
  const templates = useTemplateOptions(eventId).data?.items ?? [];
  const triggerType = Form.useWatch('triggerType', form) ?? trigger?.triggerType ?? 'event';
  const eventType = Form.useWatch('eventType', form);
  const fields = eventTypes.find((t) => t.eventType === (triggerType === 'event' ? eventType : 'general'))?.fields ?? [];

  const submit = (values: TriggerFormValues) => {
    setUnplaced([]);
    save.mutate(
      { id: trigger?._id, body: toInput(values) },
      {
        onSuccess: (saved) => {
          message.success(
            saved.nextRunAt ? `Trigger saved; next run ${formatDateTime(saved.nextRunAt, zone)}` : 'Trigger saved',
          );
          onSaved(saved);
        },
        onError: (error) => {
          const rest = applyFieldErrors(form, error);
          setUnplaced(rest.length ? rest : [errorMessage(error)]);
          message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <Form<TriggerFormValues>
      form={form}
      layout="vertical"
      initialValues={toFormValues(trigger)}
      onFinish={submit}
      disabled={!canWrite}
      scrollToFirstError
    >
      {unplaced.length ? <Alert type="error" showIcon title="Not saved" description={unplaced.join('; ')} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="name" label="Name" rules={[{ required: true, message: 'Give the trigger a name' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label="Description">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="triggerType" label="Sends" extra={TRIGGER_TYPES.find((t) => t.value === triggerType)?.help}>
        <Radio.Group optionType="button" options={TRIGGER_TYPES.map(({ value, label }) => ({ value, label }))} />
      </Form.Item>
      {triggerType === 'event' ? (
        <Form.Item name="eventType" label="Event type" rules={[{ required: true, message: 'Choose the event' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={eventTypes
              .filter((t) => t.eventType !== 'general')
              .map((t) => ({ value: t.eventType, label: t.eventType, title: t.description }))}
          />
        </Form.Item>
      ) : null}
      {triggerType === 'scheduled' ? (
        <ScheduleFields
          zone={zone}
          disabled={!canWrite}
          nextRun={trigger?.nextRunAt ? formatDateTime(trigger.nextRunAt, zone) : undefined}
        />
      ) : null}
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        Conditions
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        All must hold.{' '}
        {triggerType === 'event'
          ? 'The fields are the ones this event type really carries.'
          : 'Checked on each registration when the trigger runs.'}
      </Typography.Paragraph>
      <div style={{ marginBottom: 24 }}>
        <ConditionBuilder fields={fields} disabled={!canWrite} />
      </div>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        Templates
      </Typography.Title>
      <Typography.Paragraph type="secondary">One template per channel; at least one.</Typography.Paragraph>
      <Flex wrap gap={12}>
        {CHANNELS.map((channel) => (
          <Form.Item key={channel.value} name={['templates', channel.value]} label={`${channel.label} template`} style={{ flex: '1 1 200px' }}>
            <Select
              allowClear
              placeholder="None"
              options={templates
                .filter((t) => t.type === channel.value)
                .map((t) => ({ value: t._id, label: t.isActive ? t.name : `${t.name} (inactive)` }))}
              notFoundContent={`No ${channel.label} template yet`}
            />
          </Form.Item>
        ))}
      </Flex>
      <Form.Item name="isActive" label="Active" valuePropName="checked">
        <Switch />
      </Form.Item>
      {canWrite ? (
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {trigger ? 'Save trigger' : 'Create trigger'}
          </Button>
          <Button onClick={onCancel} disabled={false}>
            Cancel
          </Button>
        </Flex>
      ) : null}
    </Form>
  );
}
