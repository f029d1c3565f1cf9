import { useState } from 'react';
import { Form, Input, Segmented, Typography } from 'antd';
import type { Editor } from '@tiptap/react';
import { RichTextEditor } from './RichTextEditor';

/**
 * Markup the rich-text editor's schema cannot hold (tables, layout divs, styles, images): such a template opens as
 * HTML source, so opening and saving it never rewrites its layout.
 */
export function needsSource(html: string | null | undefined): boolean {
  return /<(table|div|style|img|span|font|center|section|header|footer|hr)\b|\sstyle=/i.test(html ?? '');
}

/** The HTML part: Tiptap, or the HTML source for hand-made layouts. */
export function HtmlPartField({
  initialHtml,
  readOnly,
  onHtmlFocus,
  onEditor,
}: {
  initialHtml?: string | null;
  readOnly: boolean;
  onHtmlFocus: () => void;
  onEditor: (editor: Editor | null) => void;
}) {
  const [mode, setMode] = useState<'rich' | 'source'>(needsSource(initialHtml) ? 'source' : 'rich');
  return (
    <Form.Item
      label="HTML part"
      required
      tooltip="[QR_CODE] becomes the registration's QR code"
      extra={
        mode === 'rich' && needsSource(initialHtml) ? (
          <Typography.Text type="warning">This template has layout the rich-text editor cannot keep; editing it here simplifies it.</Typography.Text>
        ) : undefined
      }
    >
      <Segmented
        size="small"
        aria-label="HTML part editor"
        value={mode}
        onChange={(m) => setMode(m as 'rich' | 'source')}
        options={[
          { value: 'rich', label: 'Rich text' },
          { value: 'source', label: 'HTML source' },
        ]}
        style={{ marginBottom: 8 }}
      />
      {mode === 'rich' ? (
        <Form.Item name="contentHtml" noStyle>
          <RichTextEditor label="HTML part" onFocus={onHtmlFocus} onEditor={onEditor} readOnly={readOnly} />
        </Form.Item>
      ) : (
        <Form.Item name="contentHtml" noStyle>
          <Input.TextArea
            aria-label="HTML part source"
            autoSize={{ minRows: 10, maxRows: 30 }}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 13 }}
            data-variable-target="contentHtml"
            data-variable-label="the HTML source"
          />
        </Form.Item>
      )}
    </Form.Item>
  );
}
