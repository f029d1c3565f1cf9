import { render } from '@testing-library/react';
import { Table, Typography } from 'antd';
import { markScrollRegions } from './useFocusableScrollRegions';

describe('markScrollRegions', () => {
  it('makes a table scroll region focusable and names it after its section heading', () => {
    const { container } = render(
      <section>
        <Typography.Title level={3}>History</Typography.Title>
        <Table rowKey="id" columns={[{ title: 'Name', dataIndex: 'name' }]} dataSource={[{ id: 1, name: 'अनन्या' }]} scroll={{ x: 900 }} />
      </section>,
    );
    markScrollRegions(container);
    const region = container.querySelector('.ant-table-content')!;
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).toHaveAttribute('role', 'region');
    expect(region).toHaveAttribute('aria-label', 'History table');
  });

  it('keeps a label and tab stop a page set itself', () => {
    const { container } = render(
      <div aria-label="Messages">
        <Table rowKey="id" columns={[{ title: 'Name', dataIndex: 'name' }]} dataSource={[]} scroll={{ x: 900 }} />
      </div>,
    );
    const region = container.querySelector<HTMLElement>('.ant-table-content')!;
    markScrollRegions(container);
    expect(region).toHaveAttribute('aria-label', 'Messages');
    region.setAttribute('tabindex', '-1');
    markScrollRegions(container);
    expect(region).toHaveAttribute('tabindex', '-1');
  });
});
