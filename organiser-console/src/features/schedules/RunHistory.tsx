import { Table, Typography } from 'antd';
import { dayjs } from '../../shared/dates';
import { QueryState } from '../../shared/PageStates';
import { DownloadButton, StatusTag } from '../exports/JobStatus';
import { useJob } from '../exports/api';
import { useRuns, type ScheduleRun } from './api';

function RunFile({ jobId }: { jobId: string }) {
  const job = useJob(jobId);
  return job.data ? <DownloadButton job={job.data} /> : null;
}

/** The export job holding a run's file: its `jobId`, or the job a download delivery kept (`history:<jobId>`). */
export function runJobId(run: ScheduleRun): string | undefined {
  if (run.jobId) return run.jobId;
  return run.deliveredTo?.startsWith('history:') ? run.deliveredTo.slice('history:'.length) : undefined;
}

/** The runs of one schedule, newest first, failures with their reason. */
export function RunHistory({ scheduleId, zone }: { scheduleId: string; zone: string }) {
  const runs = useRuns(scheduleId);
  // The zone is named once, in the column titles, so the table fits a drawer.
  const time = (v: string | null) => (v ? dayjs(v).tz(zone).format('D MMM YYYY, HH:mm') : '—');
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
            { title: `Planned for (${zone})`, dataIndex: 'occurrence', render: time },
            { title: 'Status', dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
            { title: `Finished (${zone})`, dataIndex: 'completedAt', render: time },
            {
              title: 'Result',
              key: 'result',
              render: (_, run) =>
                run.status === 'failed' ? (
                  <Typography.Text type="danger">{run.error ?? 'Failed'}</Typography.Text>
                ) : (
                  run.deliveredTo?.startsWith('history:') ? 'Kept for download' : (run.deliveredTo ?? '')
                ),
            },
            { title: 'File', key: 'file', render: (_, run) => {
                const jobId = runJobId(run);
                return jobId ? <RunFile jobId={jobId} /> : null;
              },
            },
          ]}
        />
      )}
    </QueryState>
  );
}
