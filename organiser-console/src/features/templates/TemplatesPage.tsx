import { Button, Card, Empty, Flex, Input, Segmented, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/PageStates';
import { useUrlState } from '../../shared/useUrlState';
import { useConferenceZone } from '../../shared/conference';
import { useCanWrite } from '../../api/ConsoleContext';
import { CHANNELS, useTemplates } from './api';
import { TemplatesTable } from './TemplatesTable';
import { TemplateEditor } from './TemplateEditor';

/**
 * Templates: the list, filtered by channel and status and searched by name (server-paged), and the editor of one
 * template (`?edit=<id>` or `?edit=new`, with the preview's registration in `?sample=`).
 */
export default function TemplatesPage({ eventId }: PageProps) {
  const canWrite = useCanWrite();
  const zone = useConferenceZone(eventId);
  const [state, setState] = useUrlState({ channel: '', search: '', active: '', page: '1', edit: '', sample: '' });
  const templates = useTemplates(eventId, state);

  if (state.edit) {
    return (
      <>
        <PageHeader title="Templates" help="Write the message once; variables fill in each registrant's details." />
        <TemplateEditor
          eventId={eventId}
          templateId={state.edit === 'new' ? undefined : state.edit}
          canWrite={canWrite}
          sample={state.sample}
          onSample={(sample) => setState({ sample, page: state.page })}
          onClose={() => setState({ edit: '', sample: '', page: state.page })}
          onSaved={(id) => setState({ edit: id, page: state.page })}
        />
      </>
    );
  }

  const filtered = !!(state.channel || state.search || state.active);
  return (
    <>
      <PageHeader
        title="Templates"
        help="E-mail, SMS and WhatsApp messages that triggers and manual sends use."
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setState({ edit: 'new' })}>
              New template
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Flex wrap gap={12} style={{ marginBottom: 12 }}>
          <Segmented
            aria-label="Channel"
            value={state.channel}
            onChange={(channel) => setState({ channel: String(channel) })}
            options={[{ value: '', label: 'All channels' }, ...CHANNELS.map((c) => ({ value: c.value, label: c.label }))]}
          />
          <Select
            aria-label="Status"
            value={state.active}
            onChange={(active) => setState({ active })}
            style={{ width: 150 }}
            options={[
              { value: '', label: 'Any status' },
              { value: 'true', label: 'Active' },
              { value: 'false', label: 'Inactive' },
            ]}
          />
          <Input.Search
            aria-label="Search templates by name"
            placeholder="Search by name"
            allowClear
            defaultValue={state.search}
            onSearch={(search) => setState({ search })}
            style={{ maxWidth: 280 }}
          />
        </Flex>
        <QueryState
          query={templates}
          isEmpty={(page) => page.items.length === 0}
          empty={
            <Empty
              description={
                filtered ? 'No template matches these filters.' : canWrite ? 'No template yet: create the first one.' : 'No template yet.'
              }
            />
          }
        >
          {(page) => (
            <TemplatesTable
              eventId={eventId}
              page={page}
              loading={templates.isFetching}
              zone={zone}
              canWrite={canWrite}
              onPage={(p) => setState({ page: String(p) })}
              onOpen={(edit) => setState({ edit, page: state.page })}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}
