import { Alert } from 'antd';
import { formatDateTime } from '../../shared/dates';
import { describeTiming, type Schedule } from './api';

/** When a saved schedule runs next (as the API computed it), or that it is paused; the last failure if any. */
export function NextRunAlert({ schedule }: { schedule: Schedule }) {
  return (
    <Alert
      type={schedule.lastStatus === 'failed' ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      title={schedule.isActive ? `Next run: ${formatDateTime(schedule.nextRun, schedule.schedule.timezone)}` : 'Paused: it does not run until made active'}
      description={
        <>
          {describeTiming(schedule.schedule)}
          {schedule.lastError ? <div>Last failure: {schedule.lastError}</div> : null}
        </>
      }
      data-testid="next-run"
    />
  );
}
