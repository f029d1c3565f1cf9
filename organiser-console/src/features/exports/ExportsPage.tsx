import { Button, Drawer, Empty, Grid, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/PageStates';
import { useUrlState } from '../../shared/useUrlState';
import { useConferenceZone } from '../../shared/conference';
import { useCanWrite } from '../../api/ConsoleContext';
import { useCatalog, useExportConfig, useExportConfigs, type HistoryFilters } from './api';
import { ConfigForm } from './ConfigForm';
import { ConfigsTable } from './ConfigsTable';
import { JobStatus } from './JobStatus';
import { HistoryTable } from './HistoryTable';

const DEFAULTS = { type: '', open: '', job: '', status: '', dataType: '', exportType: '', from: '', to: '', page: '1' };

/** Exports: saved configs (filtered by data type), generate with live progress and download, the export history. */
export default function ExportsPage({ eventId }: PageProps) {
  const canWrite = useCanWrite();
  const zone = useConferenceZone(eventId);
  const screens = Grid.useBreakpoint();
  const [state, setState] = useUrlState(DEFAULTS);
  const { type, open, job, ...history } = state;
  const catalog = useCatalog();
  const configs = useExportConfigs(eventId, type);
  const editing = useExportConfig(open && open !== 'new' ? open : undefined);
  const keepPage = (changes: Partial<typeof DEFAULTS>) => setState({ ...changes, page: state.page });
  const close = () => keepPage({ open: '' });

  return (
    <>
      <PageHeader
        title="Exports"
        help={`Saved exports of this conference’s data as Excel, CSV or PDF. Times in ${zone}.`}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => keepPage({ open: 'new' })}>
              New export
            </Button>
          ) : null
        }
      />
      {job ? <JobStatus jobId={job} zone={zone} onClose={() => keepPage({ job: '' })} /> : null}
      <Typography.Title level={3} style={{ fontSize: 18 }}>
        Export configs
      </Typography.Title>
      <Select
        aria-label="Data type"
        placeholder="All data types"
        allowClear
        style={{ width: 220, marginBottom: 12 }}
        value={type || undefined}
        onChange={(value) => keepPage({ type: value ?? '' })}
        options={(catalog.data ?? []).map((d) => ({ value: d.name, label: d.name }))}
      />
      <QueryState
        query={configs}
        isEmpty={(page) => page.items.length === 0}
        empty={<Empty description={type ? `No export of ${type} yet` : 'No export config yet'} />}
      >
        {(page) => (
          <ConfigsTable
            eventId={eventId}
            configs={page.items}
            canWrite={canWrite}
            onEdit={(id) => keepPage({ open: id })}
            onGenerated={(started) => keepPage({ job: started._id })}
          />
        )}
      </QueryState>
      <Typography.Title level={3} style={{ fontSize: 18, marginTop: 24 }}>
        History
      </Typography.Title>
      <HistoryTable
        eventId={eventId}
        zone={zone}
        filters={history as HistoryFilters}
        sources={catalog.data ?? []}
        onChange={(changes) => setState(changes)}
      />
      <Drawer
        open={!!open}
        onClose={close}
        title={open === 'new' ? 'New export' : `Edit ${editing.data?.name ?? 'export'}`}
        size={screens.md ? 720 : '100%'}
        destroyOnHidden
      >
        {open === 'new' ? (
          <ConfigForm eventId={eventId} zone={zone} onDone={close} onCancel={close} />
        ) : open ? (
          <QueryState query={editing}>
            {(config) => <ConfigForm eventId={eventId} zone={zone} config={config} onDone={close} onCancel={close} />}
          </QueryState>
        ) : null}
      </Drawer>
    </>
  );
}
