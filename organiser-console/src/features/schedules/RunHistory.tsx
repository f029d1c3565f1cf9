import { Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../shared/dates';
import { QueryState } from '../../shared/PageStates';
import { DownloadButton } from '../exports/JobStatus';
import { useJob } from '../exports/api';
import { useRuns, type ScheduleRun } from './api';

const COLORS: Record<string, string> = { claimed: 'default', exporting: 'processing', delivered: 'success', failed: 'error' };

function RunFile({ jobId }: { jobId: string }) {
  const job = useJob(jobId);
  return job.data ? <DownloadButton job={job.data} /> : null;
}

/** The runs of one schedule, newest first, failures with their reason. */
export function RunHistory({ scheduleId, zone }: { scheduleId: string; zone: string }) {
  const runs = useRuns(scheduleId);
  return (
    <QueryState query={runs}>
      {(list) => (
        <Table<ScheduleRun>
          rowKey="_id"
          size="small"
          dataSource={list}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: 'Not run yet' }}
          columns={[
            { title: 'Planned for', dataIndex: 'occurrence', render: (v: string) => formatDateTime(v, zone) },
            { title: 'Status', dataIndex: 'status', render: (s: string) => <Tag color={COLORS[s]}>{s}</Tag> },
            { title: 'Finished', dataIndex: 'completedAt', render: (v: string | null) => formatDateTime(v, zone) },
            {
              title: 'Result',
              key: 'result',
              render: (_, run) =>
                run.status === 'failed' ? (
                  <Typography.Text type="danger">{run.error ?? 'Failed'}</Typography.Text>
                ) : (
                  (run.deliveredTo ?? '')
                ),
            },
            { title: 'File', key: 'file', render: (_, run) => (run.jobId ? <RunFile jobId={run.jobId} /> : null) },
          ]}
        />
      )}
    </QueryState>
  );
}
