import type { ReactNode } from 'react';
import { Alert, Button, Empty, Result, Skeleton } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../api/http';

/** "Your role cannot do this": the answer to a 403, never a blank page. */
export function Forbidden({ message }: { message?: string }) {
  return (
    <Result
      status="403"
      title="Your role cannot do this"
      subTitle={message ?? 'Ask an administrator of this conference for access.'}
    />
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError && error.isForbidden) return <Forbidden message={error.message} />;
  const message = error instanceof Error ? error.message : 'Something went wrong';
  return (
    <Alert
      type="error"
      showIcon
      title="Could not load this"
      description={message}
      action={onRetry ? <Button onClick={onRetry}>Try again</Button> : undefined}
      role="alert"
    />
  );
}

/**
 * Loading, error and empty states of one query, the same on every page. Children render only with data; `isEmpty`
 * decides when the empty state shows instead.
 */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Skeleton active aria-busy="true" aria-label="Loading" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  if (isEmpty && isEmpty(query.data)) return <>{empty ?? <Empty />}</>;
  return <>{children(query.data)}</>;
}
