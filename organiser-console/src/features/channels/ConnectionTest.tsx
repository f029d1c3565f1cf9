import { Alert, App, Button, Flex } from 'antd';
import { ApiOutlined } from '@ant-design/icons';
import { errorMessage } from '../../shared/forms';
import { useTestConnection, type ChannelKey } from './api';

const NAMES: Record<ChannelKey, string> = { email: 'SMTP', sms: 'SMS provider', whatsapp: 'WhatsApp' };

/** "Test connection" with its result under it; it tests what is saved, so it says so. */
export function ConnectionTest({ eventId, channel, dirty }: { eventId: string; channel: ChannelKey; dirty: boolean }) {
  const test = useTestConnection(eventId);
  const { message } = App.useApp();
  const result = test.data?.find((c) => c.channel === channel) ?? test.data?.[0];
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center" wrap>
        <Button
          icon={<ApiOutlined />}
          loading={test.isPending}
          onClick={() => test.mutate(channel, { onError: (error) => message.error(errorMessage(error)) })}
        >
          Test {NAMES[channel]} connection
        </Button>
        {dirty ? <span style={{ color: '#8c6d1f' }}>Save first: the test uses the saved settings.</span> : null}
      </Flex>
      {result && !test.isPending ? (
        <Alert
          role="status"
          type={result.success ? 'success' : 'error'}
          showIcon
          title={result.success ? `${NAMES[channel]} connection works` : `${NAMES[channel]} connection failed`}
          description={result.message}
        />
      ) : null}
    </Flex>
  );
}
