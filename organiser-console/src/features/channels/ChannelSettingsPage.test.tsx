import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import ChannelSettingsPage from './ChannelSettingsPage';
import { withoutEmptySecrets, SECRET_FIELDS, type NotificationConfig } from './api';
import { fakeApi, renderWithConsole, type FakeApi } from '../templates/test-utils';

const CONFIG: NotificationConfig = {
  email: {
    enabled: true,
    sender: { name: 'ICC', email: 'icc@example.org' },
    replyTo: 'help@example.org',
    footerText: null,
    smtp: { host: 'smtp.example.org', port: 587, secure: false, startTls: true, username: 'icc', password: '********1234' },
  },
  whatsapp: { enabled: false, provider: 'cloud-api', apiKey: null },
  sms: { enabled: true, provider: 'twilio', providers: { twilio: { accountSid: 'AC1', authToken: '********5555', fromNumber: '+15550001' } } },
  testMode: false,
  testRecipients: { email: null, phone: null },
  updatedAt: '2027-03-01T04:30:00Z',
};

function arrange(): FakeApi {
  const api = fakeApi();
  api.get.mockImplementation(async (path: string) => (path.includes('notification-config') ? CONFIG : { _id: 'e1', name: 'Congress', timezone: 'Asia/Kolkata' }));
  api.put.mockImplementation(async (_path: string, body: Record<string, unknown>) => ({ ...CONFIG, ...body, updatedAt: '2027-03-02T04:30:00Z' }));
  return api;
}

describe('ChannelSettingsPage', () => {
  it('never shows a stored secret and keeps it when the field is left empty', async () => {
    const api = arrange();
    renderWithConsole(<ChannelSettingsPage eventId="e1" />, api);
    const password = await screen.findByLabelText('SMTP password');
    expect(password).toHaveValue('');
    expect(password).toHaveAttribute('placeholder', 'Stored (********1234): leave empty to keep');
    expect(screen.queryByDisplayValue('********1234')).not.toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText('Reply-to address'));
    await userEvent.type(screen.getByLabelText('Reply-to address'), 'desk@example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Save e-mail' }));
    await waitFor(() => expect(api.put).toHaveBeenCalled());
    const [path, body] = api.put.mock.calls[0];
    expect(path).toBe('/events/e1/notification-config');
    expect(body.email.replyTo).toBe('desk@example.org');
    expect(body.email.smtp).not.toHaveProperty('password');
    expect(body.email.smtp.host).toBe('smtp.example.org');
  });

  it('keeps what the organiser typed in one section when another section is saved', async () => {
    const api = arrange();
    renderWithConsole(<ChannelSettingsPage eventId="e1" />, api);
    const sender = await screen.findByLabelText('Sender name');
    await userEvent.clear(sender);
    await userEvent.type(sender, 'ICC Desk');
    await userEvent.type(screen.getByLabelText('Test phone (SMS and WhatsApp)'), '+15550002');
    await userEvent.click(screen.getByRole('button', { name: 'Save test mode and test recipients' }));
    await waitFor(() => expect(api.put).toHaveBeenCalled());
    expect(api.put.mock.calls[0][1]).not.toHaveProperty('email');
    // The saved section shows what was stored; the unsaved e-mail edit is still there to be saved.
    expect(await screen.findByLabelText('Test phone (SMS and WhatsApp)')).toHaveValue('+15550002');
    expect(screen.getByLabelText('Sender name')).toHaveValue('ICC Desk');
  });

  it('shows the result of a connection test, naming what failed', async () => {
    const api = arrange();
    api.post.mockResolvedValue([
      { channel: 'email', success: false, result: 'auth-failed', message: 'Connected to smtp.example.org:587 but login failed' },
    ]);
    renderWithConsole(<ChannelSettingsPage eventId="e1" />, api);
    await userEvent.click(await screen.findByRole('button', { name: /Test SMTP connection/ }));
    const status = await screen.findByRole('status');
    expect(within(status).getByText('SMTP connection failed: the user name, password or token was refused')).toBeInTheDocument();
    expect(within(status).getByText('Connected to smtp.example.org:587 but login failed')).toBeInTheDocument();
    expect(api.post).toHaveBeenCalledWith('/events/e1/notification-config/test-connection', { channel: 'email' });
  });

  it('edits an AWS SNS account without showing or resending its stored secret', async () => {
    const api = fakeApi();
    const sns: NotificationConfig = {
      ...CONFIG,
      sms: { enabled: true, provider: 'aws-sns', providers: { 'aws-sns': { accessKeyId: 'AKIAEXAMPLE0000000', secretAccessKey: '********WXYZ', region: 'eu-west-1' } } },
    };
    api.get.mockImplementation(async (path: string) => (path.includes('notification-config') ? sns : { _id: 'e1', name: 'Congress', timezone: 'Asia/Kolkata' }));
    api.put.mockImplementation(async (_path: string, body: Record<string, unknown>) => ({ ...sns, ...body }));
    renderWithConsole(<ChannelSettingsPage eventId="e1" />, api);
    await userEvent.click(await screen.findByRole('tab', { name: 'SMS' }));
    const secret = await screen.findByLabelText('Secret access key');
    expect(secret).toHaveValue('');
    expect(secret).toHaveAttribute('placeholder', 'Stored (********WXYZ): leave empty to keep');
    await userEvent.clear(screen.getByLabelText('Region'));
    await userEvent.type(screen.getByLabelText('Region'), 'ap-south-1');
    await userEvent.click(screen.getByRole('button', { name: 'Save SMS' }));
    await waitFor(() => expect(api.put).toHaveBeenCalled());
    const body = api.put.mock.calls[0][1];
    expect(body.sms.provider).toBe('aws-sns');
    expect(body.sms.config).toMatchObject({ accessKeyId: 'AKIAEXAMPLE0000000', region: 'ap-south-1' });
    expect(body.sms.config).not.toHaveProperty('secretAccessKey');
    expect(body.sms.config).not.toHaveProperty('url');
  });

  it('says when a provider has no connection test instead of calling it a failure', async () => {
    const api = arrange();
    api.post.mockResolvedValue([{ channel: 'sms', success: false, result: 'not-supported', message: 'MSG91 offers no check that sends nothing' }]);
    renderWithConsole(<ChannelSettingsPage eventId="e1" />, api);
    await userEvent.click(await screen.findByRole('tab', { name: 'SMS' }));
    await userEvent.click(await screen.findByRole('button', { name: /Test SMS provider connection/ }));
    const status = await screen.findByRole('status');
    expect(within(status).getByText(/SMS provider connection not tested: this provider offers no test/)).toBeInTheDocument();
  });

  it('puts the API field errors on their fields', async () => {
    const api = arrange();
    api.put.mockRejectedValue(new ApiError(400, 'Validation failed', [{ field: 'testRecipients.email', message: 'must be a well-formed email address' }]));
    renderWithConsole(<ChannelSettingsPage eventId="e1" />, api);
    await userEvent.type(await screen.findByLabelText('Test phone (SMS and WhatsApp)'), '+15550002');
    await userEvent.click(screen.getByRole('button', { name: 'Save test mode and test recipients' }));
    expect(await screen.findByText('must be a well-formed email address')).toBeInTheDocument();
  });

  it('is read-only for a read-only role', async () => {
    const api = arrange();
    renderWithConsole(<ChannelSettingsPage eventId="e1" />, api, { canWrite: false });
    expect(await screen.findByLabelText('Sender name')).toBeDisabled();
    expect(screen.queryByRole('button', { name: /Save/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Test .* connection/ })).not.toBeInTheDocument();
  });

  it('drops empty secrets from a body and keeps the rest', () => {
    expect(withoutEmptySecrets({ sms: { config: { authToken: '', accountSid: ' AC2 ' } }, email: { smtp: { password: undefined, host: '' } } }, SECRET_FIELDS)).toEqual({
      sms: { config: { accountSid: 'AC2' } },
      email: { smtp: { host: '' } },
    });
  });
});
