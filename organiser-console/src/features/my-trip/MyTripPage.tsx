import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';

/** My trip. (Placeholder: built in its own change.) */
export default function MyTripPage({ eventId }: PageProps) {
  return <PageHeader title="My trip" help={`Conference ${eventId}`} />;
}
