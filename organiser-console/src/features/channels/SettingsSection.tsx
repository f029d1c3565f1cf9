import { useState, type ReactNode } from 'react';
import { App, Button, Card, Flex, Form, Typography, type FormInstance } from 'antd';
import { applyFieldErrors, errorMessage } from '../../shared/forms';
import { SECRET_FIELDS, useSaveChannelConfig, withoutEmptySecrets, type ChannelKey } from './api';
import { ConnectionTest } from './ConnectionTest';

/**
 * One card of Channel settings: its own form (named like the PUT body, so the API's field errors land on the field),
 * Save, and the channel's connection test. Read-only roles see the values with everything disabled.
 */
export function SettingsSection<T extends object>({
  eventId,
  title,
  help,
  initialValues,
  canWrite,
  channel,
  children,
  toBody,
}: {
  eventId: string;
  title: string;
  help?: ReactNode;
  initialValues: T;
  canWrite: boolean;
  channel?: ChannelKey;
  children: (form: FormInstance<T>) => ReactNode;
  toBody?: (values: T) => Record<string, unknown>;
}) {
  const [form] = Form.useForm<T>();
  const save = useSaveChannelConfig(eventId);
  const { message } = App.useApp();
  const [dirty, setDirty] = useState(false);

  const submit = async (values: T) => {
    try {
      await save.mutateAsync(withoutEmptySecrets(toBody ? toBody(values) : (values as Record<string, unknown>), SECRET_FIELDS));
      message.success(`${title} saved`);
      // The page remounts the sections with the saved configuration (secret fields empty again, placeholders saying
      // a value is stored).
      setDirty(false);
    } catch (error) {
      const unplaced = applyFieldErrors(form, error);
      message.error(unplaced.length ? `${errorMessage(error)}: ${unplaced.join('; ')}` : errorMessage(error));
    }
  };

  return (
    <Card size="small" title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>{title}</Typography.Title>}>
      {help ? <Typography.Paragraph type="secondary">{help}</Typography.Paragraph> : null}
      <Form<T>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        onValuesChange={() => setDirty(true)}
        disabled={!canWrite}
        aria-label={title}
      >
        {children(form)}
        {canWrite ? (
          <Flex wrap gap={16} align="flex-start" justify="space-between">
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              Save {inSentence(title)}
            </Button>
            {channel ? <ConnectionTest eventId={eventId} channel={channel} dirty={dirty} /> : null}
          </Flex>
        ) : null}
      </Form>
    </Card>
  );
}

/** A title inside a sentence: "E-mail" becomes "e-mail"; names such as "SMS" and "WhatsApp" stay as they are. */
function inSentence(title: string): string {
  const firstWord = title.split(/\s/)[0];
  return /[A-Z]/.test(firstWord.slice(1)) ? title : title.charAt(0).toLowerCase() + title.slice(1);
}
