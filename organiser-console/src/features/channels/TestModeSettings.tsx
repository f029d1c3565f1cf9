import { Alert, Col, Form, Input, Row, Switch } from 'antd';
import type { NotificationConfig } from './api';
import { SettingsSection } from './SettingsSection';

/** Test mode diverts every send of the conference to the test recipients; they are also where test sends go. */
export function TestModeSettings({ eventId, config, canWrite }: { eventId: string; config: NotificationConfig; canWrite: boolean }) {
  return (
    <SettingsSection
      eventId={eventId}
      title="Test mode and test recipients"
      canWrite={canWrite}
      help="In test mode every message of this conference goes to the test recipients instead (the log keeps the real recipient). Template test sends without an address go there too."
      initialValues={{ testMode: config.testMode, testRecipients: { email: config.testRecipients?.email ?? '', phone: config.testRecipients?.phone ?? '' } }}
    >
      {() => (
        <>
          {config.testMode ? (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="Test mode is on: registrants receive nothing; every message goes to the test recipients." />
          ) : null}
          <Form.Item name="testMode" label="Test mode" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name={['testRecipients', 'email']} label="Test e-mail address" rules={[{ type: 'email', message: 'Enter a valid e-mail address' }]}>
                <Input type="email" maxLength={320} placeholder="qa@example.org" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['testRecipients', 'phone']} label="Test phone (SMS and WhatsApp)">
                <Input type="tel" maxLength={32} placeholder="+919812345678" />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
    </SettingsSection>
  );
}
