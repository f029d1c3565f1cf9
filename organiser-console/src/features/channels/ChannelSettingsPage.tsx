import { Space, Tabs } from 'antd';
import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/PageStates';
import { useUrlState } from '../../shared/useUrlState';
import { useConferenceZone } from '../../shared/conference';
import { formatDateTime } from '../../shared/dates';
import { useCanWrite } from '../../api/ConsoleContext';
import { useChannelConfig } from './api';
import { EmailSettings } from './EmailSettings';
import { SmsSettings } from './SmsSettings';
import { WhatsAppSettings } from './WhatsAppSettings';
import { TestModeSettings } from './TestModeSettings';

/** A section's form remounts (fresh values, secret fields empty) only when its own part of the configuration changed. */
const version = (part: unknown) => JSON.stringify(part ?? null);

/**
 * Channel settings of one conference (`notification-config`): e-mail sender and SMTP, SMS, WhatsApp, test mode and
 * test recipients. Secrets are write-only; each channel has its connection test. The open tab is `?tab=`.
 */
export default function ChannelSettingsPage({ eventId }: PageProps) {
  const canWrite = useCanWrite();
  const zone = useConferenceZone(eventId);
  const config = useChannelConfig(eventId);
  const [state, setState] = useUrlState({ tab: 'email' });

  return (
    <>
      <PageHeader
        title="Channel settings"
        help={
          config.data?.updatedAt
            ? `How this conference's messages are sent. Last changed ${formatDateTime(config.data.updatedAt, zone)}.`
            : "How this conference's messages are sent."
        }
      />
      <QueryState query={config}>
        {(data) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <TestModeSettings key={`test-${version([data.testMode, data.testRecipients])}`} eventId={eventId} config={data} canWrite={canWrite} />
            <Tabs
              activeKey={state.tab}
              onChange={(tab) => setState({ tab })}
              items={[
                { key: 'email', label: 'E-mail', children: <EmailSettings key={`email-${version(data.email)}`} eventId={eventId} config={data} canWrite={canWrite} /> },
                { key: 'sms', label: 'SMS', children: <SmsSettings key={`sms-${version(data.sms)}`} eventId={eventId} config={data} canWrite={canWrite} /> },
                { key: 'whatsapp', label: 'WhatsApp', children: <WhatsAppSettings key={`wa-${version(data.whatsapp)}`} eventId={eventId} config={data} canWrite={canWrite} /> },
              ]}
            />
          </Space>
        )}
      </QueryState>
    </>
  );
}
