import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import { TemplateEditor } from './TemplateEditor';
import { fakeApi, renderWithConsole, type FakeApi } from './test-utils';

const VARIABLES = {
  general: [{ name: 'firstName', description: 'First name', sample: 'Priya' }],
  'registration-created': [
    { name: 'firstName', description: 'First name', sample: 'Priya' },
    { name: 'registrationId', description: 'Registration id', sample: 'REG-0001' },
  ],
};

const preview = (over: Record<string, unknown> = {}) => ({
  channel: 'email',
  subject: 'Hello अनन्या',
  html: '<p>Dear अनन्या</p>',
  text: 'Dear अनन्या',
  variablesUsed: ['firstName'],
  unknownVariables: [],
  missingRequired: [],
  emptyVariables: [],
  dataSource: 'registration',
  ...over,
});

function arrange(): FakeApi {
  const api = fakeApi();
  api.get.mockImplementation(async (path: string) => {
    if (path.endsWith('/variables')) return VARIABLES;
    if (path.endsWith('/sample-registrations')) return [{ _id: 'r1', registrationId: 'REG-4101', firstName: 'अनन्या', lastName: 'Iyer' }];
    throw new Error(`unexpected GET ${path}`);
  });
  api.post.mockImplementation(async (path: string) => {
    if (path.endsWith('/preview')) return preview();
    throw new Error(`unexpected POST ${path}`);
  });
  return api;
}

function editor(api: FakeApi, props: Partial<Parameters<typeof TemplateEditor>[0]> = {}) {
  return renderWithConsole(
    <TemplateEditor eventId="e1" canWrite sample="r1" onSample={() => {}} onClose={() => {}} onSaved={() => {}} {...props} />,
    api,
  );
}

describe('TemplateEditor', () => {
  it('inserts a palette variable at the cursor of the focused part', async () => {
    const api = arrange();
    editor(api);
    const subject = await screen.findByLabelText('Subject');
    await userEvent.type(subject, 'Hello , welcome');
    (subject as HTMLInputElement).setSelectionRange(6, 6);
    fireEvent.focus(subject);
    await userEvent.click(await screen.findByRole('button', { name: '{{firstName}}' }));
    await waitFor(() => expect(subject).toHaveValue('Hello {{firstName}}, welcome'));
    expect(screen.getByText('the subject')).toBeInTheDocument();
  });

  it('previews the unsaved content with the chosen registration, debounced, and shows its warnings', async () => {
    const api = arrange();
    api.post.mockImplementation(async (path: string) =>
      path.endsWith('/preview') ? preview({ unknownVariables: ['favouriteColour'] }) : undefined,
    );
    editor(api);
    await userEvent.type(await screen.findByLabelText('Subject'), 'Hi {{{{favouriteColour}}');
    await waitFor(() =>
      expect(api.post).toHaveBeenLastCalledWith(
        '/events/e1/notification-templates/preview',
        expect.objectContaining({ type: 'email', subject: 'Hi {{favouriteColour}}', registrationId: 'r1', eventType: 'registration-created' }),
      ),
    );
    // One request per pause in typing, not one per key.
    expect(api.post.mock.calls.filter(([p]) => p.endsWith('/preview')).length).toBeLessThan(5);
    expect(await screen.findByText('Hello अनन्या')).toBeInTheDocument();
    expect(screen.getByTitle('E-mail preview')).toHaveAttribute('srcdoc', expect.stringContaining('Dear अनन्या'));
    expect(screen.getByText('Unknown variables: no trigger provides them, they render empty')).toBeInTheDocument();
    expect(screen.getByText('{{favouriteColour}}')).toBeInTheDocument();
  });

  it('puts the API field errors of a save on their fields', async () => {
    const api = arrange();
    api.post.mockImplementation(async (path: string) => {
      if (path.endsWith('/preview')) return preview();
      throw new ApiError(400, 'The template is invalid', [{ field: 'subject', message: 'Unclosed {{#if}} at line 1' }]);
    });
    editor(api, { sample: '' });
    await userEvent.type(await screen.findByLabelText('Name'), 'Welcome');
    await userEvent.type(screen.getByLabelText('Subject'), 'Hi');
    await userEvent.click(screen.getByRole('button', { name: 'Create template' }));
    expect(await screen.findByText('Unclosed {{#if}} at line 1')).toBeInTheDocument();
    expect(api.post).toHaveBeenCalledWith('/events/e1/notification-templates', expect.objectContaining({ name: 'Welcome', type: 'email', subject: 'Hi' }));
  });
});
