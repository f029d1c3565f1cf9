import { Card, Flex, Progress as Bar, Tag, Typography } from 'antd';
import { formatDateTime } from '../../shared/dates';
import { STATUS_COLOR, STATUSES, type Progress } from './api';

const SOURCE_LABEL: Record<string, string> = { manual: 'Manual trigger', send: 'Bulk send', scheduled: 'Scheduled trigger' };

/** One bulk send: how many of its messages are out, by status; live while anything is pending. */
export function BulkProgressCard({ progress, zone, title }: { progress: Progress; zone: string; title?: string }) {
  const percent = progress.total ? Math.floor((progress.done / progress.total) * 100) : 0;
  const heading = title ?? `${SOURCE_LABEL[progress.source] ?? 'Send'} started ${formatDateTime(progress.startedAt, zone)}`;
  return (
    <Card size="small" aria-label={heading} style={{ marginBottom: 12 }}>
      <Flex vertical gap={6}>
        <Flex wrap justify="space-between" gap={8}>
          <Typography.Text strong>{heading}</Typography.Text>
          <Typography.Text type="secondary" aria-live="polite">
            {progress.finished
              ? `Finished: ${progress.done} of ${progress.total} processed`
              : `Sending: ${progress.done} of ${progress.total} processed`}
          </Typography.Text>
        </Flex>
        <Bar
          percent={percent}
          status={progress.finished ? (progress.byStatus.failed ? 'exception' : 'success') : 'active'}
          aria-label={`${percent}% processed`}
        />
        <Flex wrap gap={4}>
          {STATUSES.filter((s) => progress.byStatus[s]).map((s) => (
            <Tag key={s} color={STATUS_COLOR[s]}>
              {s}: {progress.byStatus[s]}
            </Tag>
          ))}
        </Flex>
      </Flex>
    </Card>
  );
}

/** Every running bulk send of the conference (nothing when none runs). */
export function RunningSends({ progress, zone }: { progress: Progress[]; zone: string }) {
  const running = progress.filter((p) => !p.finished);
  if (running.length === 0) return null;
  return (
    <section aria-label="Running bulk sends">
      {running.map((p) => (
        <BulkProgressCard key={p.batchId} progress={p} zone={zone} />
      ))}
    </section>
  );
}
