import { App, Button, Drawer, Empty, Flex, Grid, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/PageStates';
import { useUrlState } from '../../shared/useUrlState';
import { useConferenceZone } from '../../shared/conference';
import { errorMessage } from '../../shared/forms';
import { useCanWrite } from '../../api/ConsoleContext';
import { TRIGGER_TYPES, useDeleteTrigger, useSaveTrigger, useTrigger, useTriggers, type TriggerFilters } from './api';
import { TriggersTable } from './TriggersTable';
import { TriggerForm } from './TriggerForm';
import { ManualRunModal } from './ManualRunModal';

const DEFAULTS = { triggerType: '', search: '', page: '1', open: '', run: '' };

/** Triggers: when to notify whom with which templates; an editor drawer and the manual run, both in the URL. */
export default function TriggersPage({ eventId }: PageProps) {
  const canWrite = useCanWrite();
  const zone = useConferenceZone(eventId);
  const screens = Grid.useBreakpoint();
  const { message } = App.useApp();
  const [state, setState] = useUrlState(DEFAULTS);
  const { open, run, ...filters } = state;
  const triggers = useTriggers(eventId, filters as TriggerFilters);
  const opened = useTrigger(eventId, open && open !== 'new' ? open : undefined);
  const toRun = useTrigger(eventId, run || undefined);
  const save = useSaveTrigger(eventId);
  const remove = useDeleteTrigger(eventId);
  const view = (changes: { open?: string; run?: string }) => setState({ ...changes, page: state.page });
  const filtered = !!(filters.triggerType || filters.search);

  return (
    <>
      <PageHeader
        title="Triggers"
        help={`What sends which templates, and when. Times in ${zone}.`}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => view({ open: 'new' })}>
              New trigger
            </Button>
          ) : null
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="Search triggers"
          placeholder="Name"
          defaultValue={filters.search}
          allowClear
          onSearch={(search) => setState({ search: search.trim() })}
          style={{ flex: '1 1 220px', maxWidth: 320 }}
        />
        <Select
          aria-label="Trigger type"
          placeholder="Any type"
          allowClear
          value={filters.triggerType || undefined}
          onChange={(triggerType) => setState({ triggerType: triggerType ?? '' })}
          options={TRIGGER_TYPES.map(({ value, label }) => ({ value, label }))}
          style={{ flex: '0 1 180px', minWidth: 150 }}
        />
      </Flex>
      <QueryState
        query={triggers}
        isEmpty={(page) => page.items.length === 0}
        empty={<Empty description={filtered ? 'No trigger matches these filters' : 'No trigger yet'} />}
      >
        {(page) => (
          <TriggersTable
            page={page}
            loading={triggers.isFetching}
            zone={zone}
            canWrite={canWrite}
            onPage={(p) => setState({ page: String(p) })}
            onOpen={(id) => view({ open: id })}
            onRun={(id) => view({ run: id })}
            onToggle={(t, isActive) =>
              save.mutate(
                { id: t._id, body: { isActive } },
                {
                  onSuccess: () => message.success(`${t.name} ${isActive ? 'activated' : 'deactivated'}`),
                  onError: (error) => message.error(errorMessage(error)),
                },
              )
            }
            onDelete={(t) =>
              remove.mutate(t._id, {
                onSuccess: () => message.success(`${t.name} deleted`),
                onError: (error) => message.error(errorMessage(error)),
              })
            }
          />
        )}
      </QueryState>
      <Drawer
        open={!!open}
        onClose={() => view({ open: '' })}
        title={open === 'new' ? 'New trigger' : opened.data ? opened.data.name : 'Trigger'}
        size={screens.md ? 760 : '100%'}
        destroyOnHidden
      >
        {open === 'new' ? (
          <TriggerForm eventId={eventId} zone={zone} canWrite={canWrite} onSaved={() => view({ open: '' })} onCancel={() => view({ open: '' })} />
        ) : open ? (
          <QueryState query={opened}>
            {(trigger) => (
              <TriggerForm
                key={trigger.updatedAt}
                eventId={eventId}
                trigger={trigger}
                zone={zone}
                canWrite={canWrite}
                onSaved={() => undefined}
                onCancel={() => view({ open: '' })}
              />
            )}
          </QueryState>
        ) : null}
      </Drawer>
      {run && toRun.data && canWrite ? (
        <ManualRunModal eventId={eventId} trigger={toRun.data} zone={zone} onClose={() => view({ run: '' })} />
      ) : null}
    </>
  );
}
