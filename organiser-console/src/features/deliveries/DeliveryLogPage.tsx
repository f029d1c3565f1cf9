import { Button, Drawer, Empty, Grid, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/PageStates';
import { useUrlState } from '../../shared/useUrlState';
import { useConferenceZone } from '../../shared/conference';
import { useCanWrite } from '../../api/ConsoleContext';
import { useTriggers } from '../triggers/api';
import { useNotification, useNotifications, useProgress, type DeliveryFilters as Filters } from './api';
import { DeliveryFilters } from './DeliveryFilters';
import { DeliveriesTable } from './DeliveriesTable';
import { DeliveryDetail } from './DeliveryDetail';
import { BulkProgressCard, RunningSends } from './BulkProgress';

const DEFAULTS = { channel: '', status: '', trigger: '', registration: '', dateFrom: '', dateTo: '', search: '', batch: '', page: '1', open: '' };

/** Delivery log: every message of the conference, server-paged and filtered in the URL; a drawer per message. */
export default function DeliveryLogPage({ eventId }: PageProps) {
  const canWrite = useCanWrite();
  const zone = useConferenceZone(eventId);
  const screens = Grid.useBreakpoint();
  const [state, setState] = useUrlState(DEFAULTS);
  const { open, ...filters } = state;
  const notifications = useNotifications(eventId, filters as Filters);
  const opened = useNotification(eventId, open || undefined);
  const progress = useProgress(eventId, filters.batch || undefined);
  const triggers = useTriggers(eventId, { triggerType: '', search: '', page: '1' }).data?.items ?? [];
  const triggerNames = Object.fromEntries(triggers.map((t) => [t._id, t.name]));
  const filtered = Object.entries(filters).some(([key, value]) => key !== 'page' && value);
  const batch = filters.batch ? progress.data?.[0] : undefined;

  return (
    <>
      <PageHeader
        title="Delivery log"
        help={`Every message of this conference, newest first. Times in ${zone}.`}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => notifications.refetch()}>
            Refresh
          </Button>
        }
      />
      {batch ? (
        <BulkProgressCard progress={batch} zone={zone} />
      ) : (
        <RunningSends progress={progress.data ?? []} zone={zone} />
      )}
      {filters.batch ? (
        <Tag closable onClose={() => setState({ batch: '' })} style={{ marginBottom: 8 }}>
          Only the send {filters.batch}
        </Tag>
      ) : null}
      <DeliveryFilters
        eventId={eventId}
        filters={filters as Filters}
        zone={zone}
        triggers={triggers.map((t) => ({ value: t._id, label: t.name }))}
        onChange={setState}
      />
      <QueryState
        query={notifications}
        isEmpty={(page) => page.items.length === 0}
        empty={<Empty description={filtered ? 'No message matches these filters' : 'No message sent yet'} />}
      >
        {(page) => (
          <DeliveriesTable
            page={page}
            loading={notifications.isFetching}
            zone={zone}
            triggerNames={triggerNames}
            onPage={(p) => setState({ page: String(p) })}
            onOpen={(id) => setState({ open: id, page: state.page })}
          />
        )}
      </QueryState>
      <Drawer
        open={!!open}
        onClose={() => setState({ open: '', page: state.page })}
        title="Message"
        size={screens.md ? 720 : '100%'}
        destroyOnHidden
      >
        {open ? (
          <QueryState query={opened}>
            {(n) => (
              <DeliveryDetail
                eventId={eventId}
                notification={n}
                zone={zone}
                canWrite={canWrite}
                triggerName={n.trigger ? triggerNames[n.trigger] : undefined}
              />
            )}
          </QueryState>
        ) : null}
      </Drawer>
    </>
  );
}
