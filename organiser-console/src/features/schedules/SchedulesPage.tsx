import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';

/** Scheduled reports. (Placeholder: built in its own change.) */
export default function SchedulesPage({ eventId }: PageProps) {
  return <PageHeader title="Scheduled reports" help={`Conference ${eventId}`} />;
}
