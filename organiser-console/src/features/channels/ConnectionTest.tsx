import { Alert, App, Button, Flex } from 'antd';
import { ApiOutlined } from '@ant-design/icons';
import { errorMessage } from '../../shared/forms';
import { useTestConnection, type ChannelKey, type ConnectionResult } from './api';

const NAMES: Record<ChannelKey, string> = { email: 'SMTP', sms: 'SMS provider', whatsapp: 'WhatsApp' };

/** What each failure class means to an organiser. */
const FAILURES: Record<Exclude<ConnectionResult, 'ok'>, string> = {
  'auth-failed': 'the user name, password or token was refused',
  unreachable: 'the server could not be reached',
  timeout: 'the server did not answer in time',
  tls: 'the secure connection could not be set up',
  refused: 'the server refused the connection',
  rejected: 'the provider rejected the request',
  'not-allowed': 'this address is not allowed (internal network)',
  'not-configured': 'nothing is configured yet',
  'not-supported': 'this provider offers no test that sends nothing; send a test message instead',
  failed: 'an unexpected error',
};

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
          type={result.success ? 'success' : result.result === 'not-supported' ? 'info' : 'error'}
          showIcon
          title={
            result.success
              ? `${NAMES[channel]} connection works`
              : result.result === 'not-supported'
                ? `${NAMES[channel]} connection not tested: ${FAILURES['not-supported']}`
                : result.result && result.result !== 'ok'
                ? `${NAMES[channel]} connection failed: ${FAILURES[result.result]}`
                : `${NAMES[channel]} connection failed`
          }
          description={result.message}
        />
      ) : null}
    </Flex>
  );
}
