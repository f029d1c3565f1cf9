import { Badge, Button, Table, Tag, Tooltip, Typography } from 'antd';
import { CarOutlined, PaperClipOutlined, WarningOutlined } from '@ant-design/icons';
import type { Page } from '../../api/http';
import { formatDate } from '../../shared/dates';
import { PAGE_SIZE, travellerName, type Leg, type TravelInfo } from './api';

const STATUS_BADGE: Record<string, 'warning' | 'processing' | 'success'> = { pending: 'warning', confirmed: 'processing', completed: 'success' };

function LegCell({ leg }: { leg?: Leg | null }) {
  if (!leg || (!leg.date && !leg.flightNumber)) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div>
      {formatDate(leg.date)} {leg.time ?? ''}
      <br />
      <Typography.Text type="secondary">
        {[leg.flightNumber, leg.airport, leg.terminal && `T${leg.terminal}`].filter(Boolean).join(' · ')}
      </Typography.Text>{' '}
      {leg.transferRequired ? (
        <Tag icon={<CarOutlined aria-hidden />} color="purple">
          Transfer
        </Tag>
      ) : null}
    </div>
  );
}

export function TravelTable({
  page,
  zone,
  loading,
  onPage,
  onOpen,
}: {
  page: Page<TravelInfo>;
  /** The conference's zone: leg times are its clock. */
  zone: string;
  loading: boolean;
  onPage: (page: number) => void;
  onOpen: (id: string) => void;
}) {
  return (
    <Table<TravelInfo>
      rowKey="_id"
      size="middle"
      loading={loading}
      dataSource={page.items}
      scroll={{ x: 'max-content' }}
      aria-label="Itineraries"
      pagination={{
        current: page.pagination.page,
        pageSize: PAGE_SIZE,
        total: page.pagination.total,
        showSizeChanger: false,
        showTotal: (total) => `${total} itinerar${total === 1 ? 'y' : 'ies'}`,
        onChange: onPage,
      }}
      columns={[
        {
          title: 'Traveller',
          key: 'traveller',
          render: (_, t) => (
            <div>
              <Button type="link" style={{ padding: 0, height: 'auto', color: '#1d4ed8' }} onClick={() => onOpen(t._id)}>
                {travellerName(t)}
              </Button>
              {t.warnings?.length ? (
                <Tooltip title={t.warnings.map((w) => w.message).join(' ')}>
                  <WarningOutlined style={{ color: '#b45309', marginLeft: 6 }} aria-label={t.warnings.map((w) => w.message).join(' ')} />
                </Tooltip>
              ) : null}
              <br />
              <Typography.Text type="secondary">{t.registrationId}</Typography.Text>
            </div>
          ),
        },
        { title: `Arrival (${zone})`, key: 'arrival', render: (_, t) => <LegCell leg={t.arrival} /> },
        { title: `Departure (${zone})`, key: 'departure', render: (_, t) => <LegCell leg={t.departure} /> },
        {
          title: 'Documents',
          key: 'documents',
          render: (_, t) =>
            t.documents?.length ? (
              <span>
                <PaperClipOutlined aria-hidden /> {t.documents.length}
              </span>
            ) : (
              <Typography.Text type="secondary">0</Typography.Text>
            ),
        },
        { title: 'Status', key: 'status', render: (_, t) => <Badge status={STATUS_BADGE[t.status] ?? 'default'} text={t.status} /> },
      ]}
    />
  );
}
