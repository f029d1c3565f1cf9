import { Alert, App, Button, Descriptions, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../shared/dates';
import { errorMessage } from '../../shared/forms';
import { STATUS_COLOR, useResend, type Attempt, type Notification } from './api';
import { recipientOf } from './DeliveriesTable';
import { FocusableScroll } from './FocusableScroll';

/** What was sent, exactly as rendered when it was recorded: the HTML in a sandbox (no script, no network). */
function RenderedContent({ notification }: { notification: Notification }) {
  const content = notification.content;
  if (!content) return <Typography.Text type="secondary">No content was rendered ({notification.errorMessage ?? 'not sent'}).</Typography.Text>;
  const tabs = [];
  if (content.html) {
    tabs.push({
      key: 'html',
      label: 'HTML',
      children: (
        <iframe
          title="Rendered HTML of the message"
          sandbox=""
          srcDoc={content.html}
          style={{ width: '100%', minHeight: 320, border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}
        />
      ),
    });
  }
  if (content.body) {
    tabs.push({
      key: 'text',
      label: 'Text',
      children: <pre style={{ whiteSpace: 'pre-wrap', margin: 0, fontFamily: 'inherit' }}>{content.body}</pre>,
    });
  }
  if (content.whatsappTemplate) {
    tabs.push({
      key: 'whatsapp',
      label: 'WhatsApp template',
      children: (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="Approved template">{content.whatsappTemplate.name}</Descriptions.Item>
          <Descriptions.Item label="Language">{content.whatsappTemplate.language ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Parameters">{(content.whatsappTemplate.parameters ?? []).join(' · ') || '—'}</Descriptions.Item>
        </Descriptions>
      ),
    });
  }
  return (
    <>
      {content.subject ? (
        <Typography.Paragraph>
          <Typography.Text type="secondary">Subject: </Typography.Text>
          <Typography.Text strong>{content.subject}</Typography.Text>
        </Typography.Paragraph>
      ) : null}
      <Tabs items={tabs} destroyOnHidden />
    </>
  );
}

function Attempts({ attempts, zone }: { attempts: Attempt[]; zone: string }) {
  return (
    <FocusableScroll label="Attempts">
    <Table<Attempt>
      rowKey="number"
      size="small"
      pagination={false}
      dataSource={attempts}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: 'No attempt yet' }}
      columns={[
        { title: '#', dataIndex: 'number' },
        { title: `At (${zone})`, dataIndex: 'at', render: (iso: string) => formatDateTime(iso, zone).replace(` (${zone})`, '') },
        { title: 'Outcome', dataIndex: 'outcome', render: (o: string) => <Tag color={o === 'sent' ? STATUS_COLOR.sent : o === 'retry' ? STATUS_COLOR.cancelled : STATUS_COLOR.failed}>{o}</Tag> },
        { title: 'Provider error', key: 'error', render: (_, a) => [a.errorCode, a.errorMessage].filter(Boolean).join(': ') || '—' },
        { title: 'Provider id', dataIndex: 'providerMessageId', render: (v?: string) => v || '—' },
        { title: 'ms', dataIndex: 'durationMs', render: (v?: number) => v ?? '—' },
      ]}
    />
    </FocusableScroll>
  );
}

/** The drawer of one message: who, what, each attempt and the provider's errors; resend when it failed. */
export function DeliveryDetail({
  eventId,
  notification,
  zone,
  canWrite,
  triggerName,
}: {
  eventId: string;
  notification: Notification;
  zone: string;
  canWrite: boolean;
  triggerName?: string;
}) {
  const { message } = App.useApp();
  const resend = useResend(eventId);
  const n = notification;
  return (
    <Flex vertical gap={16}>
      {n.status === 'failed' || n.status === 'skipped' ? (
        <Alert
          type={n.status === 'failed' ? 'error' : 'info'}
          showIcon
          title={n.status === 'failed' ? 'Not delivered' : 'Skipped'}
          description={[n.errorCode, n.errorMessage].filter(Boolean).join(': ')}
          action={
            n.status === 'failed' && canWrite ? (
              <Button
                icon={<RedoOutlined />}
                loading={resend.isPending}
                onClick={() =>
                  resend.mutate(n._id, {
                    onSuccess: () => message.success('Queued again; the log shows the new attempt'),
                    onError: (error) => message.error(errorMessage(error)),
                  })
                }
              >
                Resend
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="Status">
          <Tag color={STATUS_COLOR[n.status]}>{n.status}</Tag>
          {n.deliveryStatus ? <Tag>{n.deliveryStatus}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label="Channel">{n.channel}</Descriptions.Item>
        <Descriptions.Item label="Recipient">{recipientOf(n)}</Descriptions.Item>
        <Descriptions.Item label="Registration">{n.registrationId || '—'}</Descriptions.Item>
        <Descriptions.Item label="Recorded">{formatDateTime(n.createdAt, zone)}</Descriptions.Item>
        <Descriptions.Item label="Sent">{formatDateTime(n.sentAt, zone)}</Descriptions.Item>
        <Descriptions.Item label="Cause">{[n.source, triggerName].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
        <Descriptions.Item label="Provider id">{n.providerMessageId || '—'}</Descriptions.Item>
        {n.testMode ? (
          <Descriptions.Item label="Test mode">Diverted from {n.originalRecipient ? recipientOf({ ...n, recipient: n.originalRecipient }) : '—'}</Descriptions.Item>
        ) : null}
      </Descriptions>
      <section aria-labelledby="delivery-content">
        <Typography.Title level={3} id="delivery-content" style={{ fontSize: 16 }}>
          Rendered content
        </Typography.Title>
        <RenderedContent notification={n} />
      </section>
      <section aria-labelledby="delivery-attempts">
        <Typography.Title level={3} id="delivery-attempts" style={{ fontSize: 16 }}>
          Attempts ({n.attempts.length})
        </Typography.Title>
        <Attempts attempts={n.attempts} zone={zone} />
      </section>
    </Flex>
  );
}
