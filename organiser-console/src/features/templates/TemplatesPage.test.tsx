import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import TemplatesPage from './TemplatesPage';
import { fakeApi, renderWithConsole } from './test-utils';

const pageOf = (items: unknown[]) => ({
  items,
  pagination: { page: 1, limit: 20, total: items.length, totalPages: 1, hasNextPage: false, hasPrevPage: false },
});

const welcome = { _id: 't1', name: 'Welcome अनन्या', type: 'email', subject: 'Hello {{firstName}}', variables: [], isActive: true, transactional: true, updatedAt: '2027-03-01T04:30:00Z' };

describe('TemplatesPage', () => {
  it('lists the templates of the server page and filters by channel on the server', async () => {
    const api = fakeApi();
    api.get.mockResolvedValue({ _id: 'e1', name: 'Congress', timezone: 'Asia/Kolkata' });
    api.page.mockResolvedValue(pageOf([welcome]));
    renderWithConsole(<TemplatesPage eventId="e1" />, api);

    expect(await screen.findByRole('button', { name: 'Welcome अनन्या' })).toBeInTheDocument();
    expect(screen.getByText('Hello {{firstName}}')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Welcome अनन्या active' })).toBeChecked();
    expect(api.page).toHaveBeenCalledWith('/events/e1/notification-templates', expect.objectContaining({ page: '1', limit: 20 }), expect.anything());

    api.page.mockResolvedValue(pageOf([]));
    await userEvent.click(screen.getByText('SMS'));
    await waitFor(() =>
      expect(api.page).toHaveBeenLastCalledWith('/events/e1/notification-templates', expect.objectContaining({ type: 'sms' }), expect.anything()),
    );
    expect(await screen.findByText('No template matches these filters.')).toBeInTheDocument();
  });

  it('asks for confirmation before deleting, then deletes', async () => {
    const api = fakeApi();
    api.get.mockResolvedValue({ _id: 'e1', name: 'Congress' });
    api.page.mockResolvedValue(pageOf([welcome]));
    api.del.mockResolvedValue(undefined);
    renderWithConsole(<TemplatesPage eventId="e1" />, api);

    await userEvent.click(await screen.findByRole('button', { name: 'Delete Welcome अनन्या' }));
    expect(api.del).not.toHaveBeenCalled();
    const confirm = await screen.findByRole('tooltip');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(api.del).toHaveBeenCalledWith('/events/e1/notification-templates/t1'));
  });

  it('offers no write action to a read-only role', async () => {
    const api = fakeApi();
    api.get.mockResolvedValue({ _id: 'e1', name: 'Congress' });
    api.page.mockResolvedValue(pageOf([welcome]));
    renderWithConsole(<TemplatesPage eventId="e1" />, api, { canWrite: false });

    expect(await screen.findByRole('button', { name: 'Welcome अनन्या' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /New template/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'View' })).toBeInTheDocument();
  });
});
