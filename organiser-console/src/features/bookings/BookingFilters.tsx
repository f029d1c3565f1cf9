import { DatePicker, Flex, Input, Select } from 'antd';
import { dayjs } from '../../shared/dates';
import type { Hotel } from '../hotels/api';
import type { BookingFilters as Filters } from './api';
import { BOOKING_STATUSES, STATUS_LABEL } from './lifecycle';

/** The list's filters; each lives in the URL so a filtered list deep-links. */
export function BookingFilters({
  filters,
  hotels,
  onChange,
}: {
  filters: Filters;
  hotels: Hotel[];
  onChange: (changes: Partial<Filters>) => void;
}) {
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }}>
      <Input.Search
        aria-label="Search bookings"
        placeholder="Name, e-mail or registration id"
        defaultValue={filters.search}
        allowClear
        onSearch={(search) => onChange({ search })}
        style={{ flex: '1 1 180px', maxWidth: 320 }}
      />
      <Select
        aria-label="Status"
        placeholder="Any status"
        allowClear
        value={filters.status || undefined}
        onChange={(status) => onChange({ status: status ?? '' })}
        options={BOOKING_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
        style={{ flex: '1 1 180px', maxWidth: 320 }}
      />
      <Select
        aria-label="Hotel"
        placeholder="Any hotel"
        allowClear
        value={filters.hotelId || undefined}
        onChange={(hotelId) => onChange({ hotelId: hotelId ?? '' })}
        options={hotels.map((h) => ({ value: h._id, label: h.name }))}
        style={{ flex: '1 1 180px', maxWidth: 320 }}
      />
      <Input.Search
        aria-label="Registration"
        placeholder="Registration _id"
        defaultValue={filters.registration}
        allowClear
        onSearch={(registration) => onChange({ registration: registration.trim() })}
        style={{ flex: '1 1 180px', maxWidth: 320 }}
      />
      <DatePicker.RangePicker
        aria-label="Check-in from and to"
        placeholder={['Check-in from', 'Check-in to']}
        value={[filters.checkInFrom ? dayjs(filters.checkInFrom) : null, filters.checkInTo ? dayjs(filters.checkInTo) : null]}
        allowEmpty={[true, true]}
        onChange={(range) =>
          onChange({
            checkInFrom: range?.[0]?.format('YYYY-MM-DD') ?? '',
            checkInTo: range?.[1]?.format('YYYY-MM-DD') ?? '',
          })
        }
        style={{ flex: '1 1 240px', maxWidth: 320 }}
      />
    </Flex>
  );
}
