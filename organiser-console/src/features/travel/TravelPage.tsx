import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';

/** Travel. (Placeholder: built in its own change.) */
export default function TravelPage({ eventId }: PageProps) {
  return <PageHeader title="Travel" help={`Conference ${eventId}`} />;
}
