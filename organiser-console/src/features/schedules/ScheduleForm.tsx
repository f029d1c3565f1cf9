import { useEffect, useMemo } from 'react';
import { App, Button, Checkbox, Flex, Form, Input, InputNumber, Radio, Select, Switch, TimePicker } from 'antd';
import { dayjs } from '../../shared/dates';
import { applyFieldErrors, errorMessage } from '../../shared/forms';
import { useExportConfigs } from '../exports/api';
import { reportTitle, useTemplates, type ReportRequest } from '../report-builder/api';
import {
  DAYS,
  MASK,
  PROVIDER_FIELDS,
  SECRET_KEYS,
  sourceOf,
  useSaveSchedule,
  type Provider,
  type Schedule,
  type ScheduleInput,
  type ScheduleSource,
} from './api';
import { BuiltReportField } from './BuiltReportField';

interface Values {
  name: string;
  source: ScheduleSource;
  report?: string;
  definition?: ReportRequest;
  format?: 'pdf' | 'excel' | 'csv';
  exportConfig?: string;
  frequency: Schedule['schedule']['frequency'];
  dayOfWeek?: number;
  dayOfMonth?: number;
  time?: dayjs.Dayjs;
  timezone: string;
  customCron?: string;
  deliveryType: Schedule['delivery']['type'];
  recipients?: string[];
  subject?: string;
  message?: string;
  provider?: Provider;
  path?: string;
  config?: Record<string, string>;
  isActive: boolean;
  isGlobal?: boolean;
}

function zones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? ['UTC', ...intl.supportedValuesOf('timeZone')] : ['UTC'];
}

function toValues(schedule: Schedule): Values {
  const cloud = schedule.delivery?.cloudStorage;
  return {
    name: schedule.name,
    source: sourceOf(schedule),
    report: schedule.report ?? undefined,
    definition: schedule.definition ?? undefined,
    format: schedule.format ?? 'excel',
    exportConfig: schedule.exportConfig ?? undefined,
    frequency: schedule.schedule.frequency,
    dayOfWeek: schedule.schedule.dayOfWeek ?? undefined,
    dayOfMonth: schedule.schedule.dayOfMonth ?? undefined,
    time: schedule.schedule.time ? dayjs(schedule.schedule.time, 'HH:mm') : undefined,
    timezone: schedule.schedule.timezone || 'UTC',
    customCron: schedule.schedule.customCron ?? undefined,
    deliveryType: schedule.delivery.type,
    recipients: schedule.delivery.recipients ?? [],
    subject: schedule.delivery.subject,
    message: schedule.delivery.message,
    provider: cloud?.provider,
    path: cloud?.path,
    config: cloud?.config,
    isActive: schedule.isActive,
    isGlobal: !!schedule.isGlobal,
  };
}

function toInput(values: Values, eventId: string): ScheduleInput {
  const frequency = values.frequency;
  return {
    name: values.name,
    report: values.source === 'report' ? values.report : null,
    definition: values.source === 'definition' ? values.definition : null,
    format: values.source === 'exportConfig' ? null : values.format,
    exportConfig: values.source === 'exportConfig' ? values.exportConfig : null,
    eventId,
    schedule: {
      frequency,
      dayOfWeek: frequency === 'weekly' ? values.dayOfWeek : null,
      dayOfMonth: frequency === 'monthly' ? values.dayOfMonth : null,
      time: frequency === 'custom' ? null : (values.time?.format('HH:mm') ?? '09:00'),
      timezone: values.timezone,
      customCron: frequency === 'custom' ? values.customCron : null,
    },
    delivery: {
      type: values.deliveryType,
      recipients: values.deliveryType === 'email' ? values.recipients : [],
      subject: values.deliveryType === 'email' ? values.subject : undefined,
      message: values.deliveryType === 'email' ? values.message : undefined,
      cloudStorage:
        values.deliveryType === 'cloud-storage' && values.provider
          ? { provider: values.provider, path: values.path, config: values.config ?? {} }
          : null,
    },
    isActive: values.isActive,
    isGlobal: !!values.isGlobal,
  };
}

/**
 * Create or edit a schedule: what (ready-made report, report built in the report builder, or saved export), when, and
 * where it goes. `definition` starts a new schedule of that built report (the report builder's “Schedule…”).
 */
export function ScheduleForm({
  eventId,
  zone,
  schedule,
  definition,
  canWrite,
  onSaved,
  onCancel,
}: {
  eventId: string;
  zone: string;
  schedule?: Schedule;
  definition?: ReportRequest;
  canWrite: boolean;
  onSaved: (saved: Schedule) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const save = useSaveSchedule();
  const templates = useTemplates();
  const configs = useExportConfigs(eventId, '');
  const zoneOptions = useMemo(() => zones().map((z) => ({ value: z, label: z })), []);
  const source = Form.useWatch('source', form);
  const frequency = Form.useWatch('frequency', form);
  const deliveryType = Form.useWatch('deliveryType', form);
  const provider = Form.useWatch('provider', form);

  useEffect(() => {
    if (schedule) form.setFieldsValue(toValues(schedule));
  }, [schedule, form]);

  const submit = async (values: Values) => {
    try {
      const saved = await save.mutateAsync({ id: schedule?._id, body: toInput(values, eventId) });
      message.success(`Saved “${saved.name}”`);
      onSaved(saved);
    } catch (error) {
      const unplaced = applyFieldErrors(form, error);
      message.error(unplaced.length ? unplaced.join('; ') : errorMessage(error));
    }
  };

  return (
    <Form
      form={form}
      // Field ids start with "schedule_": the form also opens over the report builder, whose fields have the same names.
      name="schedule"
      layout="vertical"
      disabled={!canWrite}
      onFinish={submit}
      initialValues={{
        ...(definition ? { source: 'definition', definition, name: reportTitle(definition) } : { source: 'report' }),
        report: 'registrations-by-category-status',
        format: 'excel',
        frequency: 'weekly',
        dayOfWeek: 1,
        dayOfMonth: 1,
        time: dayjs('09:00', 'HH:mm'),
        timezone: zone,
        deliveryType: 'email',
        recipients: [],
        provider: 's3',
        isActive: true,
      }}
    >
      <Form.Item label="Name" name="name" rules={[{ required: true, message: 'Give the schedule a name' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="Report" name="source">
        <Radio.Group
          options={[
            { value: 'report', label: 'Ready-made report' },
            { value: 'definition', label: 'Built report' },
            { value: 'exportConfig', label: 'Saved export' },
          ]}
        />
      </Form.Item>
      {source === 'exportConfig' ? (
        <Form.Item label="Saved export" name="exportConfig" rules={[{ required: true, message: 'Pick a saved export' }]}>
          <Select loading={configs.isPending} options={(configs.data?.items ?? []).map((c) => ({ value: c._id, label: `${c.name} (${c.exportType})` }))} />
        </Form.Item>
      ) : (
        <Flex wrap gap={16}>
          {source === 'definition' ? (
            <Form.Item
              label="Report from the report builder"
              name="definition"
              rules={[{ required: true, message: 'Build a report in the Report builder, or pick a saved one' }]}
              style={{ flex: '2 1 240px' }}
            >
              <BuiltReportField eventId={eventId} />
            </Form.Item>
          ) : (
            <Form.Item label="Ready-made report" name="report" rules={[{ required: true }]} style={{ flex: '2 1 240px' }}>
              <Select loading={templates.isPending} options={(templates.data ?? []).map((t) => ({ value: t.id, label: t.name }))} />
            </Form.Item>
          )}
          <Form.Item label="File format" name="format" style={{ flex: '1 1 200px' }}>
            <Radio.Group optionType="button" options={[{ value: 'excel', label: 'XLSX' }, { value: 'pdf', label: 'PDF' }, { value: 'csv', label: 'CSV' }]} />
          </Form.Item>
        </Flex>
      )}
      <Form.Item label="Frequency" name="frequency">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'daily', label: 'Daily' },
            { value: 'weekly', label: 'Weekly' },
            { value: 'monthly', label: 'Monthly' },
            { value: 'custom', label: 'Custom cron' },
          ]}
        />
      </Form.Item>
      <Flex wrap gap={16}>
        {frequency === 'weekly' ? (
          <Form.Item label="Day of week" name="dayOfWeek" style={{ flex: '1 1 160px' }}>
            <Select options={DAYS.map((d, i) => ({ value: i, label: d }))} />
          </Form.Item>
        ) : null}
        {frequency === 'monthly' ? (
          <Form.Item label="Day of month" name="dayOfMonth" extra="The last day in shorter months." style={{ flex: '1 1 160px' }}>
            <InputNumber min={1} max={31} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {frequency === 'custom' ? (
          <Form.Item label="Cron expression" name="customCron" rules={[{ required: true, message: 'A cron expression, e.g. 0 9 * * 1-5' }]} extra="5 fields (minute hour day month weekday) or 6 (with seconds)." style={{ flex: '2 1 240px' }}>
            <Input placeholder="0 9 * * 1-5" />
          </Form.Item>
        ) : (
          <Form.Item label="Time" name="time" rules={[{ required: true }]} style={{ flex: '1 1 120px' }}>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item label="Time zone" name="timezone" style={{ flex: '2 1 220px' }}>
          <Select showSearch options={zoneOptions} />
        </Form.Item>
      </Flex>
      <Form.Item label="Delivery" name="deliveryType">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'email', label: 'E-mail' },
            { value: 'download', label: 'Keep for download' },
            { value: 'cloud-storage', label: 'Cloud storage' },
          ]}
        />
      </Form.Item>
      {deliveryType === 'email' ? (
        <>
          <Form.Item label="Recipients" name="recipients" rules={[{ required: true, type: 'array', min: 1, message: 'At least one e-mail address' }]}>
            <Select mode="tags" tokenSeparators={[',', ' ', ';']} placeholder="name@example.org" open={false} suffixIcon={null} />
          </Form.Item>
          <Form.Item label="Subject" name="subject">
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item label="Message" name="message">
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      ) : null}
      {deliveryType === 'cloud-storage' ? (
        <Flex wrap gap={16}>
          <Form.Item label="Provider" name="provider" style={{ flex: '1 1 180px' }}>
            <Select options={[{ value: 's3', label: 'Amazon S3 (or compatible)' }, { value: 'google-drive', label: 'Google Drive' }, { value: 'dropbox', label: 'Dropbox' }]} />
          </Form.Item>
          <Form.Item label="Folder or key prefix" name="path" style={{ flex: '1 1 180px' }}>
            <Input />
          </Form.Item>
          {PROVIDER_FIELDS[(provider ?? 's3') as Provider].map(({ key, label }) => (
            <Form.Item
              key={key}
              label={label}
              name={['config', key]}
              style={{ flex: '1 1 220px' }}
              extra={SECRET_KEYS.includes(key) && schedule ? `Stored and hidden; leave ${MASK} to keep it.` : undefined}
            >
              {SECRET_KEYS.includes(key) ? <Input.Password autoComplete="new-password" visibilityToggle={false} /> : <Input />}
            </Form.Item>
          ))}
        </Flex>
      ) : null}
      <Flex wrap gap={24}>
        <Form.Item label="Active" name="isActive" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item label="Shared" name="isGlobal" valuePropName="checked">
          <Checkbox>Every organiser sees it</Checkbox>
        </Form.Item>
      </Flex>
      {canWrite ? (
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            Save schedule
          </Button>
          <Button onClick={onCancel}>Close</Button>
        </Flex>
      ) : null}
    </Form>
  );
}
