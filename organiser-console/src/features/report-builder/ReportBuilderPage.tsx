import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';

/** Report builder. (Placeholder: built in its own change.) */
export default function ReportBuilderPage({ eventId }: PageProps) {
  return <PageHeader title="Report builder" help={`Conference ${eventId}`} />;
}
