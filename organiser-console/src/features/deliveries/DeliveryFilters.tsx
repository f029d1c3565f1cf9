import { DatePicker, Flex, Input, Select } from 'antd';
import { dayInZone, zoneDayBounds } from '../../shared/dates';
import { RegistrantSelect } from '../../shared/RegistrantSelect';
import { STATUSES, type DeliveryFilters as Filters } from './api';

const CHANNELS = [
  { value: 'email', label: 'E-mail' },
  { value: 'sms', label: 'SMS' },
  { value: 'whatsapp', label: 'WhatsApp' },
];

/** The log's filters; each lives in the URL so a filtered log deep-links. */
export function DeliveryFilters({
  eventId,
  filters,
  triggers,
  zone,
  onChange,
}: {
  eventId: string;
  filters: Filters;
  triggers: { value: string; label: string }[];
  zone: string;
  onChange: (changes: Partial<Filters>) => void;
}) {
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }}>
      <Input.Search
        aria-label="Search messages"
        placeholder="Recipient, subject or registration id"
        defaultValue={filters.search}
        allowClear
        onSearch={(search) => onChange({ search: search.trim() })}
        style={{ flex: '1 1 220px', maxWidth: 320 }}
      />
      <Select
        aria-label="Channel"
        placeholder="Any channel"
        allowClear
        value={filters.channel || undefined}
        onChange={(channel) => onChange({ channel: channel ?? '' })}
        options={CHANNELS}
        style={{ flex: '0 1 140px', minWidth: 130 }}
      />
      <Select
        aria-label="Status"
        placeholder="Any status"
        allowClear
        value={filters.status || undefined}
        onChange={(status) => onChange({ status: status ?? '' })}
        options={STATUSES.map((s) => ({ value: s, label: s }))}
        style={{ flex: '0 1 140px', minWidth: 130 }}
      />
      <Select
        aria-label="Trigger"
        placeholder="Any trigger"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={filters.trigger || undefined}
        onChange={(trigger) => onChange({ trigger: trigger ?? '' })}
        options={triggers}
        style={{ flex: '0 1 200px', minWidth: 160 }}
      />
      <div style={{ flex: '0 1 260px', minWidth: 200 }}>
        <RegistrantSelect
          eventId={eventId}
          aria-label="Registration"
          placeholder="Any registration"
          value={filters.registration || undefined}
          onChange={(registration) => onChange({ registration: registration ?? '' })}
        />
      </div>
      <DatePicker.RangePicker
        aria-label={`Sent between (${zone})`}
        placeholder={['From', 'To']}
        value={[dayInZone(filters.dateFrom, zone), dayInZone(filters.dateTo, zone)]}
        allowEmpty={[true, true]}
        onChange={(range) => {
          // Whole days in the conference's zone, sent to the API as instants.
          const { from, to } = zoneDayBounds(range?.[0], range?.[1], zone);
          onChange({ dateFrom: from, dateTo: to });
        }}
        style={{ flex: '0 1 260px', minWidth: 230 }}
      />
    </Flex>
  );
}
