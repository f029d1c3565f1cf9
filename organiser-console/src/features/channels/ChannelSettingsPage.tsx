import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';

/** Channel settings. (Placeholder: built in its own change.) */
export default function ChannelSettingsPage({ eventId }: PageProps) {
  return <PageHeader title="Channel settings" help={`Conference ${eventId}`} />;
}
