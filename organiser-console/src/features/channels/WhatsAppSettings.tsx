import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { NotificationConfig } from './api';
import { SecretInput } from './SecretInput';
import { SettingsSection } from './SettingsSection';

/** WhatsApp: Meta's Cloud API (phone number id, access token) or Twilio's WhatsApp (the SMS Twilio account). */
export function WhatsAppSettings({ eventId, config, canWrite }: { eventId: string; config: NotificationConfig; canWrite: boolean }) {
  const w = config.whatsapp;
  return (
    <SettingsSection
      eventId={eventId}
      title="WhatsApp"
      canWrite={canWrite}
      channel="whatsapp"
      help="Business-initiated messages outside the 24-hour window need a template Meta approved (set on each WhatsApp template)."
      initialValues={{
        whatsapp: {
          enabled: w.enabled,
          provider: w.provider ?? 'cloud-api',
          phoneNumber: w.phoneNumber ?? '',
          phoneNumberId: w.phoneNumberId ?? '',
          businessApiUrl: w.businessApiUrl ?? '',
          apiKey: undefined,
          webhookVerifyToken: undefined,
          appSecret: undefined,
          rateLimit: w.rateLimit ?? undefined,
        },
      }}
      toBody={(values) => {
        // An empty URL means the default Graph API; the API refuses an empty string as a URL.
        const whatsapp = { ...values.whatsapp } as Record<string, unknown>;
        if (!whatsapp.businessApiUrl) delete whatsapp.businessApiUrl;
        return { whatsapp };
      }}
    >
      {() => (
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name={['whatsapp', 'enabled']} label="Send WhatsApp for this conference" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['whatsapp', 'provider']} label="Provider">
              <Select options={[{ value: 'cloud-api', label: 'WhatsApp Cloud API (Meta)' }, { value: 'twilio', label: 'Twilio WhatsApp' }]} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['whatsapp', 'rateLimit']} label="Rate limit (per minute)">
              <InputNumber min={1} max={100000} style={{ width: '100%' }} placeholder="service default" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['whatsapp', 'phoneNumber']} label="Business phone number">
              <Input maxLength={32} placeholder="+919812345678" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['whatsapp', 'phoneNumberId']} label="Phone number id (Cloud API)">
              <Input maxLength={64} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['whatsapp', 'businessApiUrl']} label="Graph API URL" rules={[{ type: 'url', message: 'Enter an http(s) URL' }]}>
              <Input maxLength={500} placeholder="https://graph.facebook.com/v21.0 (default)" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['whatsapp', 'apiKey']} label="Access token">
              <SecretInput stored={w.apiKey} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['whatsapp', 'webhookVerifyToken']} label="Webhook verify token">
              <SecretInput stored={w.webhookVerifyToken} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['whatsapp', 'appSecret']} label="App secret (webhook signatures)">
              <SecretInput stored={w.appSecret} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </SettingsSection>
  );
}
