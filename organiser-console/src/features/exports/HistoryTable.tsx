import { DatePicker, Flex, Select, Table } from 'antd';
import { dayInZone, formatDateTime, zoneDayBounds } from '../../shared/dates';
import { QueryState } from '../../shared/PageStates';
import { EXPORT_TYPES, formatBytes, PAGE_SIZE, useHistory, type DataSource, type ExportJob, type HistoryFilters } from './api';
import { DownloadButton, StatusTag } from './JobStatus';

/** Server-paged export history with filters on status, data type, format and creation date. */
export function HistoryTable({
  eventId,
  zone,
  filters,
  sources,
  onChange,
}: {
  eventId: string;
  zone: string;
  filters: HistoryFilters;
  sources: DataSource[];
  onChange: (changes: Partial<HistoryFilters>) => void;
}) {
  const history = useHistory(eventId, filters);
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          aria-label="Status"
          placeholder="Any status"
          allowClear
          style={{ width: 160 }}
          value={filters.status || undefined}
          onChange={(status) => onChange({ status: status ?? '' })}
          options={['pending', 'processing', 'completed', 'failed'].map((s) => ({ value: s, label: s }))}
        />
        <Select
          aria-label="History data type"
          placeholder="Any data type"
          allowClear
          style={{ width: 180 }}
          value={filters.dataType || undefined}
          onChange={(dataType) => onChange({ dataType: dataType ?? '' })}
          options={sources.map((s) => ({ value: s.name, label: s.name }))}
        />
        <Select
          aria-label="Format"
          placeholder="Any format"
          allowClear
          style={{ width: 150 }}
          value={filters.exportType || undefined}
          onChange={(exportType) => onChange({ exportType: exportType ?? '' })}
          options={EXPORT_TYPES}
        />
        <DatePicker.RangePicker
          aria-label={`Created between (${zone})`}
          placeholder={['Created from', 'Created to']}
          allowEmpty={[true, true]}
          value={[dayInZone(filters.from, zone), dayInZone(filters.to, zone)]}
          // Whole days in the conference's zone, sent to the API as instants.
          onChange={(range) => onChange(zoneDayBounds(range?.[0], range?.[1], zone))}
        />
      </Flex>
      <QueryState query={history}>
        {(page) => (
          <Table<ExportJob>
            rowKey="_id"
            size="middle"
            loading={history.isFetching && !history.isPending}
            dataSource={page.items}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: 'No export yet' }}
            pagination={{
              current: page.pagination.page,
              pageSize: PAGE_SIZE,
              total: page.pagination.total,
              showSizeChanger: false,
              onChange: (p) => onChange({ page: String(p) }),
            }}
            columns={[
              { title: `Created (${zone})`, dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, zone).replace(` (${zone})`, '') },
              { title: 'Name', dataIndex: 'name', render: (v: string, job) => v || job.dataType },
              { title: 'Data type', dataIndex: 'dataType' },
              { title: 'Format', dataIndex: 'exportType' },
              {
                title: 'Status',
                dataIndex: 'status',
                render: (s: string, job) => (
                  <>
                    <StatusTag status={job.expired ? 'expired' : s} />
                    {s === 'processing' ? `${job.progress ?? 0}%` : null}
                  </>
                ),
              },
              { title: 'Rows', dataIndex: 'recordCount', render: (v: number | null) => v ?? '—' },
              { title: 'Size', dataIndex: 'fileSize', render: (v: number | null) => formatBytes(v) },
              { title: 'Error', dataIndex: 'errorMessage', render: (v: string | null) => v ?? '' },
              { title: 'File', key: 'file', render: (_, job) => <DownloadButton job={job} /> },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
