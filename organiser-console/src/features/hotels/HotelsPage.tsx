import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';

/** Hotels. (Placeholder: built in its own change.) */
export default function HotelsPage({ eventId }: PageProps) {
  return <PageHeader title="Hotels" help={`Conference ${eventId}`} />;
}
