import { describe, expect, it } from 'vitest';
import { describeSchedule, formatEta } from './api';
import { toFormValues, toInput } from './formValues';
import { dayjs } from '../../shared/dates';

describe('trigger form values', () => {
  it('turns the editor values into the API body: one template per chosen channel, no value for unary operators', () => {
    const body = toInput({
      name: ' Faculty welcome ',
      triggerType: 'event',
      eventType: 'registration-created',
      conditions: [
        { field: 'registration.category.name', operator: 'equals', value: 'Faculty' },
        { field: 'registration.personalInfo.phone', operator: 'exists', value: 'left over' },
      ],
      templates: { email: 'a'.repeat(24), sms: undefined },
      isActive: true,
    });
    expect(body).toMatchObject({
      name: 'Faculty welcome',
      eventType: 'registration-created',
      schedule: null,
      templates: [{ channel: 'email', template: 'a'.repeat(24) }],
      conditions: [
        { field: 'registration.category.name', operator: 'equals', value: 'Faculty' },
        { field: 'registration.personalInfo.phone', operator: 'exists' },
      ],
    });
    expect(body.conditions[1]).not.toHaveProperty('value');
  });

  it('sends a weekly schedule as days of week and HH:mm, without an event type', () => {
    const body = toInput({
      name: 'Digest',
      triggerType: 'scheduled',
      eventType: 'registration-created',
      conditions: [],
      schedule: { type: 'recurring', time: dayjs('2000-01-01T09:05'), recurring: { frequency: 'weekly', daysOfWeek: [1, 3], dayOfMonth: 4 } },
      templates: { email: 'b'.repeat(24) },
      isActive: true,
    });
    expect(body.eventType).toBeNull();
    expect(body.schedule).toEqual({ type: 'recurring', date: null, time: '09:05', recurring: { frequency: 'weekly', daysOfWeek: [1, 3], dayOfMonth: null } });
  });

  it('reads a stored one-time trigger back into the editor', () => {
    const values = toFormValues({
      _id: 't1',
      name: 'Reminder',
      triggerType: 'scheduled',
      schedule: { type: 'one-time', date: '2027-03-12', time: '08:30' },
      conditions: [],
      templates: [{ channel: 'sms', template: 'c'.repeat(24) }],
      isActive: false,
    });
    expect(values.schedule?.date?.format('YYYY-MM-DD')).toBe('2027-03-12');
    expect(values.schedule?.time?.format('HH:mm')).toBe('08:30');
    expect(values.templates).toEqual({ sms: 'c'.repeat(24) });
    expect(toInput(values).schedule).toMatchObject({ type: 'one-time', date: '2027-03-12', time: '08:30', recurring: null });
  });

  it('says schedules and durations in words', () => {
    expect(describeSchedule({ type: 'recurring', time: '09:00', recurring: { frequency: 'weekly', daysOfWeek: [3, 1] } })).toBe('Every Mon, Wed at 09:00');
    expect(describeSchedule({ type: 'recurring', time: '07:00', recurring: { frequency: 'monthly', dayOfMonth: 31 } })).toBe('Monthly on day 31 at 07:00');
    expect(formatEta(0)).toBe('under a second');
    expect(formatEta(42)).toBe('about 42 s');
    expect(formatEta(715)).toBe('about 11 min 55 s');
  });
});
