import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';

/** Delivery log. (Placeholder: built in its own change.) */
export default function DeliveryLogPage({ eventId }: PageProps) {
  return <PageHeader title="Delivery log" help={`Conference ${eventId}`} />;
}
