import { Badge } from 'antd';
import { STATUS_BADGE, STATUS_LABEL, type BookingStatus } from './lifecycle';

/** A booking's status as a dot and its name. */
export function StatusBadge({ status, testId }: { status: BookingStatus; testId?: string }) {
  return <Badge status={STATUS_BADGE[status] ?? 'default'} text={<span data-testid={testId}>{STATUS_LABEL[status] ?? status}</span>} />;
}
