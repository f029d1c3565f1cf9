import { Button, Drawer, Empty, Flex, Grid, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/PageStates';
import { useUrlState } from '../../shared/useUrlState';
import { useConferenceZone } from '../../shared/conference';
import { useCanWrite } from '../../api/ConsoleContext';
import { useTemplates } from '../report-builder/api';
import { useSchedule, useSchedules } from './api';
import { NextRunAlert } from './NextRunAlert';
import { ScheduleForm } from './ScheduleForm';
import { SchedulesTable } from './SchedulesTable';
import { RunHistory } from './RunHistory';

const DEFAULTS = { frequency: '', isActive: '', page: '1', open: '', runs: '' };

/** Scheduled reports: list, form (with the next run the API computed), run now, run history. */
export default function SchedulesPage({ eventId }: PageProps) {
  const canWrite = useCanWrite();
  const zone = useConferenceZone(eventId);
  const screens = Grid.useBreakpoint();
  const [state, setState] = useUrlState(DEFAULTS);
  const { open, runs, ...filters } = state;
  const schedules = useSchedules(eventId, filters);
  const opened = useSchedule(open && open !== 'new' ? open : undefined);
  const ran = useSchedule(runs || undefined);
  const templates = useTemplates().data ?? [];
  const templateName = (id: string) => templates.find((t) => t.id === id)?.name ?? id;
  const view = (changes: { open?: string; runs?: string }) => setState({ ...changes, page: state.page });
  const width = screens.md ? 720 : '100%';

  return (
    <>
      <PageHeader
        title="Scheduled reports"
        help={`Reports sent or stored on a schedule. Times in each schedule’s zone (this conference: ${zone}).`}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => view({ open: 'new', runs: '' })}>
              New schedule
            </Button>
          ) : null
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          aria-label="Frequency"
          placeholder="Any frequency"
          allowClear
          style={{ width: 180 }}
          value={filters.frequency || undefined}
          onChange={(frequency) => setState({ frequency: frequency ?? '' })}
          options={['daily', 'weekly', 'monthly', 'custom'].map((f) => ({ value: f, label: f }))}
        />
        <Select
          aria-label="Active"
          placeholder="Active and paused"
          allowClear
          style={{ width: 180 }}
          value={filters.isActive || undefined}
          onChange={(isActive) => setState({ isActive: isActive ?? '' })}
          options={[
            { value: 'true', label: 'Active' },
            { value: 'false', label: 'Paused' },
          ]}
        />
      </Flex>
      <QueryState query={schedules} isEmpty={(page) => page.items.length === 0} empty={<Empty description="No scheduled report yet" />}>
        {(page) => (
          <SchedulesTable
            page={page}
            loading={schedules.isFetching}
            canWrite={canWrite}
            templateName={templateName}
            onPage={(p) => setState({ page: String(p) })}
            onOpen={(id) => view({ open: id, runs: '' })}
            onRuns={(id) => view({ runs: id, open: '' })}
          />
        )}
      </QueryState>
      <Drawer
        open={!!open}
        onClose={() => view({ open: '' })}
        title={open === 'new' ? 'New schedule' : (opened.data?.name ?? 'Schedule')}
        size={width}
        destroyOnHidden
      >
        {open === 'new' ? (
          <ScheduleForm eventId={eventId} zone={zone} canWrite={canWrite} onSaved={(saved) => view({ open: saved._id })} onCancel={() => view({ open: '' })} />
        ) : open ? (
          <QueryState query={opened}>
            {(schedule) => (
              <>
                <NextRunAlert schedule={schedule} />
                <ScheduleForm eventId={eventId} zone={zone} schedule={schedule} canWrite={canWrite} onSaved={() => undefined} onCancel={() => view({ open: '' })} />
              </>
            )}
          </QueryState>
        ) : null}
      </Drawer>
      <Drawer open={!!runs} onClose={() => view({ runs: '' })} title={`Run history${ran.data ? ` of ${ran.data.name}` : ''}`} size={width} destroyOnHidden>
        {runs ? <RunHistory scheduleId={runs} zone={ran.data?.schedule.timezone || zone} /> : null}
      </Drawer>
    </>
  );
}
