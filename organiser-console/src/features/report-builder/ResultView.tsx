import { useMemo } from 'react';
import { Alert, Card, Flex, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { EChart } from '../../shared/EChart';
import type { CatalogField } from '../exports/api';
import { formatDateTime } from '../../shared/dates';
import { chartOption } from './chartOption';
import type { ReportResult } from './api';

/** Whether a column holds instants: a date field, or the min/max of one (a sum or average of dates is not a date). */
export function isDateColumn(key: string, fields: CatalogField[]): boolean {
  const metric = /^(min|max)_(.+)$/.exec(key);
  const field = fields.find((f) => f.name === (metric ? metric[2] : key));
  return field?.type === 'date';
}

/** A cell as the organiser reads it; instants in the conference's zone (the page header names it). */
export function cell(value: unknown, date = false, zone?: string): ReactNode {
  if (value === null || value === undefined || value === '') return '—';
  // Only full instants: a group key of a date field may be a calendar day, which has no zone.
  if (date && typeof value === 'string' && value.includes('T') && !Number.isNaN(Date.parse(value))) return formatDateTime(value, zone);
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return value.toLocaleString(undefined, { maximumFractionDigits: 2 });
  return String(value);
}

function columnTitle(key: string, fields: CatalogField[]): string {
  const field = fields.find((f) => f.name === key);
  if (field) return field.label;
  const metric = /^(sum|avg|min|max)_(.+)$/.exec(key);
  if (metric) return `${metric[1]} of ${fields.find((f) => f.name === metric[2])?.label ?? metric[2]}`;
  return key === 'count' ? 'Count' : key;
}

/** A report's answer: the chart drawn with ECharts from the API's chart data, then the table. */
export function ResultView({ title, result, fields, zone, actions }: { title: string; result: ReportResult; fields: CatalogField[]; zone?: string; actions?: ReactNode }) {
  const columns = result.meta.columns ?? Object.keys(result.rows[0] ?? {});
  const axisName = columns[0] ? columnTitle(columns[0], fields) : undefined;
  const option = useMemo(() => (result.meta.chart ? chartOption(result.meta.chart, axisName) : null), [result.meta.chart, axisName]);
  return (
    <Card
      title={<Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>{title}</Typography.Title>}
      extra={actions ? <Flex wrap gap={8}>{actions}</Flex> : null}
      style={{ marginTop: 16 }}
    >
      {result.meta.truncated ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Showing the first ${result.meta.limit.toLocaleString()} — the downloaded file has every row.`}
        />
      ) : null}
      {option ? <EChart option={option} label={`${title}: ${result.meta.chart?.type} chart`} testId="report-chart" /> : null}
      <Table
        rowKey={(_, index) => String(index)}
        size="small"
        dataSource={result.rows}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 25, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: 'No row matches' }}
        columns={columns.map((key) => {
          const date = isDateColumn(key, fields);
          return { title: columnTitle(key, fields), dataIndex: key, key, render: (value: unknown) => cell(value, date, zone) };
        })}
      />
      <Typography.Text type="secondary">
        {result.meta.count.toLocaleString()} {result.meta.count === 1 ? 'row' : 'rows'}
      </Typography.Text>
    </Card>
  );
}
