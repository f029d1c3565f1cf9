import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';

/** Exports. (Placeholder: built in its own change.) */
export default function ExportsPage({ eventId }: PageProps) {
  return <PageHeader title="Exports" help={`Conference ${eventId}`} />;
}
