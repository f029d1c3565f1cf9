import { Button, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { OPERATORS, isUnary, type ConditionField } from './api';

/** The value input that fits the field: its enum as a select, a number, true/false, or text. */
function ValueInput({ field, ...rest }: { field?: ConditionField; 'aria-label': string; disabled?: boolean }) {
  if (field?.values && field.values.length > 0) {
    return <Select {...rest} placeholder="Value" options={field.values.map((v) => ({ value: v, label: String(v) }))} />;
  }
  if (field?.type === 'boolean') {
    return <Select {...rest} placeholder="Value" options={[{ value: true, label: 'true' }, { value: false, label: 'false' }]} />;
  }
  if (field?.type === 'integer' || field?.type === 'number') {
    return <InputNumber {...rest} placeholder="Value" style={{ width: '100%' }} />;
  }
  return <Input {...rest} placeholder={field?.format === 'date-time' ? 'ISO date, e.g. 2027-03-12' : 'Value'} />;
}

function fieldOptions(fields: ConditionField[]) {
  const option = (f: ConditionField) => ({
    value: f.path,
    label: f.path,
    title: f.description ?? `${f.type}${f.values ? `: ${f.values.join(', ')}` : ''}`,
  });
  const payload = fields.filter((f) => f.source === 'payload');
  const variables = fields.filter((f) => f.source === 'variable');
  return [
    ...(payload.length ? [{ label: 'Event data', title: 'Event data', options: payload.map(option) }] : []),
    { label: 'Template variables', title: 'Template variables', options: variables.map(option) },
  ];
}

/**
 * All conditions must hold for the trigger to send. The field picker offers exactly the paths the chosen event type's
 * payload has (from the API), and the value input follows the field's type.
 */
export function ConditionBuilder({ fields, disabled }: { fields: ConditionField[]; disabled?: boolean }) {
  const byPath = new Map(fields.map((f) => [f.path, f]));
  return (
    <Form.List name="conditions">
      {(rows, { add, remove }) => (
        <Flex vertical gap={8}>
          {rows.length === 0 ? (
            <Typography.Text type="secondary">No condition: every event of this type sends.</Typography.Text>
          ) : null}
          {rows.map((row, index) => (
            <Flex key={row.key} wrap gap={8} align="flex-start" className="condition-row">
              <Form.Item
                name={[row.name, 'field']}
                rules={[{ required: true, message: 'Choose a field' }]}
                style={{ flex: '2 1 240px', marginBottom: 0 }}
              >
                <Select
                  aria-label={`Condition ${index + 1} field`}
                  placeholder="Field"
                  showSearch={{ optionFilterProp: 'label' }}
                  options={fieldOptions(fields)}
                  disabled={disabled}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
              <Form.Item name={[row.name, 'operator']} initialValue="equals" style={{ flex: '1 1 150px', marginBottom: 0 }}>
                <Select aria-label={`Condition ${index + 1} operator`} options={OPERATORS} disabled={disabled} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {(form) => {
                  const operator = form.getFieldValue(['conditions', row.name, 'operator']);
                  if (isUnary(operator)) return <div style={{ flex: '2 1 200px' }} />;
                  const field = byPath.get(form.getFieldValue(['conditions', row.name, 'field']));
                  return (
                    <Form.Item
                      name={[row.name, 'value']}
                      rules={[{ required: true, message: 'Give a value' }]}
                      style={{ flex: '2 1 200px', marginBottom: 0 }}
                    >
                      <ValueInput field={field} aria-label={`Condition ${index + 1} value`} disabled={disabled} />
                    </Form.Item>
                  );
                }}
              </Form.Item>
              {!disabled ? (
                <Button icon={<DeleteOutlined />} aria-label={`Remove condition ${index + 1}`} onClick={() => remove(row.name)} />
              ) : null}
            </Flex>
          ))}
          {!disabled ? (
            <Button icon={<PlusOutlined />} onClick={() => add({ operator: 'equals' })} style={{ alignSelf: 'flex-start' }}>
              Add condition
            </Button>
          ) : null}
        </Flex>
      )}
    </Form.List>
  );
}
