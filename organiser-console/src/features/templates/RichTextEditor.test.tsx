import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Editor } from '@tiptap/react';
import { linkTarget, RichTextEditor } from './RichTextEditor';

describe('linkTarget', () => {
  it('accepts web, mail and phone addresses and variables, completes a bare domain, refuses the rest', () => {
    expect(linkTarget(' https://icc.example.org/agenda ')).toBe('https://icc.example.org/agenda');
    expect(linkTarget('mailto:desk@icc.example.org')).toBe('mailto:desk@icc.example.org');
    expect(linkTarget('tel:+919812345678')).toBe('tel:+919812345678');
    expect(linkTarget('{{registrationUrl}}')).toBe('{{registrationUrl}}');
    expect(linkTarget('icc.example.org/venue')).toBe('https://icc.example.org/venue');
    expect(linkTarget('javascript:alert(1)')).toBeNull();
    expect(linkTarget('not a link')).toBeNull();
    expect(linkTarget('')).toBeNull();
  });
});

describe('RichTextEditor', () => {
  it('links the selected words, refusing an address that is not one, and quotes a paragraph', async () => {
    const onChange = vi.fn();
    let editor: Editor | null = null;
    render(<RichTextEditor label="HTML part" value="<p>See the agenda</p>" onChange={onChange} onEditor={(e) => (editor = e)} />);
    await waitFor(() => expect(editor).not.toBeNull());
    editor!.commands.setTextSelection({ from: 5, to: 15 });

    await userEvent.click(screen.getByRole('button', { name: 'Link' }));
    const address = await screen.findByLabelText('Link address');
    await userEvent.type(address, 'javascript:alert(1)');
    await userEvent.click(screen.getByRole('button', { name: 'Apply link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter a web address');
    expect(onChange).not.toHaveBeenCalled();

    await userEvent.clear(address);
    await userEvent.type(address, 'icc.example.org/agenda{Enter}');
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith(expect.stringContaining('<a')));
    const html = onChange.mock.lastCall![0] as string;
    expect(html).toContain('href="https://icc.example.org/agenda"');
    expect(html).toMatch(/>the agenda<\/a>/);

    await userEvent.click(screen.getByRole('button', { name: 'Quote' }));
    await waitFor(() => expect(onChange.mock.lastCall![0]).toMatch(/^<blockquote>/));
  });
});
