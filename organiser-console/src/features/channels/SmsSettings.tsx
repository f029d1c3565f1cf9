import { Alert, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { NotificationConfig } from './api';
import { SecretInput } from './SecretInput';
import { SettingsSection } from './SettingsSection';

const PROVIDERS = [
  { value: 'twilio', label: 'Twilio' },
  { value: 'aws-sns', label: 'AWS SNS' },
  { value: 'textlocal', label: 'Textlocal' },
  { value: 'msg91', label: 'MSG91' },
  { value: 'other', label: 'Other (HTTP webhook)' },
];

/** SMS: the provider and its credentials (the PUT's `sms.config` writes the chosen provider's). */
export function SmsSettings({ eventId, config, canWrite }: { eventId: string; config: NotificationConfig; canWrite: boolean }) {
  const sms = config.sms;
  const provider = sms.provider || 'twilio';
  const stored = sms.providers?.[provider] ?? {};
  return (
    <SettingsSection
      eventId={eventId}
      title="SMS"
      canWrite={canWrite}
      channel="sms"
      help="Text messages go through the provider chosen here, and only through it. Credentials are stored encrypted and never shown again."
      initialValues={{
        sms: {
          enabled: sms.enabled,
          provider,
          rateLimit: sms.rateLimit ?? undefined,
          config: {
            accountSid: stored.accountSid ?? '',
            authToken: undefined,
            fromNumber: stored.fromNumber ?? '',
            messagingServiceSid: stored.messagingServiceSid ?? '',
            apiKey: undefined,
            username: stored.username ?? '',
            sender: stored.sender ?? '',
            senderId: stored.senderId ?? '',
            route: stored.route ?? undefined,
            accessKeyId: stored.accessKeyId ?? '',
            secretAccessKey: undefined,
            region: stored.region ?? '',
            templateId: stored.templateId ?? '',
            url: stored.url ?? undefined,
          },
        },
      }}
    >
      {() => (
        <>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name={['sms', 'enabled']} label="Send SMS for this conference" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['sms', 'provider']} label="Provider">
                <Select options={PROVIDERS} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['sms', 'rateLimit']} label="Rate limit (per minute)">
                <InputNumber min={1} max={100000} style={{ width: '100%' }} placeholder="service default" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item noStyle shouldUpdate={(a, b) => a.sms?.provider !== b.sms?.provider}>
            {({ getFieldValue }) => <ProviderFields provider={getFieldValue(['sms', 'provider'])} stored={stored} same={getFieldValue(['sms', 'provider']) === provider} />}
          </Form.Item>
        </>
      )}
    </SettingsSection>
  );
}

function ProviderFields({ provider, stored, same }: { provider: string; stored: NotificationConfig['sms']['providers'][string]; same: boolean }) {
  const secret = (value?: string | null) => (same ? value : undefined);
  if (provider === 'twilio') {
    return (
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name={['sms', 'config', 'accountSid']} label="Account SID">
            <Input maxLength={64} placeholder="AC…" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['sms', 'config', 'authToken']} label="Auth token">
            <SecretInput stored={secret(stored.authToken)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['sms', 'config', 'fromNumber']} label="From number">
            <Input maxLength={32} placeholder="+15550001" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['sms', 'config', 'messagingServiceSid']} label="Messaging service SID (optional)">
            <Input maxLength={64} placeholder="MG…" />
          </Form.Item>
        </Col>
      </Row>
    );
  }
  if (provider === 'aws-sns') {
    return (
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name={['sms', 'config', 'accessKeyId']} label="Access key id">
            <Input maxLength={128} placeholder="AKIA…" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['sms', 'config', 'secretAccessKey']} label="Secret access key">
            <SecretInput stored={secret(stored.secretAccessKey)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['sms', 'config', 'region']} label="Region">
            <Input maxLength={32} placeholder="eu-west-1" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['sms', 'config', 'senderId']} label="Sender id (optional)">
            <Input maxLength={32} />
          </Form.Item>
        </Col>
      </Row>
    );
  }
  if (provider === 'other') {
    return (
      <>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Each message is POSTed as JSON {to, from, message, eventId, notificationId} to this URL; any 2xx answer counts as accepted."
        />
        <Row gutter={12}>
          <Col xs={24}>
            <Form.Item name={['sms', 'config', 'url']} label="Webhook URL">
              <Input maxLength={500} placeholder="https://sms.example.org/send" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['sms', 'config', 'fromNumber']} label="From (optional)">
              <Input maxLength={32} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['sms', 'config', 'username']} label="Basic user (optional)">
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['sms', 'config', 'apiKey']} label="Bearer token or basic password">
              <SecretInput stored={secret(stored.apiKey)} />
            </Form.Item>
          </Col>
        </Row>
      </>
    );
  }
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name={['sms', 'config', 'apiKey']} label={provider === 'msg91' ? 'Auth key' : 'API key'}>
            <SecretInput stored={secret(stored.apiKey)} />
          </Form.Item>
        </Col>
        {provider === 'textlocal' ? (
          <>
            <Col xs={24} md={12}>
              <Form.Item name={['sms', 'config', 'username']} label="Username">
                <Input maxLength={200} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['sms', 'config', 'sender']} label="Sender">
                <Input maxLength={32} />
              </Form.Item>
            </Col>
          </>
        ) : (
          <>
            <Col xs={24} md={12}>
              <Form.Item
                name={['sms', 'config', 'templateId']}
                label="Flow template id"
                extra="The MSG91 flow must carry the text in its ##message## variable."
              >
                <Input maxLength={64} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['sms', 'config', 'senderId']} label="Sender id">
                <Input maxLength={32} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['sms', 'config', 'route']} label="Route">
                <Select allowClear options={[{ value: '1', label: '1 (promotional)' }, { value: '4', label: '4 (transactional)' }]} />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
    </>
  );
}
