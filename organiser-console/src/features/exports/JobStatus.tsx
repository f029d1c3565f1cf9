import { App, Badge, Button, Card, Flex, Progress, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../shared/dates';
import { errorMessage } from '../../shared/forms';
import { ErrorState } from '../../shared/PageStates';
import { formatBytes, isRunning, useDownloadJob, useJob, type ExportJob } from './api';

const BADGES: Record<string, 'default' | 'processing' | 'success' | 'error' | 'warning'> = {
  pending: 'default',
  claimed: 'default',
  processing: 'processing',
  exporting: 'processing',
  completed: 'success',
  delivered: 'success',
  success: 'success',
  failed: 'error',
  expired: 'warning',
};

/** A job's or run's status as a coloured dot and plain text (coloured tag text fails AA contrast). */
export function StatusTag({ status }: { status: string }) {
  return <Badge status={BADGES[status] ?? 'default'} text={status} />;
}

export function DownloadButton({ job, label = 'Download' }: { job: ExportJob; label?: string }) {
  const download = useDownloadJob();
  const { message } = App.useApp();
  return (
    <Button
      icon={<DownloadOutlined />}
      disabled={job.status !== 'completed' || !!job.expired}
      aria-label={`${label} ${job.fileName ?? job.name ?? ''}`.trim()}
      onClick={() => download(job).catch((error) => message.error(errorMessage(error)))}
    >
      {label}
    </Button>
  );
}

/** The job just started: live progress while it runs (polled), then its file. */
export function JobStatus({ jobId, zone, onClose }: { jobId: string; zone: string; onClose: () => void }) {
  const job = useJob(jobId);
  if (job.isError) return <ErrorState error={job.error} onRetry={() => job.refetch()} />;
  const data = job.data;
  return (
    <Card
      size="small"
      title={data ? `Export: ${data.name ?? data.dataType}` : 'Export'}
      extra={<Button type="text" onClick={onClose} aria-label="Close export progress">Close</Button>}
      style={{ marginBottom: 16 }}
      data-testid="export-job"
    >
      {data ? (
        <Flex vertical gap={8}>
          <Flex wrap gap={8} align="center">
            <StatusTag status={data.status} />
            <Typography.Text type="secondary">
              {data.recordCount ?? 0}
              {data.totalRecords != null ? ` of ${data.totalRecords}` : ''} rows · {formatBytes(data.fileSize)} · started{' '}
              {formatDateTime(data.createdAt, zone)}
            </Typography.Text>
          </Flex>
          <Progress
            percent={data.status === 'completed' ? 100 : (data.progress ?? 0)}
            status={data.status === 'failed' ? 'exception' : isRunning(data) ? 'active' : 'success'}
            aria-label="Export progress"
          />
          {data.status === 'failed' ? <Typography.Text type="danger">{data.errorMessage}</Typography.Text> : null}
          {data.status === 'completed' ? (
            <div>
              <DownloadButton job={data} label="Download file" />
            </div>
          ) : null}
        </Flex>
      ) : (
        <Progress percent={0} status="active" aria-label="Export progress" />
      )}
    </Card>
  );
}
