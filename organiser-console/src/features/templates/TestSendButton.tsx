import { useState } from 'react';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { errorMessage } from '../../shared/forms';
import { ApiError } from '../../api/http';
import { useTestSend, type Channel } from './api';

/**
 * Sends the saved template once through its real channel (`POST {id}/test`), to the address given or, when empty, to
 * the conference's test recipients (Channel settings).
 */
export function TestSendButton({
  eventId,
  templateId,
  channel,
  data,
  disabled,
}: {
  eventId: string;
  templateId: string;
  channel: Channel;
  data?: Record<string, string>;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ address?: string }>();
  const send = useTestSend(eventId);
  const { message } = App.useApp();
  const isEmail = channel === 'email';

  const submit = async ({ address }: { address?: string }) => {
    const value = address?.trim() || undefined;
    try {
      const result = await send.mutateAsync({ id: templateId, ...(isEmail ? { email: value } : { phone: value }), data });
      message.success(`Test message queued to ${result?.recipient ?? value ?? 'the test recipient'}`);
      setOpen(false);
    } catch (error) {
      // The API names the address `email` or `phone`; the form has one field for either.
      const onAddress = error instanceof ApiError ? error.fieldErrors.find((f) => f.field === 'email' || f.field === 'phone') : undefined;
      if (onAddress) form.setFields([{ name: 'address', errors: [onAddress.message] }]);
      else message.error(errorMessage(error));
    }
  };

  return (
    <>
      <Button icon={<SendOutlined />} disabled={disabled} onClick={() => setOpen(true)}>
        Test send
      </Button>
      <Modal
        open={open}
        title="Send a test message"
        okText="Send test"
        onOk={() => form.submit()}
        confirmLoading={send.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          The saved version of the template is sent once through the real {isEmail ? 'e-mail' : channel === 'sms' ? 'SMS' : 'WhatsApp'} channel
          {data && Object.keys(data).length ? ', with the chosen preview registration’s name and id' : ', with sample values'}. Leave the
          address empty to use the test recipients of Channel settings.
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item
            name="address"
            label={isEmail ? 'E-mail address' : 'Phone number (E.164, e.g. +919812345678)'}
            rules={isEmail ? [{ type: 'email', message: 'Enter a valid e-mail address' }] : []}
          >
            <Input type={isEmail ? 'email' : 'tel'} autoComplete="off" placeholder={isEmail ? 'you@example.org' : '+91…'} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
