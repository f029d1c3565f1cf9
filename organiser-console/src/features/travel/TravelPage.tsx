import { Button, Checkbox, Drawer, Empty, Flex, Grid, Input, Select, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/PageStates';
import { useUrlState } from '../../shared/useUrlState';
import { useConferenceZone } from '../../shared/conference';
import { useCanWrite } from '../../api/ConsoleContext';
import { TRAVEL_STATUSES, travellerName, useTravel, useTravelList, type TravelFilters } from './api';
import { TravelTable } from './TravelTable';
import { TravelForm } from './TravelForm';
import { TravelDrawerBody } from './TravelDrawerBody';
import { TransferManifestView } from './TransferManifest';

const DEFAULTS = {
  tab: 'itineraries',
  status: '',
  airport: '',
  transferRequired: '',
  search: '',
  page: '1',
  open: '',
  from: '',
  to: '',
  direction: 'both',
  windowMinutes: '60',
  manifestAirport: '',
};

/** Travel: itineraries with their documents, and the transfer manifest. */
export default function TravelPage({ eventId }: PageProps) {
  const canWrite = useCanWrite();
  const zone = useConferenceZone(eventId);
  const screens = Grid.useBreakpoint();
  const [state, setState] = useUrlState(DEFAULTS);
  const filters: TravelFilters = { status: state.status, airport: state.airport, transferRequired: state.transferRequired, search: state.search, page: state.page };
  const list = useTravelList(eventId, filters);
  const opened = useTravel(eventId, state.open && state.open !== 'new' ? state.open : undefined);
  const view = (changes: Partial<typeof DEFAULTS>) => setState({ ...changes, page: state.page });
  const close = () => view({ open: '' });

  const itineraries = (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search aria-label="Search itineraries" placeholder="Name, e-mail or registration id" defaultValue={state.search} allowClear onSearch={(search) => setState({ search })} style={{ flex: '1 1 220px', maxWidth: 320 }} />
        <Select aria-label="Status" placeholder="Any status" allowClear value={state.status || undefined} onChange={(status) => setState({ status: status ?? '' })} options={TRAVEL_STATUSES.map((s) => ({ value: s, label: s }))} style={{ minWidth: 140 }} />
        <Input.Search aria-label="Airport filter" placeholder="Airport (BLR)" defaultValue={state.airport} allowClear maxLength={3} onSearch={(airport) => setState({ airport: airport.toUpperCase() })} style={{ width: 160 }} />
        <Checkbox checked={state.transferRequired === 'true'} onChange={(e) => setState({ transferRequired: e.target.checked ? 'true' : '' })}>
          Needs a transfer
        </Checkbox>
      </Flex>
      <QueryState query={list} isEmpty={(p) => p.items.length === 0} empty={<Empty description="No itinerary matches" />}>
        {(page) => <TravelTable page={page} zone={zone} loading={list.isFetching} onPage={(p) => setState({ page: String(p) })} onOpen={(open) => view({ open })} />}
      </QueryState>
    </>
  );

  return (
    <>
      <PageHeader
        title="Travel"
        help={`Arrivals, departures, transfers and travel documents. Times in ${zone}; flight times are the clock at the conference's airport (${zone}), as entered.`}
        extra={canWrite ? <Button type="primary" icon={<PlusOutlined />} onClick={() => view({ open: 'new' })}>New itinerary</Button> : null}
      />
      <Tabs
        activeKey={state.tab}
        onChange={(tab) => view({ tab })}
        items={[
          { key: 'itineraries', label: 'Itineraries', children: itineraries },
          {
            key: 'manifest',
            label: 'Transfer manifest',
            children: (
              <TransferManifestView
                eventId={eventId}
                query={{ from: state.from, to: state.to, direction: state.direction, windowMinutes: state.windowMinutes, airport: state.manifestAirport }}
                onChange={({ airport, ...rest }) => view({ ...rest, ...(airport !== undefined ? { manifestAirport: airport } : {}) })}
              />
            ),
          },
        ]}
      />
      <Drawer
        open={!!state.open}
        onClose={close}
        title={state.open === 'new' ? 'New itinerary' : opened.data ? `Itinerary of ${travellerName(opened.data)}` : 'Itinerary'}
        size={screens.md ? 720 : '100%'}
        destroyOnHidden
      >
        {state.open === 'new' ? (
          <TravelForm eventId={eventId} zone={zone} onDone={(saved) => view({ open: saved._id })} onCancel={close} />
        ) : state.open ? (
          <QueryState query={opened}>
            {(travel) => <TravelDrawerBody eventId={eventId} travel={travel} zone={zone} canWrite={canWrite} onDeleted={close} />}
          </QueryState>
        ) : null}
      </Drawer>
    </>
  );
}
