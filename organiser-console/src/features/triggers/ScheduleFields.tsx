import { Checkbox, DatePicker, Flex, Form, InputNumber, Radio, Select, TimePicker, Typography } from 'antd';
import { DAYS } from './api';

/** One-time or recurring (daily, weekly on days, monthly on a day), in the conference's timezone, named. */
export function ScheduleFields({ zone, nextRun, disabled }: { zone: string; nextRun?: string; disabled?: boolean }) {
  return (
    <>
      <Form.Item name={['schedule', 'type']} label="Schedule" initialValue="one-time">
        <Radio.Group
          disabled={disabled}
          optionType="button"
          options={[
            { value: 'one-time', label: 'Once' },
            { value: 'recurring', label: 'Recurring' },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {(form) => {
          const type = form.getFieldValue(['schedule', 'type']);
          const frequency = form.getFieldValue(['schedule', 'recurring', 'frequency']);
          return (
            <Flex wrap gap={12}>
              {type === 'one-time' ? (
                <Form.Item name={['schedule', 'date']} label="Date" rules={[{ required: true, message: 'Choose a date' }]}>
                  <DatePicker disabled={disabled} />
                </Form.Item>
              ) : (
                <Form.Item name={['schedule', 'recurring', 'frequency']} label="Repeats" initialValue="daily">
                  <Select
                    disabled={disabled}
                    style={{ minWidth: 140 }}
                    options={[
                      { value: 'daily', label: 'Every day' },
                      { value: 'weekly', label: 'Weekly' },
                      { value: 'monthly', label: 'Monthly' },
                    ]}
                  />
                </Form.Item>
              )}
              <Form.Item
                name={['schedule', 'time']}
                label={`Time (${zone})`}
                rules={[{ required: true, message: 'Choose a time' }]}
              >
                <TimePicker format="HH:mm" minuteStep={5} disabled={disabled} needConfirm={false} />
              </Form.Item>
              {type === 'recurring' && frequency === 'weekly' ? (
                <Form.Item
                  name={['schedule', 'recurring', 'daysOfWeek']}
                  label="On"
                  rules={[{ required: true, message: 'Choose at least one day' }]}
                >
                  <Checkbox.Group disabled={disabled} options={DAYS.map((label, value) => ({ label, value }))} />
                </Form.Item>
              ) : null}
              {type === 'recurring' && frequency === 'monthly' ? (
                <Form.Item
                  name={['schedule', 'recurring', 'dayOfMonth']}
                  label="Day of month"
                  extra="31 means the last day in shorter months"
                  rules={[{ required: true, message: 'Give a day' }]}
                >
                  <InputNumber min={1} max={31} disabled={disabled} />
                </Form.Item>
              ) : null}
            </Flex>
          );
        }}
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        Times are in the conference's timezone, {zone}.{' '}
        {nextRun ? (
          <Typography.Text strong>Next run: {nextRun}</Typography.Text>
        ) : (
          'The next run is shown once the trigger is saved.'
        )}
      </Typography.Paragraph>
    </>
  );
}
