import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';

/** Bookings. (Placeholder: built in its own change.) */
export default function BookingsPage({ eventId }: PageProps) {
  return <PageHeader title="Bookings" help={`Conference ${eventId}`} />;
}
