import { useMemo, useState } from 'react';
import { App, Button, Drawer, Grid, Tabs } from 'antd';
import { ClockCircleOutlined, DownloadOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/PageStates';
import { useUrlState } from '../../shared/useUrlState';
import { useConferenceZone } from '../../shared/conference';
import { errorMessage } from '../../shared/forms';
import { useCanWrite } from '../../api/ConsoleContext';
import { useDataSource } from '../exports/api';
import { ScheduleForm } from '../schedules/ScheduleForm';
import { NextRunAlert } from '../schedules/NextRunAlert';
import type { Schedule } from '../schedules/api';
import {
  parseRequest,
  reportTitle,
  usePreview,
  useAddFavorite,
  useReportDownload,
  useTemplateData,
  useTemplates,
  type FileFormat,
} from './api';
import { BuilderForm } from './BuilderForm';
import { ResultView } from './ResultView';
import { TemplateGallery } from './TemplateGallery';
import { FavoritesList } from './FavoritesList';

const DEFAULTS = { tab: 'build', q: '', template: '' };

/**
 * Report builder: build a report (groups, metrics, chart), preview it, download it, keep it as a favourite, schedule it
 * (admins and managers); the ready-made reports.
 */
export default function ReportBuilderPage({ eventId }: PageProps) {
  const zone = useConferenceZone(eventId);
  const { message } = App.useApp();
  const [state, setState] = useUrlState(DEFAULTS);
  const request = useMemo(() => parseRequest(state.q), [state.q]);
  const [source, setSource] = useState<string>(request?.reportType ?? 'registrations');
  const fields = useDataSource(source).data?.fields ?? [];
  const preview = usePreview(eventId, request);
  const templates = useTemplates().data ?? [];
  const template = templates.find((t) => t.id === state.template);
  const templateData = useTemplateData(eventId, state.template || undefined);
  const templateFields = useDataSource(template?.definition.dataType).data?.fields ?? [];
  const addFavorite = useAddFavorite(eventId);
  const download = useReportDownload(eventId);
  const [busy, setBusy] = useState<string>('');
  const [saved, setSaved] = useState<string>('');
  const canWrite = useCanWrite();
  const screens = Grid.useBreakpoint();
  // The schedule drawer: closed, open with the form, or showing the schedule just saved.
  const [scheduling, setScheduling] = useState<{ open: boolean; saved?: Schedule }>({ open: false });

  const fetchFile = async (key: string, run: () => Promise<{ fileName: string }>) => {
    setBusy(key);
    try {
      const { fileName } = await run();
      message.success(`Downloaded ${fileName}`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy('');
    }
  };

  const favorite = (body: Parameters<typeof addFavorite.mutateAsync>[0]) =>
    addFavorite.mutateAsync(body).then(
      () => {
        message.success(`“${body.name}” is in your favourites`);
        return true;
      },
      (error) => {
        message.error(errorMessage(error));
        return false;
      },
    );

  const fileButtons = (run: (format: FileFormat) => Promise<{ fileName: string }>) =>
    (['excel', 'pdf'] as FileFormat[]).map((format) => (
      <Button key={format} icon={<DownloadOutlined />} loading={busy === format} onClick={() => fetchFile(format, () => run(format))}>
        {format === 'excel' ? 'Download XLSX' : 'Download PDF'}
      </Button>
    ));

  const build = (
    <>
      <BuilderForm
        initial={request}
        fields={fields}
        onSourceChange={setSource}
        onRun={(next) => {
          setSource(next.reportType);
          setState({ q: JSON.stringify(next) });
        }}
      />
      {request ? (
        <QueryState query={preview}>
          {(result) => (
            <ResultView
              title={reportTitle(request)}
              result={result}
              fields={fields}
              zone={zone}
              actions={[
                ...fileButtons((format) => download.built(request, format)),
                saved === state.q ? (
                  <Button key="fav" icon={<StarFilled />} disabled>
                    In your favourites
                  </Button>
                ) : (
                  <Button
                    key="fav"
                    icon={<StarOutlined />}
                    loading={addFavorite.isPending}
                    onClick={() =>
                      favorite({ kind: 'builder', name: reportTitle(request), definition: request }).then((ok) => ok && setSaved(state.q))
                    }
                  >
                    Save as favourite
                  </Button>
                ),
                canWrite ? (
                  <Button key="schedule" icon={<ClockCircleOutlined />} onClick={() => setScheduling({ open: true })}>
                    Schedule…
                  </Button>
                ) : null,
              ]}
            />
          )}
        </QueryState>
      ) : null}
      <Drawer
        open={scheduling.open && !!request}
        onClose={() => setScheduling({ open: false })}
        title={scheduling.saved ? `Scheduled: ${scheduling.saved.name}` : 'Schedule this report'}
        size={screens.md ? 720 : '100%'}
        destroyOnHidden
      >
        {scheduling.saved ? (
          <>
            <NextRunAlert schedule={scheduling.saved} />
            <p>Its runs, run now and changes are on the Scheduled reports page.</p>
            <Button onClick={() => setScheduling({ open: false })}>Close</Button>
          </>
        ) : request ? (
          <ScheduleForm
            eventId={eventId}
            zone={zone}
            definition={request}
            canWrite={canWrite}
            onSaved={(schedule) => setScheduling({ open: true, saved: schedule })}
            onCancel={() => setScheduling({ open: false })}
          />
        ) : null}
      </Drawer>
    </>
  );

  const gallery = (
    <>
      <TemplateGallery
        onOpen={(id) => setState({ template: id })}
        onFavorite={(t) => favorite({ kind: 'template', targetId: t.id, name: t.name })}
      />
      {state.template ? (
        <QueryState query={templateData}>
          {(result) => (
            <ResultView
              title={template?.name ?? state.template}
              result={result}
              fields={templateFields}
              zone={zone}
              actions={fileButtons((format) => download.template(state.template, format))}
            />
          )}
        </QueryState>
      ) : null}
    </>
  );

  return (
    <>
      <PageHeader title="Report builder" help={`Build, chart and download reports of this conference. Times in ${zone}.`} />
      <Tabs
        activeKey={state.tab}
        onChange={(tab) => setState({ tab })}
        items={[
          { key: 'build', label: 'Build a report', children: build },
          { key: 'gallery', label: 'Ready-made reports', children: gallery },
          {
            key: 'favorites',
            label: 'Favourites',
            children: (
              <FavoritesList
                eventId={eventId}
                onOpen={(f) =>
                  f.kind === 'builder' && f.definition
                    ? (setSource(f.definition.reportType), setState({ tab: 'build', q: JSON.stringify(f.definition) }))
                    : setState({ tab: 'gallery', template: f.targetId ?? '' })
                }
              />
            ),
          },
        ]}
      />
    </>
  );
}
