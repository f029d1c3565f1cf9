import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Card, Empty, Input, List, Pagination, Typography } from 'antd';
import { useApi } from '../api/ConsoleContext';
import type { Conference } from '../shared/conference';
import { QueryState } from '../shared/PageStates';
import { PageHeader } from '../shared/PageHeader';
import { useUrlState } from '../shared/useUrlState';
import { formatDayInZone } from '../shared/dates';

/** The conferences the services know (reporting's read model of event-created/updated), to pick one. */
export function ConferencesPage() {
  const api = useApi();
  const [filters, setFilters] = useUrlState({ search: '', page: '1' });
  const query = useQuery({
    queryKey: ['conferences', filters],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.page<Conference>('/reports/conferences', { search: filters.search, page: filters.page, limit: 20 }, signal),
  });
  return (
    <main style={{ maxWidth: 960, margin: '0 auto', padding: 16 }}>
      <PageHeader title="Conferences" help="Choose a conference to manage its notifications, lodging, travel and reports." />
      <Input.Search
        aria-label="Search conferences"
        placeholder="Search by name"
        defaultValue={filters.search}
        allowClear
        onSearch={(search) => setFilters({ search })}
        style={{ maxWidth: 360, marginBottom: 16 }}
      />
      <QueryState
        query={query}
        isEmpty={(page) => page.items.length === 0}
        empty={<Empty description={filters.search ? 'No conference matches this search' : 'No conference has been published to the services yet'} />}
      >
        {(page) => (
          <>
            <List
              grid={{ gutter: 16, xs: 1, sm: 2, md: 2, lg: 3 }}
              dataSource={page.items}
              renderItem={(conference) => (
                <List.Item>
                  <Link to={`/events/${conference._id}/templates`} aria-label={`Open ${conference.name}`}>
                    <Card hoverable title={conference.name} size="small">
                      <Typography.Text>
                        {formatDayInZone(conference.startDate, conference.timezone)} – {formatDayInZone(conference.endDate, conference.timezone)}
                      </Typography.Text>
                      <br />
                      <Typography.Text type="secondary">
                        {[conference.venue?.city, conference.venue?.country].filter(Boolean).join(', ') || '—'} ·{' '}
                        {conference.timezone || 'UTC'}
                      </Typography.Text>
                    </Card>
                  </Link>
                </List.Item>
              )}
            />
            <Pagination
              current={page.pagination.page}
              total={page.pagination.total}
              pageSize={page.pagination.limit || 20}
              hideOnSinglePage
              onChange={(p) => setFilters({ page: String(p) })}
            />
          </>
        )}
      </QueryState>
    </main>
  );
}
