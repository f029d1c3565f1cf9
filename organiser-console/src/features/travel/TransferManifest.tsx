import { Button, Card, DatePicker, Empty, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { dayjs, formatDate } from '../../shared/dates';
import { QueryState } from '../../shared/PageStates';
import { useManifest, type ManifestGroup, type ManifestQuery } from './api';
import { manifestToCsv, saveCsv, windowLabel } from './manifestCsv';

const WINDOWS = [15, 30, 60, 120, 240].map((m) => ({ value: String(m), label: m < 60 ? `${m} minutes` : `${m / 60} hour${m === 60 ? '' : 's'}` }));

function Groups({ title, groups }: { title: string; groups: ManifestGroup[] }) {
  if (groups.length === 0) return null;
  return (
    <Card size="small" title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>{title}</Typography.Title>}>
      <Flex vertical gap={12}>
        {groups.map((g) => (
          <div key={`${g.date}-${g.airport}-${g.terminal}-${g.windowStart}`}>
            <Flex wrap gap={8} align="center" style={{ marginBottom: 4 }}>
              <Typography.Text strong>
                {formatDate(g.date)} · {g.airport}
                {g.terminal ? ` T${g.terminal}` : ''} · {windowLabel(g)}
              </Typography.Text>
              <Tag color="blue">{g.passengerCount} passenger{g.passengerCount === 1 ? '' : 's'}</Tag>
            </Flex>
            <Table
              size="small"
              rowKey={(p) => `${p.travelInfoId}`}
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={g.passengers}
              aria-label={`${title} ${g.airport} ${windowLabel(g)}`}
              columns={[
                { title: 'Time', dataIndex: 'time', render: (t) => t ?? '—' },
                { title: 'Passenger', dataIndex: 'name' },
                { title: 'Registration', dataIndex: 'registrationId' },
                { title: 'Flight', dataIndex: 'flightNumber', render: (f) => f ?? '—' },
                { title: 'Phone', dataIndex: 'phone', render: (p) => p ?? '—' },
              ]}
            />
          </div>
        ))}
      </Flex>
    </Card>
  );
}

/** Transfers needed in a date range, grouped by day, airport, terminal and time window; exportable as CSV. */
export function TransferManifestView({
  eventId,
  query,
  onChange,
}: {
  eventId: string;
  query: ManifestQuery;
  onChange: (changes: Partial<ManifestQuery>) => void;
}) {
  const ready = !!query.from && !!query.to;
  const manifest = useManifest(eventId, query, ready);
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          aria-label="Manifest days"
          placeholder={['From day', 'To day']}
          value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
          onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD') ?? '', to: range?.[1]?.format('YYYY-MM-DD') ?? '' })}
        />
        <Select
          aria-label="Direction"
          value={query.direction}
          onChange={(direction) => onChange({ direction })}
          options={[
            { value: 'both', label: 'Arrivals and departures' },
            { value: 'arrivals', label: 'Arrivals' },
            { value: 'departures', label: 'Departures' },
          ]}
          style={{ minWidth: 200 }}
        />
        <Select aria-label="Time window" value={query.windowMinutes} onChange={(windowMinutes) => onChange({ windowMinutes })} options={WINDOWS} style={{ minWidth: 130 }} />
        <Input.Search
          aria-label="Airport"
          placeholder="Airport (BLR)"
          defaultValue={query.airport}
          allowClear
          maxLength={3}
          onSearch={(airport) => onChange({ airport: airport.toUpperCase() })}
          style={{ width: 160 }}
        />
        <Button
          icon={<DownloadOutlined />}
          disabled={!manifest.data}
          onClick={() => manifest.data && saveCsv(manifestToCsv(manifest.data), `transfer-manifest_${query.from}_${query.to}.csv`)}
        >
          Export CSV
        </Button>
      </Flex>
      {!ready ? (
        <Empty description="Choose the days to plan transfers for." />
      ) : (
        <QueryState
          query={manifest}
          isEmpty={(m) => m.arrivals.length + m.departures.length === 0}
          empty={<Empty description="Nobody needs a transfer on these days." />}
        >
          {(m) => (
            <Flex vertical gap={12}>
              <Typography.Text type="secondary">
                {m.totals.arrivals} arriving, {m.totals.departures} departing · windows of {m.windowMinutes} minutes, local airport times as
                entered
              </Typography.Text>
              <Groups title="Arrivals" groups={m.arrivals} />
              <Groups title="Departures" groups={m.departures} />
            </Flex>
          )}
        </QueryState>
      )}
    </>
  );
}
