import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Col, Flex, Form, Input, Row, Segmented, Select, Switch, Typography } from 'antd';
import { ArrowLeftOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { applyFieldErrors, errorMessage } from '../../shared/forms';
import { QueryState } from '../../shared/PageStates';
import { CHANNELS, sampleData, usePreview, useSaveTemplate, useTemplate, type Channel, type PreviewRequest, type SampleRegistration, type Template, type TemplateInput } from './api';
import { HtmlPartField } from './HtmlPartField';
import { VariablePalette } from './VariablePalette';
import { PreviewPanel } from './PreviewPanel';
import { SampleRegistrationSelect } from './SampleRegistrationSelect';
import { TestSendButton } from './TestSendButton';
import { TemplateActions } from './TemplateActions';
import { useDebounced } from './useDebounced';
import { useVariableInsertion } from './useVariableInsertion';

interface FormValues {
  name: string;
  description?: string;
  type: Channel;
  subject?: string;
  contentHtml?: string;
  contentText?: string;
  variables: string[];
  isActive: boolean;
  transactional: boolean;
  whatsapp?: { name?: string; language?: string; parameters?: string[] };
}

const EMPTY: FormValues = { name: '', type: 'email', subject: '', contentHtml: '', contentText: '', variables: [], isActive: true, transactional: true, whatsapp: { name: '', language: 'en', parameters: [] } };

function toForm(t: Template): FormValues {
  return {
    name: t.name,
    description: t.description ?? '',
    type: t.type,
    subject: t.subject ?? '',
    contentHtml: t.contentHtml ?? '',
    contentText: t.contentText ?? '',
    variables: t.variables ?? [],
    isActive: t.isActive,
    transactional: t.transactional,
    whatsapp: { name: t.whatsapp?.name ?? '', language: t.whatsapp?.language ?? 'en', parameters: t.whatsapp?.parameters ?? [] },
  };
}

function whatsappOf(v: FormValues) {
  const name = v.whatsapp?.name?.trim();
  return v.type === 'whatsapp' && name ? { name, language: v.whatsapp?.language || 'en', parameters: (v.whatsapp?.parameters ?? []).map((p) => p ?? '') } : null;
}

function toInput(v: FormValues): TemplateInput {
  const email = v.type === 'email';
  return {
    name: v.name?.trim(),
    description: v.description?.trim() || null,
    type: v.type,
    subject: email ? v.subject ?? '' : null,
    contentHtml: email ? v.contentHtml || null : null,
    contentText: v.contentText || null,
    variables: v.variables ?? [],
    isActive: v.isActive,
    transactional: v.transactional,
    whatsapp: whatsappOf(v),
  };
}

/** The editor of one template (or a new one): content on the left, variables and live preview on the right. */
export function TemplateEditor({
  eventId,
  templateId,
  canWrite,
  sample,
  onSample,
  onClose,
  onSaved,
}: {
  eventId: string;
  templateId?: string;
  canWrite: boolean;
  sample: string;
  onSample: (id: string) => void;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const existing = useTemplate(eventId, templateId);
  if (templateId) {
    return <QueryState query={existing}>{(t) => <EditorForm key={`${t._id}@${t.updatedAt}`} {...{ eventId, canWrite, sample, onSample, onClose, onSaved }} template={t} />}</QueryState>;
  }
  return <EditorForm {...{ eventId, canWrite, sample, onSample, onClose, onSaved }} />;
}

function EditorForm({
  eventId,
  template,
  canWrite,
  sample,
  onSample,
  onClose,
  onSaved,
}: {
  eventId: string;
  template?: Template;
  canWrite: boolean;
  sample: string;
  onSample: (id: string) => void;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const save = useSaveTemplate(eventId);
  const [eventType, setEventType] = useState('registration-created');
  const [sampleRegistration, setSampleRegistration] = useState<SampleRegistration>();
  const initial = useMemo(() => (template ? toForm(template) : EMPTY), [template]);

  const type = (Form.useWatch('type', form) ?? initial.type) as Channel;
  const subject = Form.useWatch('subject', form);
  const contentHtml = Form.useWatch('contentHtml', form);
  const contentText = Form.useWatch('contentText', form);
  const variables = Form.useWatch('variables', form);
  const whatsapp = Form.useWatch('whatsapp', form);
  const isEmail = type === 'email';

  const insertion = useVariableInsertion(form, isEmail ? { field: 'contentHtml', label: 'the HTML part' } : { field: 'contentText', label: 'the message' });
  useEffect(() => insertion.reset(), [type]); // eslint-disable-line react-hooks/exhaustive-deps

  // The request changes with every key; its debounced JSON drives the preview query (one request per pause).
  const requestJson = JSON.stringify({
    type,
    subject: isEmail ? subject ?? '' : undefined,
    contentHtml: isEmail ? contentHtml ?? '' : undefined,
    contentText: contentText ?? '',
    variables: variables ?? [],
    whatsapp: whatsappOf({ ...initial, type, whatsapp }) ?? undefined,
    eventType,
    registrationId: sample || undefined,
  } satisfies PreviewRequest);
  const debounced = useDebounced(requestJson, 400);
  const preview = usePreview(eventId, JSON.parse(debounced) as PreviewRequest);

  const submit = async (values: FormValues) => {
    try {
      const saved = await save.mutateAsync({ id: template?._id, input: toInput(values) });
      message.success(template ? 'Template saved' : 'Template created');
      onSaved(saved._id);
    } catch (error) {
      const unplaced = applyFieldErrors(form, error);
      message.error(unplaced.length ? `${errorMessage(error)}: ${unplaced.join('; ')}` : errorMessage(error));
    }
  };

  const target = (field: string, label: string) => ({ 'data-variable-target': field, 'data-variable-label': label });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8} wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={onClose}>
            All templates
          </Button>
          <Typography.Title level={3} style={{ margin: 0, fontSize: 18 }}>
            {template ? `Edit “${template.name}”` : 'New template'}
          </Typography.Title>
        </Flex>
        <Flex gap={8} wrap>
          {template ? <TestSendButton eventId={eventId} templateId={template._id} channel={template.type} data={sampleData(sampleRegistration)} disabled={!canWrite} /> : null}
          {template && canWrite ? <TemplateActions eventId={eventId} template={template} onDeleted={onClose} withToggle={false} /> : null}
          {canWrite ? (
            <Button type="primary" onClick={() => form.submit()} loading={save.isPending}>
              {template ? 'Save' : 'Create template'}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={<Typography.Title level={4} style={{ margin: 0, fontSize: 15 }}>Content</Typography.Title>}>
            <div onFocusCapture={insertion.onFocusCapture}>
              <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} disabled={!canWrite} scrollToFirstError>
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Form.Item name="name" label="Name" rules={[{ required: true, whitespace: true, message: 'Give the template a name' }]}>
                      <Input maxLength={200} placeholder="Registration confirmation" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="type" label="Channel">
                      <Segmented aria-label="Channel" options={CHANNELS.map((c) => ({ value: c.value, label: c.label }))} />
                    </Form.Item>
                  </Col>
                </Row>
                {isEmail ? (
                  <Form.Item name="subject" label="Subject" rules={[{ required: true, whitespace: true, message: 'An e-mail needs a subject' }]}>
                    <Input maxLength={998} {...target('subject', 'the subject')} placeholder="Welcome to {{eventName}}, {{firstName}}" />
                  </Form.Item>
                ) : null}
                {isEmail ? <HtmlPartField initialHtml={template?.contentHtml} readOnly={!canWrite} onHtmlFocus={insertion.onHtmlFocus} onEditor={insertion.onEditor} /> : null}
                <Form.Item
                  name="contentText"
                  label={isEmail ? 'Text part' : 'Message'}
                  extra={isEmail ? 'Optional: derived from the HTML part when empty.' : undefined}
                  rules={isEmail ? [] : [{ required: true, whitespace: true, message: 'Write the message' }]}
                >
                  <Input.TextArea autoSize={{ minRows: isEmail ? 3 : 5, maxRows: 14 }} {...target('contentText', isEmail ? 'the text part' : 'the message')} />
                </Form.Item>
                {type === 'whatsapp' ? <WhatsAppFields target={target} /> : null}
                <Form.Item name="variables" label="Required variables" extra="The preview warns when the template does not use one of these.">
                  <Select mode="tags" aria-label="Required variables" tokenSeparators={[',', ' ']} placeholder="firstName, registrationId" />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item name="isActive" label="Active" valuePropName="checked" extra="Only active templates are sent by triggers.">
                      <Switch />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name="transactional" label="Transactional" valuePropName="checked" extra="Off: marketing (unsubscribe link, opt-outs honoured).">
                      <Switch />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="description" label="Description">
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
                </Form.Item>
              </Form>
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card size="small" title={<Typography.Title level={4} style={{ margin: 0, fontSize: 15 }}>Variables</Typography.Title>}>
              <VariablePalette eventId={eventId} eventType={eventType} onEventType={setEventType} onInsert={insertion.insert} target={insertion.targetLabel} disabled={!canWrite} />
            </Card>
            <Card size="small" title={<Typography.Title level={4} style={{ margin: 0, fontSize: 15 }}>Live preview</Typography.Title>}>
              <Flex vertical gap={12}>
                <SampleRegistrationSelect
                  eventId={eventId}
                  value={sample}
                  onChange={(id) => onSample(id ?? '')}
                  onRegistration={setSampleRegistration}
                />
                <PreviewPanel preview={preview.data} error={preview.error} fetching={preview.isFetching} onRetry={() => preview.refetch()} />
              </Flex>
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}

type TargetProps = (field: string, label: string) => Record<string, string>;

/** The approved (Meta) template sent outside the 24-hour window, with its body parameters in order. */
function WhatsAppFields({ target }: { target: TargetProps }) {
  return (
    <Card size="small" type="inner" title="Approved WhatsApp template" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        Outside the 24-hour window WhatsApp only delivers a template Meta approved. Name it and give its body parameters in order ({'{{1}}'}, {'{{2}}'}, …); each may use variables.
      </Typography.Paragraph>
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <Form.Item name={['whatsapp', 'name']} label="Approved template name (Twilio: the HX… Content SID)">
            <Input maxLength={512} placeholder="registration_confirmed" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['whatsapp', 'language']} label="Language">
            <Input maxLength={15} placeholder="en" />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name={['whatsapp', 'parameters']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-end">
                <Form.Item name={field.name} label={`Parameter {{${index + 1}}}`} style={{ flex: 1 }}>
                  <Input maxLength={1000} {...target(`whatsapp.parameters.${index}`, `parameter {{${index + 1}}}`)} />
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={`Remove parameter ${index + 1}`} onClick={() => remove(field.name)} style={{ marginBottom: 24 }} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add('')} disabled={fields.length >= 20}>
              Add parameter
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
