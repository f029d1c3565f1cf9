import { useEffect } from 'react';
import { Alert, App, Button, Checkbox, Collapse, Flex, Form, Input, Radio, Select, Switch } from 'antd';
import { applyFieldErrors, errorMessage } from '../../shared/forms';
import { FilterRows, SortRows } from './FilterRows';
import {
  EXPORT_TYPES,
  filterValue,
  useCatalog,
  useDataSource,
  useSaveConfig,
  type ExportConfig,
  type ExportConfigInput,
  type RowFilter,
} from './api';

interface Values extends Omit<ExportConfigInput, 'filters' | 'event'> {
  filters?: RowFilter[];
  thisConference?: boolean;
}

/** Create or edit an export config: data type, the fields from the catalog, filters, sorts and format options. */
export function ConfigForm({
  eventId,
  zone,
  config,
  onDone,
  onCancel,
}: {
  eventId: string;
  zone: string;
  config?: ExportConfig;
  onDone: (saved: ExportConfig) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const save = useSaveConfig();
  const catalog = useCatalog();
  const dataType = Form.useWatch('dataType', form);
  const exportType = Form.useWatch('exportType', form);
  const source = useDataSource(dataType);
  const fields = source.data?.fields ?? [];

  useEffect(() => {
    if (config) {
      form.setFieldsValue({
        ...config,
        filters: (config.filters ?? []).map((f) => ({ ...f, value: Array.isArray(f.value) ? f.value.join(', ') : f.value })),
        thisConference: !!config.event,
      });
    }
  }, [config, form]);

  const submit = async (values: Values) => {
    const { thisConference, ...rest } = values;
    const body: ExportConfigInput = {
      ...rest,
      event: thisConference === false ? null : eventId,
      filters: (values.filters ?? []).map((f) => ({ ...f, value: filterValue(f.operator, f.value) })),
      sorts: values.sorts ?? [],
      config: { ...values.config, timezone: values.config?.timezone || zone },
    };
    try {
      const saved = await save.mutateAsync({ id: config?._id, body });
      message.success(`Saved “${saved.name}”`);
      onDone(saved);
    } catch (error) {
      const unplaced = applyFieldErrors(form, error);
      message.error(unplaced.length ? unplaced.join('; ') : errorMessage(error));
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ exportType: 'excel', dataType: 'registrations', fields: [], filters: [], sorts: [], thisConference: true, config: { includeHeaders: true, timezone: zone } }}
    >
      <Form.Item label="Name" name="name" rules={[{ required: true, message: 'Give the export a name' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="Description" name="description">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Flex wrap gap={16}>
        <Form.Item label="Data type" name="dataType" rules={[{ required: true }]} style={{ flex: '1 1 200px' }}>
          <Select
            loading={catalog.isPending}
            options={(catalog.data ?? []).map((d) => ({ value: d.name, label: d.name }))}
            onChange={() => form.setFieldsValue({ fields: [], filters: [], sorts: [] })}
          />
        </Form.Item>
        <Form.Item label="Format" name="exportType" rules={[{ required: true }]} style={{ flex: '1 1 260px' }}>
          <Radio.Group optionType="button" options={EXPORT_TYPES} />
        </Form.Item>
      </Flex>
      <Form.Item
        label="Columns"
        name="fields"
        rules={[{ required: true, message: 'Pick at least one column' }]}
        extra="In the order they appear in the file."
      >
        <Select
          mode="multiple"
          loading={source.isPending && !!dataType}
          options={fields.map((f) => ({ value: f.name, label: `${f.label} (${f.type})` }))}
          optionFilterProp="label"
          placeholder="Pick the columns"
        />
      </Form.Item>
      <Form.Item label="Filters">
        <FilterRows name="filters" fields={fields} />
      </Form.Item>
      <Form.Item label="Sort">
        <SortRows name="sorts" fields={fields} />
      </Form.Item>
      <Form.Item name="thisConference" valuePropName="checked">
        <Checkbox>Only this conference’s records</Checkbox>
      </Form.Item>
      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'options',
            label: 'Format options',
            forceRender: true,
            children: (
              <Flex wrap gap={16}>
                {exportType === 'excel' ? (
                  <Form.Item label="Sheet name" name={['config', 'sheetName']} style={{ flex: '1 1 180px' }}>
                    <Input maxLength={31} />
                  </Form.Item>
                ) : null}
                <Form.Item label="Date format" name={['config', 'dateFormat']} style={{ flex: '1 1 180px' }}>
                  <Input placeholder="yyyy-MM-dd HH:mm" />
                </Form.Item>
                <Form.Item label="Number format" name={['config', 'numberFormat']} style={{ flex: '1 1 180px' }}>
                  <Input placeholder="#,##0.00" />
                </Form.Item>
                <Form.Item label="Time zone of dates" name={['config', 'timezone']} style={{ flex: '1 1 180px' }}>
                  <Input />
                </Form.Item>
                <Form.Item label="Header row" name={['config', 'includeHeaders']} valuePropName="checked">
                  <Switch />
                </Form.Item>
                {exportType === 'csv' ? (
                  <Form.Item label="Byte-order mark (for Excel)" name={['config', 'bom']} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
      {save.isError && !(save.error as { fieldErrors?: unknown[] })?.fieldErrors?.length ? (
        <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          Save export
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </Flex>
    </Form>
  );
}
