import { useEffect } from 'react';
import { Button, Card, Flex, Form, Input, Segmented, Select } from 'antd';
import { DeleteOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { FilterRows } from '../exports/FilterRows';
import { filterValue, useCatalog, type CatalogField } from '../exports/api';
import { cleanRequest, type ReportRequest } from './api';

const METRICS = ['count', 'sum', 'avg', 'min', 'max'].map((m) => ({ value: m, label: m }));

const CHARTS = [
  { value: '', label: 'No chart' },
  { value: 'bar', label: 'Bar' },
  { value: 'line', label: 'Line' },
  { value: 'pie', label: 'Pie' },
];

type Values = Omit<ReportRequest, 'chartType'> & { chartType?: string };

/** The ReportBuilder request: data source, columns or groups with metrics, filters, sort, chart type. */
export function BuilderForm({
  initial,
  fields,
  onSourceChange,
  onRun,
}: {
  initial?: ReportRequest;
  fields: CatalogField[];
  onSourceChange: (source: string) => void;
  onRun: (request: ReportRequest) => void;
}) {
  const [form] = Form.useForm<Values>();
  const catalog = useCatalog();
  const groupBy = Form.useWatch('groupBy', form) ?? [];
  const grouped = groupBy.length > 0;
  const numeric = fields.filter((f) => f.type === 'number' || f.type === 'date');
  const options = fields.map((f) => ({ value: f.name, label: f.label }));

  useEffect(() => {
    if (initial) {
      form.setFieldsValue({
        ...initial,
        chartType: initial.chartType ?? '',
        filters: (initial.filters ?? []).map((f) => ({ ...f, value: Array.isArray(f.value) ? f.value.join(', ') : f.value })),
      });
    }
  }, [initial, form]);

  const submit = (values: Values) => {
    onRun(
      cleanRequest({
        ...values,
        chartType: (values.chartType || undefined) as ReportRequest['chartType'],
        filters: (values.filters ?? []).map((f) => ({ ...f, value: filterValue(f.operator, f.value) })),
      }),
    );
  };

  return (
    <Card>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ reportType: 'registrations', fields: [], groupBy: [], metrics: [{ type: 'count' }], filters: [], chartType: 'bar', sortDirection: 'asc' }}
      >
        <Flex wrap gap={16}>
          <Form.Item label="Data source" name="reportType" rules={[{ required: true }]} style={{ flex: '1 1 200px' }}>
            <Select
              loading={catalog.isPending}
              options={(catalog.data ?? []).map((d) => ({ value: d.name, label: d.name }))}
              onChange={(value: string) => {
                form.setFieldsValue({ fields: [], groupBy: [], filters: [], sortBy: undefined, metrics: [{ type: 'count' }] });
                onSourceChange(value);
              }}
            />
          </Form.Item>
          <Form.Item label="Group by" name="groupBy" extra="One or two fields; rows become groups with metrics." style={{ flex: '2 1 260px' }}>
            <Select mode="multiple" maxCount={2} options={options} optionFilterProp="label" placeholder="No grouping" />
          </Form.Item>
        </Flex>
        {grouped ? (
          <Form.Item label="Metrics">
            <Form.List name="metrics">
              {(rows, { add, remove }) => (
                <Flex vertical gap={8}>
                  {rows.map((row, index) => (
                    <Flex key={row.key} wrap gap={8}>
                      <Form.Item name={[row.name, 'type']} style={{ margin: 0, width: 120 }}>
                        <Select aria-label={`Metric ${index + 1}`} options={METRICS} />
                      </Form.Item>
                      <Form.Item noStyle shouldUpdate>
                        {() =>
                          form.getFieldValue(['metrics', row.name, 'type']) === 'count' ? null : (
                            <Form.Item name={[row.name, 'field']} rules={[{ required: true, message: 'Pick a number or date field' }]} style={{ margin: 0, minWidth: 200 }}>
                              <Select
                                aria-label={`Metric ${index + 1} field`}
                                placeholder="Of field"
                                options={numeric.map((f) => ({ value: f.name, label: f.label }))}
                              />
                            </Form.Item>
                          )
                        }
                      </Form.Item>
                      <Button aria-label={`Remove metric ${index + 1}`} icon={<DeleteOutlined />} onClick={() => remove(row.name)} />
                    </Flex>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'sum' })} style={{ alignSelf: 'flex-start' }}>
                    Add metric
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
        ) : (
          <Form.Item label="Columns" name="fields" extra="None picked: every field.">
            <Select mode="multiple" options={options} optionFilterProp="label" placeholder="All fields" />
          </Form.Item>
        )}
        <Form.Item label="Filters">
          <FilterRows name="filters" fields={fields} />
        </Form.Item>
        <Flex wrap gap={16}>
          <Form.Item label="Sort by" name="sortBy" style={{ flex: '1 1 200px' }}>
            <Select
              allowClear
              placeholder="Default order"
              options={grouped ? [...groupBy.map((g) => ({ value: g, label: fields.find((f) => f.name === g)?.label ?? g })), { value: 'count', label: 'Count' }] : options}
            />
          </Form.Item>
          <Form.Item label="Direction" name="sortDirection" style={{ width: 150 }}>
            <Select options={[{ value: 'asc', label: 'Ascending' }, { value: 'desc', label: 'Descending' }]} />
          </Form.Item>
          <Form.Item label="Chart" name="chartType" style={{ flex: '1 1 260px' }}>
            <Segmented options={CHARTS} aria-label="Chart type" />
          </Form.Item>
        </Flex>
        <Form.Item label="Report name" name="name">
          <Input maxLength={200} placeholder="Used as the title of files and favourites" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlayCircleOutlined />}>
          Run report
        </Button>
      </Form>
    </Card>
  );
}
