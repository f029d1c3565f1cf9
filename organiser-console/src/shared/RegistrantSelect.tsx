import { useState } from 'react';
import { Flex, Select, Tag, Typography } from 'antd';
import { useDebounced } from './useDebounced';
import { errorMessage } from './forms';
import { registrantLabel, useRegistrantSearch, type Registrant } from './registrants';

/**
 * Picks a registration of the conference by name, e-mail or human id, searched on the server as the organiser types
 * (lodging's `registrants` route: case and accents ignored, any script). Works as an antd form control (`value` is the
 * registration `_id`); label it with the Form.Item's label or `aria-label`. Arrow keys move, Enter picks.
 */
export function RegistrantSelect({
  eventId,
  id,
  value,
  onChange,
  current,
  disabled,
  placeholder = 'Type a name, e-mail or REG- id',
  'aria-label': ariaLabel,
}: {
  eventId: string;
  id?: string;
  value?: string;
  onChange?: (id: string | undefined, registrant?: Registrant) => void;
  /** The registrant already chosen (an edit form's), shown before any search. */
  current?: Registrant;
  disabled?: boolean;
  placeholder?: string;
  'aria-label'?: string;
}) {
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Registrant | undefined>(current);
  const debounced = useDebounced(search.trim(), 300);
  const found = useRegistrantSearch(eventId, debounced, !disabled);
  const items = [...(found.data ?? [])];
  for (const known of [picked, current]) {
    if (known && known._id === value && !items.some((r) => r._id === known._id)) items.unshift(known);
  }
  const notFound = found.isError
    ? `Could not search: ${errorMessage(found.error)}`
    : found.isFetching
      ? 'Searching…'
      : 'No registration of this conference matches';
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear={!disabled}
      disabled={disabled}
      value={value || undefined}
      placeholder={placeholder}
      loading={found.isFetching}
      notFoundContent={notFound}
      onChange={(chosen?: string) => {
        const registrant = items.find((r) => r._id === chosen);
        setPicked(registrant);
        setSearch('');
        onChange?.(chosen, registrant);
      }}
      options={items.map((r) => ({ value: r._id, label: registrantLabel(r), title: registrantLabel(r), registrant: r }))}
      optionRender={(option) => {
        const r = (option.data as { registrant: Registrant }).registrant;
        return (
          <Flex vertical>
            <Flex gap={6} align="center" wrap>
              <Typography.Text strong>{r.name}</Typography.Text>
              {r.registrationId ? <Typography.Text>{r.registrationId}</Typography.Text> : null}
              {r.status && r.status !== 'active' ? <Tag>{r.status}</Tag> : null}
            </Flex>
            {r.email ? <Typography.Text type="secondary">{r.email}</Typography.Text> : null}
          </Flex>
        );
      }}
      style={{ width: '100%' }}
    />
  );
}
