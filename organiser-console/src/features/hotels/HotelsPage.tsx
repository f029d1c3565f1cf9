import { Button, Card, Drawer, Empty, Grid, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/PageStates';
import { useUrlState } from '../../shared/useUrlState';
import { useCanWrite } from '../../api/ConsoleContext';
import { useHotels, usePickup, useRoomNights } from './api';
import { HotelsTable } from './HotelsTable';
import { HotelForm } from './HotelForm';
import { RoomBlockForm } from './RoomBlockForm';
import { RoomBlockGrid } from './RoomBlockGrid';
import { PickupChart } from './PickupChart';
import { SectionTitle } from './SectionTitle';

/** Hotels and their room types, room blocks per night, and the pickup of each hotel's blocks. */
export default function HotelsPage({ eventId }: PageProps) {
  const canWrite = useCanWrite();
  const screens = Grid.useBreakpoint();
  const [state, setState] = useUrlState({ edit: '', pickup: '' });
  const hotels = useHotels(eventId);
  const nights = useRoomNights(eventId);
  const hotelList = hotels.data?.items ?? [];
  const pickupHotel = state.pickup || hotelList[0]?._id || '';
  const pickup = usePickup(eventId, pickupHotel || undefined);
  const editing = state.edit && state.edit !== 'new' ? hotelList.find((h) => h._id === state.edit) : undefined;
  const close = () => setState({ edit: '' });

  return (
    <>
      <PageHeader
        title="Hotels"
        help="Hotels and room types, the rooms contracted per night, and how they are being picked up."
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setState({ edit: 'new' })}>
              Add hotel
            </Button>
          ) : null
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<SectionTitle>Hotels and room types</SectionTitle>} size="small">
          <QueryState
            query={hotels}
            isEmpty={(page) => page.items.length === 0}
            empty={<Empty description={canWrite ? 'No hotel yet: add the conference hotels first.' : 'No hotel yet.'} />}
          >
            {(page) => <HotelsTable eventId={eventId} hotels={page.items} canWrite={canWrite} onEdit={(id) => setState({ edit: id })} />}
          </QueryState>
        </Card>
        <Card title={<SectionTitle>Room blocks per night</SectionTitle>} size="small">
          {canWrite && hotelList.length ? <RoomBlockForm eventId={eventId} hotels={hotelList} /> : null}
          <QueryState query={nights}>
            {(data) => <RoomBlockGrid eventId={eventId} nights={data} canWrite={canWrite} />}
          </QueryState>
        </Card>
        <Card title={<SectionTitle>Pickup per night</SectionTitle>} size="small">
          {hotelList.length === 0 ? (
            <Empty description="Add a hotel and a room block to see its pickup." />
          ) : (
            <QueryState query={pickup}>
              {(reports) => (
                <PickupChart hotels={hotelList} hotelId={pickupHotel} onHotel={(id) => setState({ pickup: id })} reports={reports} />
              )}
            </QueryState>
          )}
        </Card>
      </Space>
      <Drawer
        open={!!state.edit && (state.edit === 'new' || !!editing)}
        onClose={close}
        title={editing ? `Edit ${editing.name}` : 'Add hotel'}
        size={screens.md ? 720 : '100%'}
        destroyOnHidden
      >
        <HotelForm eventId={eventId} hotel={editing} onDone={close} onCancel={close} />
      </Drawer>
    </>
  );
}
