import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { sampleLabel, useSampleRegistrations, type SampleRegistration } from './api';
import { useDebounced } from './useDebounced';

/**
 * Picks the registration a preview renders with, searched on the server among the registrations notification-service
 * knows for the conference. Empty: the variables' sample values.
 */
export function SampleRegistrationSelect({
  eventId,
  value,
  onChange,
  onRegistration,
}: {
  eventId: string;
  value?: string;
  onChange: (id: string | undefined) => void;
  /** The chosen registration's details, once the list has it (also for a choice from the URL). */
  onRegistration?: (registration: SampleRegistration | undefined) => void;
}) {
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search, 300);
  const samples = useSampleRegistrations(eventId, debounced);
  const items = samples.data ?? [];
  const chosen = value ? items.find((r) => r._id === value) : undefined;
  useEffect(() => {
    if (!value) onRegistration?.(undefined);
    else if (chosen) onRegistration?.(chosen);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, chosen?._id]);
  return (
    <Select
      aria-label="Preview with registration"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value || undefined}
      placeholder="Sample values (choose a registration to preview with)"
      loading={samples.isFetching}
      notFoundContent={samples.isFetching ? 'Searching…' : 'No registration of this conference matches'}
      onChange={(id?: string) => onChange(id)}
      options={items.map((r) => ({ value: r._id, label: sampleLabel(r) }))}
      style={{ width: '100%' }}
    />
  );
}
