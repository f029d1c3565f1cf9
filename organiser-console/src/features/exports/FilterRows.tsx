import { Button, Flex, Form, Input, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { OPERATORS, type CatalogField } from './api';

const fieldOptions = (fields: CatalogField[]) => fields.map((f) => ({ value: f.name, label: f.label }));

/** Conditions `{field, operator, value}` as a list of rows in a form (`name` is the list's form name). */
export function FilterRows({ name, fields, disabled }: { name: string; fields: CatalogField[]; disabled?: boolean }) {
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <Flex vertical gap={8}>
          {rows.map((row, index) => (
            <Flex key={row.key} wrap gap={8} align="flex-start">
              <Form.Item name={[row.name, 'field']} rules={[{ required: true, message: 'Pick a field' }]} style={{ margin: 0, minWidth: 160, flex: '1 1 160px' }}>
                <Select aria-label={`Filter ${index + 1} field`} options={fieldOptions(fields)} showSearch optionFilterProp="label" placeholder="Field" disabled={disabled} />
              </Form.Item>
              <Form.Item name={[row.name, 'operator']} initialValue="equals" style={{ margin: 0, minWidth: 140, flex: '0 1 160px' }}>
                <Select aria-label={`Filter ${index + 1} operator`} options={OPERATORS.map((o) => ({ value: o, label: o }))} disabled={disabled} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {(form) => {
                  const operator = form.getFieldValue([name, row.name, 'operator']);
                  const none = operator === 'isNull' || operator === 'isNotNull';
                  return (
                    <Form.Item name={[row.name, 'value']} style={{ margin: 0, minWidth: 140, flex: '1 1 160px' }}>
                      <Input
                        aria-label={`Filter ${index + 1} value`}
                        placeholder={['in', 'notIn', 'between'].includes(operator) ? 'a, b' : 'Value'}
                        disabled={disabled || none}
                      />
                    </Form.Item>
                  );
                }}
              </Form.Item>
              {!disabled ? (
                <Button aria-label={`Remove filter ${index + 1}`} icon={<DeleteOutlined />} onClick={() => remove(row.name)} />
              ) : null}
            </Flex>
          ))}
          {!disabled ? (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ operator: 'equals' })} style={{ alignSelf: 'flex-start' }}>
              Add filter
            </Button>
          ) : null}
        </Flex>
      )}
    </Form.List>
  );
}

/** Sort order `{field, direction}` as rows. */
export function SortRows({ name, fields, disabled }: { name: string; fields: CatalogField[]; disabled?: boolean }) {
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <Flex vertical gap={8}>
          {rows.map((row, index) => (
            <Flex key={row.key} wrap gap={8}>
              <Form.Item name={[row.name, 'field']} rules={[{ required: true, message: 'Pick a field' }]} style={{ margin: 0, minWidth: 160, flex: '1 1 160px' }}>
                <Select aria-label={`Sort ${index + 1} field`} options={fieldOptions(fields)} showSearch optionFilterProp="label" placeholder="Field" disabled={disabled} />
              </Form.Item>
              <Form.Item name={[row.name, 'direction']} initialValue="asc" style={{ margin: 0, width: 130 }}>
                <Select
                  aria-label={`Sort ${index + 1} direction`}
                  options={[
                    { value: 'asc', label: 'Ascending' },
                    { value: 'desc', label: 'Descending' },
                  ]}
                  disabled={disabled}
                />
              </Form.Item>
              {!disabled ? <Button aria-label={`Remove sort ${index + 1}`} icon={<DeleteOutlined />} onClick={() => remove(row.name)} /> : null}
            </Flex>
          ))}
          {!disabled ? (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ direction: 'asc' })} style={{ alignSelf: 'flex-start' }}>
              Add sort
            </Button>
          ) : null}
        </Flex>
      )}
    </Form.List>
  );
}
