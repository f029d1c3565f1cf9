import { Button, Drawer, Empty, Grid } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/PageStates';
import { useUrlState } from '../../shared/useUrlState';
import { useConferenceZone } from '../../shared/conference';
import { useCanWrite } from '../../api/ConsoleContext';
import { useHotels } from '../hotels/api';
import { guestName, useBooking, useBookings, type BookingFilters as Filters } from './api';
import { BookingFilters } from './BookingFilters';
import { BookingsTable } from './BookingsTable';
import { BookingForm } from './BookingForm';
import { BookingDetail } from './BookingDetail';

const DEFAULTS = { status: '', hotelId: '', registration: '', checkInFrom: '', checkInTo: '', search: '', page: '1', open: '', edit: '' };

/** Hotel bookings: a filtered, server-paged list; a drawer to create, read, edit and move a booking through its lifecycle. */
export default function BookingsPage({ eventId }: PageProps) {
  const canWrite = useCanWrite();
  const zone = useConferenceZone(eventId);
  const screens = Grid.useBreakpoint();
  const [state, setState] = useUrlState(DEFAULTS);
  const { open, edit, ...filters } = state;
  const bookings = useBookings(eventId, filters as Filters);
  const hotels = useHotels(eventId).data?.items ?? [];
  const opened = useBooking(eventId, open && open !== 'new' ? open : undefined);
  // Opening and closing the drawer keeps the list's page (any other change goes back to page 1).
  const view = (changes: { open?: string; edit?: string }) => setState({ ...changes, page: state.page });
  const close = () => view({ open: '', edit: '' });
  const filtered = Object.entries(filters).some(([key, value]) => key !== 'page' && value);
  const drawerTitle =
    open === 'new' ? 'New booking' : opened.data ? `${edit ? 'Edit booking of' : 'Booking of'} ${guestName(opened.data)}` : 'Booking';

  return (
    <>
      <PageHeader
        title="Bookings"
        help={`Hotel bookings of this conference. Times in ${zone}.`}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => view({ open: 'new', edit: '' })}>
              New booking
            </Button>
          ) : null
        }
      />
      <BookingFilters filters={filters as Filters} hotels={hotels} onChange={setState} />
      <QueryState
        query={bookings}
        isEmpty={(page) => page.items.length === 0}
        empty={<Empty description={filtered ? 'No booking matches these filters' : 'No booking yet'} />}
      >
        {(page) => (
          <BookingsTable
            page={page}
            loading={bookings.isFetching}
            onPage={(p) => setState({ page: String(p) })}
            onOpen={(id) => view({ open: id, edit: '' })}
          />
        )}
      </QueryState>
      <Drawer open={!!open} onClose={close} title={drawerTitle} size={screens.md ? 640 : '100%'} destroyOnHidden>
        {open === 'new' ? (
          <BookingForm eventId={eventId} hotels={hotels} onDone={(saved) => view({ open: saved._id, edit: '' })} onCancel={close} />
        ) : open ? (
          <QueryState query={opened}>
            {(booking) =>
              edit ? (
                <BookingForm
                  eventId={eventId}
                  booking={booking}
                  hotels={hotels}
                  onDone={() => view({ edit: '' })}
                  onCancel={() => view({ edit: '' })}
                />
              ) : (
                <BookingDetail
                  eventId={eventId}
                  booking={booking}
                  zone={zone}
                  canWrite={canWrite}
                  onEdit={() => view({ edit: '1' })}
                  onDeleted={close}
                />
              )
            }
          </QueryState>
        ) : null}
      </Drawer>
    </>
  );
}
