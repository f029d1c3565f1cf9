import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';

/** Templates. (Placeholder: built in its own change.) */
export default function TemplatesPage({ eventId }: PageProps) {
  return <PageHeader title="Templates" help={`Conference ${eventId}`} />;
}
