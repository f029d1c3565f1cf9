import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useApi } from '../api/ConsoleContext';
import { useConference, type Conference } from '../shared/conference';

/** Switches conference, keeping the page: searches the services' conferences as you type. */
export function ConferencePicker({ eventId, onChange }: { eventId: string; onChange: (eventId: string) => void }) {
  const api = useApi();
  const [search, setSearch] = useState('');
  const current = useConference(eventId);
  const options = useQuery({
    queryKey: ['conferences', { search, page: '1' }],
    queryFn: ({ signal }) => api.page<Conference>('/reports/conferences', { search, limit: 20 }, signal),
  });
  const items = [...(options.data?.items ?? [])];
  if (current.data && !items.some((c) => c._id === current.data._id)) items.unshift(current.data);
  return (
    <Select
      aria-label="Conference"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={eventId}
      loading={options.isFetching}
      onChange={onChange}
      style={{ minWidth: 200, maxWidth: 360, width: '100%' }}
      options={items.map((c) => ({ value: c._id, label: c.name }))}
      labelRender={() => current.data?.name ?? eventId}
      notFoundContent={options.isFetching ? 'Searching…' : 'No conference found'}
    />
  );
}
