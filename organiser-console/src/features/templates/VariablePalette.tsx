import { useMemo, useState } from 'react';
import { Button, Flex, Input, Select, Skeleton, Tooltip, Typography } from 'antd';
import { ErrorState } from '../../shared/PageStates';
import { useVariables, type Variable } from './api';

const EVENT_TYPE_LABEL = (type: string) =>
  type === 'general' ? 'Scheduled and manual sends' : type.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/**
 * The variables a template may use, for one trigger event type (`notification-templates/variables`). A click inserts
 * `{{name}}` where the cursor was in the part last focused (subject, HTML, text, a WhatsApp parameter).
 */
export function VariablePalette({
  eventId,
  eventType,
  onEventType,
  onInsert,
  target,
  disabled,
}: {
  eventId: string;
  eventType: string;
  onEventType: (type: string) => void;
  onInsert: (token: string) => void;
  target: string;
  disabled?: boolean;
}) {
  const variables = useVariables(eventId);
  const [filter, setFilter] = useState('');
  const types = useMemo(() => Object.keys(variables.data ?? {}).sort((a, b) => (a === 'general' ? -1 : b === 'general' ? 1 : a.localeCompare(b))), [variables.data]);
  const list: Variable[] = useMemo(() => {
    const all = variables.data?.[eventType] ?? variables.data?.general ?? [];
    const f = filter.trim().toLowerCase();
    return f ? all.filter((v) => v.name.toLowerCase().includes(f) || v.description.toLowerCase().includes(f)) : all;
  }, [variables.data, eventType, filter]);

  if (variables.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (variables.isError) return <ErrorState error={variables.error} onRetry={() => variables.refetch()} />;

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        <Select
          aria-label="Variables for"
          value={eventType}
          onChange={onEventType}
          style={{ minWidth: 220, flex: 1 }}
          options={types.map((t) => ({ value: t, label: EVENT_TYPE_LABEL(t) }))}
        />
        <Input.Search aria-label="Find a variable" placeholder="Find a variable" allowClear value={filter} onChange={(e) => setFilter(e.target.value)} style={{ flex: 1, minWidth: 160 }} />
      </Flex>
      <Typography.Text type="secondary">
        Click to insert into <strong>{target}</strong> at the cursor.
      </Typography.Text>
      <Flex wrap gap={6} className="atlas-variable-palette" role="group" aria-label="Variables">
        {list.map((v) => {
          const token = v.name === '[QR_CODE]' ? v.name : `{{${v.name}}}`;
          return (
            <Tooltip key={v.name} title={`${v.description} — e.g. ${v.sample}`}>
              <Button size="small" disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={() => onInsert(token)}>
                {token}
              </Button>
            </Tooltip>
          );
        })}
        {list.length === 0 ? <Typography.Text type="secondary">No variable matches.</Typography.Text> : null}
      </Flex>
    </Flex>
  );
}
