import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Descriptions, Flex, Input, Modal, Radio, Select, Skeleton, Statistic, Table, Typography } from 'antd';
import { useConsole } from '../../api/ConsoleContext';
import { errorMessage } from '../../shared/forms';
import { useProgress } from '../deliveries/api';
import { BulkProgressCard } from '../deliveries/BulkProgress';
import { channelLabel, formatEta, useAudience, useRunTrigger, type Audience, type RecipientFilter, type Trigger } from './api';

function AudienceSummary({ audience }: { audience: Audience }) {
  return (
    <>
      <Flex wrap gap={32} style={{ margin: '8px 0 12px' }}>
        <Statistic title="Registrations" value={audience.registrations} />
        <Statistic title="Messages" value={audience.notifications} />
        <Statistic title="Takes" value={formatEta(audience.etaSeconds)} />
      </Flex>
      <Table
        rowKey="channel"
        size="small"
        pagination={false}
        dataSource={audience.channels}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: 'Channel', dataIndex: 'channel', render: channelLabel },
          { title: 'Messages', dataIndex: 'notifications' },
          { title: 'No address (skipped)', dataIndex: 'withoutAddress' },
          { title: 'Already queued', dataIndex: 'queuedAhead' },
          { title: 'Pace', dataIndex: 'ratePerSecond', render: (r: number) => `${r}/s` },
          { title: 'Done in', dataIndex: 'etaSeconds', render: formatEta },
        ]}
      />
    </>
  );
}

/**
 * Runs a manual trigger in two steps: the audience and how long the channels' pacing needs (a dry run), then, once
 * confirmed, the send with its live progress.
 */
export function ManualRunModal({ eventId, trigger, zone, onClose }: { eventId: string; trigger: Trigger; zone: string; onClose: () => void }) {
  const { message } = App.useApp();
  const { linkTo } = useConsole();
  const [scope, setScope] = useState<'all' | 'filter'>('all');
  const [filter, setFilter] = useState<RecipientFilter>({});
  const [batchId, setBatchId] = useState<string>();
  const audience = useAudience(eventId);
  const run = useRunTrigger(eventId);
  const progress = useProgress(eventId, batchId, !!batchId);
  const effective = scope === 'all' ? {} : filter;
  const key = JSON.stringify(effective);

  useEffect(() => {
    if (!batchId) audience.mutate({ id: trigger._id, filter: JSON.parse(key) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, trigger._id]);

  const confirm = () =>
    run.mutate(
      { id: trigger._id, filter: effective },
      {
        onSuccess: (answer) => {
          setBatchId(answer.batchId);
          message.success(`${answer.queued} message(s) queued`);
        },
        onError: (error) => message.error(errorMessage(error)),
      },
    );

  const sendable = audience.data ? audience.data.notifications : 0;
  return (
    <Modal
      open
      title={`Run “${trigger.name}”`}
      onCancel={onClose}
      width={720}
      okText={batchId ? 'Close' : `Send ${sendable} message${sendable === 1 ? '' : 's'}`}
      onOk={batchId ? onClose : confirm}
      okButtonProps={{ disabled: !batchId && (!audience.data || sendable === 0), loading: run.isPending }}
      cancelButtonProps={{ style: batchId ? { display: 'none' } : undefined }}
      destroyOnHidden
    >
      {batchId ? (
        <>
          {progress.data?.[0] ? (
            <BulkProgressCard progress={progress.data[0]} zone={zone} title="Sending" />
          ) : (
            <Skeleton active />
          )}
          {linkTo ? (
            <Link to={linkTo(eventId, `deliveries?batch=${encodeURIComponent(batchId)}`)}>See these messages in the delivery log</Link>
          ) : null}
        </>
      ) : (
        <>
          <Radio.Group
            value={scope}
            onChange={(e) => setScope(e.target.value)}
            aria-label="Who receives it"
            options={[
              { value: 'all', label: 'Every active registration' },
              { value: 'filter', label: 'Only some' },
            ]}
          />
          {scope === 'filter' ? (
            <Flex wrap gap={8} style={{ marginTop: 12 }}>
              <Input
                aria-label="Category"
                placeholder="Category (name or id)"
                defaultValue={filter.category}
                onBlur={(e) => setFilter({ ...filter, category: e.target.value.trim() || undefined })}
                style={{ flex: '1 1 180px' }}
              />
              <Select
                aria-label="Payment status"
                placeholder="Any payment status"
                allowClear
                value={filter.paymentStatus}
                onChange={(paymentStatus) => setFilter({ ...filter, paymentStatus })}
                options={['pending', 'paid', 'failed'].map((v) => ({ value: v, label: v }))}
                style={{ flex: '0 1 180px' }}
              />
              <Input
                aria-label="Search registrations"
                placeholder="Name, e-mail or id"
                defaultValue={filter.search}
                onBlur={(e) => setFilter({ ...filter, search: e.target.value.trim() || undefined })}
                style={{ flex: '1 1 180px' }}
              />
            </Flex>
          ) : null}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            The trigger's conditions are checked on each registration. Nothing is sent until you confirm.
          </Typography.Paragraph>
          {audience.isPending ? <Skeleton active /> : null}
          {audience.isError ? <Alert type="error" showIcon title="Could not count the audience" description={errorMessage(audience.error)} /> : null}
          {audience.data ? <AudienceSummary audience={audience.data} /> : null}
          {audience.data && sendable === 0 ? (
            <Descriptions size="small">
              <Descriptions.Item label="Nobody">No registration matches; change the audience.</Descriptions.Item>
            </Descriptions>
          ) : null}
        </>
      )}
    </Modal>
  );
}
