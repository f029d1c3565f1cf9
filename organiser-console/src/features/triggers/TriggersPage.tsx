import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';

/** Triggers. (Placeholder: built in its own change.) */
export default function TriggersPage({ eventId }: PageProps) {
  return <PageHeader title="Triggers" help={`Conference ${eventId}`} />;
}
