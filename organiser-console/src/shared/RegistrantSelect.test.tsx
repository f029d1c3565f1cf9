import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RegistrantSelect } from './RegistrantSelect';
import type { Registrant } from './registrants';
import { renderWithApi, type Call } from '../features/bookings/test-utils';

vi.setConfig({ testTimeout: 30_000 });
afterEach(() => vi.unstubAllGlobals());

const ananya: Registrant = { _id: 'a'.repeat(24), registrationId: 'REG-0001', name: 'अनन्या Iyer', email: 'ananya@example.in', category: 'Delegate', status: 'active' };
const jose: Registrant = { _id: 'b'.repeat(24), registrationId: 'REG-0002', name: 'José Álvarez', email: 'jose@example.es', category: 'Faculty', status: 'cancelled' };

/** The server's search, as far as these tests need it: by name. */
const registrants = (call: Call) => {
  const search = new URL(call.url, 'http://x').searchParams.get('search') ?? '';
  return [jose, ananya].filter((r) => r.name.includes(search));
};

function PickerForm({ onFinish }: { onFinish: (values: { registration?: string }) => void }) {
  return (
    <Form onFinish={onFinish}>
      <Form.Item name="registration" label="Registrant">
        <RegistrantSelect eventId="e1" />
      </Form.Item>
      <Button htmlType="submit">Save</Button>
    </Form>
  );
}

const searches = (calls: Call[]) =>
  calls.filter((c) => c.url.startsWith('/events/e1/registrants')).map((c) => new URL(c.url, 'http://x').searchParams);

describe('RegistrantSelect', () => {
  it('searches the server as the organiser types and picks a registrant with the keyboard', async () => {
    const onFinish = vi.fn();
    const { calls } = renderWithApi(<PickerForm onFinish={onFinish} />, { 'GET /events/e1/registrants': registrants });
    const box = screen.getByRole('combobox', { name: 'Registrant' });
    await userEvent.click(box);
    expect(await screen.findByText('José Álvarez')).toBeInTheDocument();
    expect(searches(calls)[0].get('limit')).toBe('20');
    expect(searches(calls)[0].has('search')).toBe(false);

    await userEvent.type(box, 'अनन्या');
    await waitFor(() => expect(searches(calls).at(-1)?.get('search')).toBe('अनन्या'));
    await waitFor(() => expect(screen.queryByText('José Álvarez')).not.toBeInTheDocument());
    const option = await screen.findByText('ananya@example.in');
    expect(option.closest('.ant-select-item-option')).toHaveTextContent('अनन्या IyerREG-0001ananya@example.in');

    // rc-select reads the legacy `which`, which user-event leaves unset in jsdom: the keys are fired with it.
    fireEvent.keyDown(box, { key: 'ArrowDown', keyCode: 40, which: 40 });
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 13, which: 13 });
    await waitFor(() => expect(box.closest('.ant-select-content')).toHaveAttribute('title', 'अनन्या Iyer (REG-0001)'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onFinish).toHaveBeenCalledWith({ registration: ananya._id }));
  });

  it('marks a registrant who is not active and says when nothing matches', async () => {
    renderWithApi(<PickerForm onFinish={() => undefined} />, { 'GET /events/e1/registrants': registrants });
    const box = screen.getByRole('combobox', { name: 'Registrant' });
    await userEvent.click(box);
    const option = (await screen.findByText('José Álvarez')).closest('.ant-select-item-option') as HTMLElement;
    expect(within(option).getByText('cancelled')).toBeInTheDocument();
    await userEvent.type(box, 'Nobody');
    expect(await screen.findByText('No registration of this conference matches')).toBeInTheDocument();
  });

  it('shows the current registrant by name when it cannot change, without searching', () => {
    const { calls } = renderWithApi(
      <Form>
        <Form.Item label="Registrant" htmlFor="current">
          <RegistrantSelect id="current" eventId="e1" value={ananya._id} current={ananya} disabled />
        </Form.Item>
      </Form>,
      {},
    );
    expect(screen.getByTitle('अनन्या Iyer (REG-0001)')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Registrant' })).toBeDisabled();
    expect(calls).toHaveLength(0);
  });
});
