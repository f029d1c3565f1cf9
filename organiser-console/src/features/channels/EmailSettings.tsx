import { Col, Form, Input, InputNumber, Row, Switch } from 'antd';
import type { NotificationConfig } from './api';
import { SecretInput } from './SecretInput';
import { SettingsSection } from './SettingsSection';

/** E-mail: sender, reply-to, footer and this conference's own SMTP server (empty host: the suite's global SMTP). */
export function EmailSettings({ eventId, config, canWrite }: { eventId: string; config: NotificationConfig; canWrite: boolean }) {
  const email = config.email;
  const smtp = email.smtp;
  return (
    <SettingsSection
      eventId={eventId}
      title="E-mail"
      canWrite={canWrite}
      channel="email"
      help="Who e-mails come from, and the SMTP server that sends them. Leave the host empty to use the suite's own SMTP server."
      initialValues={{
        email: {
          enabled: email.enabled,
          sender: { name: email.sender?.name ?? '', email: email.sender?.email ?? '' },
          replyTo: email.replyTo ?? '',
          footerText: email.footerText ?? '',
          smtp: { host: smtp?.host ?? '', port: smtp?.port ?? undefined, secure: smtp?.secure ?? false, startTls: smtp?.startTls ?? true, username: smtp?.username ?? '', password: undefined },
        },
      }}
    >
      {() => (
        <>
          <Form.Item name={['email', 'enabled']} label="Send e-mail for this conference" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name={['email', 'sender', 'name']} label="Sender name">
                <Input maxLength={200} placeholder="Indian Cardiology Congress" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['email', 'sender', 'email']} label="Sender address" rules={[{ type: 'email', message: 'Enter a valid e-mail address' }]}>
                <Input type="email" maxLength={320} placeholder="congress@example.org" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['email', 'replyTo']} label="Reply-to address" rules={[{ type: 'email', message: 'Enter a valid e-mail address' }]}>
                <Input type="email" maxLength={320} placeholder="help@example.org" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name={['email', 'footerText']} label="Footer text">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name={['email', 'smtp', 'host']} label="SMTP host">
                <Input maxLength={255} placeholder="smtp.example.org (empty: the suite's server)" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['email', 'smtp', 'port']} label="Port">
                <InputNumber min={1} max={65535} style={{ width: '100%' }} placeholder="587" />
              </Form.Item>
            </Col>
            <Col xs={12} md={3}>
              <Form.Item name={['email', 'smtp', 'secure']} label="SMTPS" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={12} md={3}>
              <Form.Item name={['email', 'smtp', 'startTls']} label="STARTTLS" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['email', 'smtp', 'username']} label="SMTP username">
                <Input maxLength={320} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['email', 'smtp', 'password']} label="SMTP password">
                <SecretInput stored={smtp?.password} />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
    </SettingsSection>
  );
}
