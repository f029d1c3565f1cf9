import type { Dayjs } from 'dayjs';
import { dayjs } from '../../shared/dates';
import type { Channel, Condition, Schedule, Trigger, TriggerInput, TriggerType } from './api';

/** The editor's values: templates as one picker per channel, dates and times as dayjs. */
export interface TriggerFormValues {
  name: string;
  description?: string;
  triggerType: TriggerType;
  eventType?: string;
  conditions: Condition[];
  schedule?: {
    type: 'one-time' | 'recurring';
    date?: Dayjs | null;
    time?: Dayjs | null;
    recurring?: { frequency: 'daily' | 'weekly' | 'monthly'; daysOfWeek?: number[]; dayOfMonth?: number | null };
  };
  templates: Partial<Record<Channel, string>>;
  isActive: boolean;
}

export function toFormValues(trigger?: Trigger): TriggerFormValues {
  if (!trigger) {
    return { name: '', triggerType: 'event', eventType: 'registration-created', conditions: [], templates: {}, isActive: true };
  }
  const schedule = trigger.schedule;
  return {
    name: trigger.name,
    description: trigger.description ?? undefined,
    triggerType: trigger.triggerType,
    eventType: trigger.eventType ?? undefined,
    conditions: trigger.conditions ?? [],
    schedule: schedule
      ? {
          type: schedule.type,
          date: schedule.date ? dayjs(schedule.date) : null,
          time: dayjs(`2000-01-01T${schedule.time}`),
          recurring: schedule.recurring
            ? {
                frequency: schedule.recurring.frequency,
                daysOfWeek: schedule.recurring.daysOfWeek ?? [],
                dayOfMonth: schedule.recurring.dayOfMonth ?? null,
              }
            : undefined,
        }
      : undefined,
    templates: Object.fromEntries((trigger.templates ?? []).map((t) => [t.channel, t.template])),
    isActive: trigger.isActive,
  };
}

export function toInput(values: TriggerFormValues): TriggerInput {
  let schedule: Schedule | null = null;
  if (values.triggerType === 'scheduled' && values.schedule) {
    const s = values.schedule;
    schedule = {
      type: s.type,
      date: s.type === 'one-time' && s.date ? s.date.format('YYYY-MM-DD') : null,
      time: s.time ? s.time.format('HH:mm') : '',
      recurring:
        s.type === 'recurring'
          ? {
              frequency: s.recurring?.frequency ?? 'daily',
              daysOfWeek: s.recurring?.frequency === 'weekly' ? s.recurring?.daysOfWeek ?? [] : [],
              dayOfMonth: s.recurring?.frequency === 'monthly' ? s.recurring?.dayOfMonth ?? null : null,
            }
          : null,
    };
  }
  return {
    name: values.name?.trim(),
    description: values.description?.trim() || null,
    triggerType: values.triggerType,
    eventType: values.triggerType === 'event' ? values.eventType ?? null : null,
    schedule,
    conditions: (values.conditions ?? []).map((c) => ({
      field: c.field,
      operator: c.operator,
      ...(c.operator === 'exists' || c.operator === 'not-exists' ? {} : { value: c.value }),
    })),
    templates: (Object.entries(values.templates ?? {}) as [Channel, string | undefined][])
      .filter(([, id]) => !!id)
      .map(([channel, template]) => ({ channel, template: template as string })),
    isActive: values.isActive,
  };
}
