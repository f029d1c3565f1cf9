import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Flex, Input, Popover, Space, Tooltip } from 'antd';
import {
  BoldOutlined,
  ClearOutlined,
  ItalicOutlined,
  LineOutlined,
  LinkOutlined,
  OrderedListOutlined,
  RedoOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Placeholder from '@tiptap/extension-placeholder';
import './templates.css';

/** Tiptap's empty document is `<p></p>`; the template's empty HTML is ''. */
export function normaliseHtml(html: string): string {
  return html === '<p></p>' ? '' : html;
}

/**
 * The HTML part of an e-mail template in Tiptap (the ONSITE ATLAS client's e-mail editor), as a controlled antd form
 * control (`value`/`onChange`). `onEditor` hands the editor to the page, which inserts variables at its cursor.
 */
export function RichTextEditor({
  value,
  onChange,
  onFocus,
  onEditor,
  label,
  readOnly,
  id,
}: {
  value?: string;
  onChange?: (html: string) => void;
  onFocus?: () => void;
  onEditor?: (editor: Editor | null) => void;
  label: string;
  readOnly?: boolean;
  id?: string;
}) {
  // The editor is created once (no deps): options that changed on every render would make Tiptap reconfigure the
  // view on every keystroke. The callbacks are read through refs instead.
  const callbacks = useRef({ onChange, onFocus });
  callbacks.current = { onChange, onFocus };
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ link: { openOnClick: false }, heading: { levels: [2, 3] } }),
        Placeholder.configure({ placeholder: 'Write the e-mail; insert variables from the palette.' }),
      ],
      content: value ?? '',
      editable: !readOnly,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          ...(id ? { id } : {}),
          class: 'atlas-rich-text',
        },
      },
      onUpdate: ({ editor: e }) => callbacks.current.onChange?.(normaliseHtml(e.getHTML())),
      onFocus: () => callbacks.current.onFocus?.(),
    },
    [],
  );

  // A value from outside (the template loaded, the form reset) replaces the content; our own echo does not.
  useEffect(() => {
    // (React's development double mount hands out a destroyed instance for a moment.)
    if (editor && !editor.isDestroyed && (value ?? '') !== normaliseHtml(editor.getHTML())) {
      editor.commands.setContent(value ?? '', { emitUpdate: false });
    }
  }, [editor, value]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      underline: e?.isActive('underline') ?? false,
      h2: e?.isActive('heading', { level: 2 }) ?? false,
      h3: e?.isActive('heading', { level: 3 }) ?? false,
      bullet: e?.isActive('bulletList') ?? false,
      ordered: e?.isActive('orderedList') ?? false,
      quote: e?.isActive('blockquote') ?? false,
      link: e?.isActive('link') ?? false,
      href: (e?.getAttributes('link').href as string | undefined) ?? '',
    }),
  });

  const tool = (name: string, icon: ReactNode, pressed: boolean, run: (e: Editor) => void) => (
    <Tooltip title={name} key={name}>
      <Button
        size="small"
        type={pressed ? 'primary' : 'text'}
        icon={icon}
        aria-label={name}
        aria-pressed={pressed}
        disabled={!editor || readOnly}
        onClick={() => editor && run(editor)}
      />
    </Tooltip>
  );

  return (
    <div className="atlas-rich-text-frame">
      <Flex role="toolbar" aria-label={`${label} formatting`} wrap gap={2} className="atlas-rich-text-toolbar">
        {tool('Bold', <BoldOutlined />, active?.bold ?? false, (e) => e.chain().focus().toggleBold().run())}
        {tool('Italic', <ItalicOutlined />, active?.italic ?? false, (e) => e.chain().focus().toggleItalic().run())}
        {tool('Underline', <UnderlineOutlined />, active?.underline ?? false, (e) => e.chain().focus().toggleUnderline().run())}
        {tool('Heading', <strong aria-hidden>H2</strong>, active?.h2 ?? false, (e) => e.chain().focus().toggleHeading({ level: 2 }).run())}
        {tool('Subheading', <strong aria-hidden>H3</strong>, active?.h3 ?? false, (e) => e.chain().focus().toggleHeading({ level: 3 }).run())}
        {tool('Bulleted list', <UnorderedListOutlined />, active?.bullet ?? false, (e) => e.chain().focus().toggleBulletList().run())}
        {tool('Numbered list', <OrderedListOutlined />, active?.ordered ?? false, (e) => e.chain().focus().toggleOrderedList().run())}
        {tool('Quote', <strong aria-hidden>“</strong>, active?.quote ?? false, (e) => e.chain().focus().toggleBlockquote().run())}
        {tool('Divider', <LineOutlined />, false, (e) => e.chain().focus().setHorizontalRule().run())}
        <LinkTool editor={editor} disabled={!editor || !!readOnly} active={active?.link ?? false} href={active?.href ?? ''} />
        {tool('Clear formatting', <ClearOutlined />, false, (e) => e.chain().focus().unsetAllMarks().clearNodes().run())}
        {tool('Undo', <UndoOutlined />, false, (e) => e.chain().focus().undo().run())}
        {tool('Redo', <RedoOutlined />, false, (e) => e.chain().focus().redo().run())}
      </Flex>
      <EditorContent editor={editor} />
    </div>
  );
}

/** A URL an organiser may link to: http(s), mailto, tel, or a variable that fills one in (`{{registrationUrl}}`). */
export function linkTarget(text: string): string | null {
  const url = text.trim();
  if (!url) return null;
  if (/^(https?:\/\/|mailto:|tel:)\S+$/i.test(url) || /^\{\{\s*[\w.]+\s*\}\}\S*$/.test(url)) return url;
  if (/^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(url)) return `https://${url}`;
  return null;
}

/** Link or unlink the selection: a small form in a popover, so the URL can be typed, checked and applied by keyboard. */
function LinkTool({ editor, disabled, active, href }: { editor: Editor | null; disabled: boolean; active: boolean; href: string }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const target = linkTarget(text);
    if (!target) {
      setError('Enter a web address (https://…), mailto:, tel: or a {{variable}}');
      return;
    }
    editor?.chain().focus().extendMarkRange('link').setLink({ href: target }).run();
    setOpen(false);
  };
  const remove = () => {
    editor?.chain().focus().extendMarkRange('link').unsetLink().run();
    setOpen(false);
  };
  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setText(href);
          setError(null);
        }
      }}
      trigger="click"
      title="Link"
      content={
        <Space orientation="vertical" style={{ width: 300 }}>
          <Input
            aria-label="Link address"
            value={text}
            autoFocus
            placeholder="https://example.org or {{registrationUrl}}"
            status={error ? 'error' : undefined}
            onChange={(event) => {
              setText(event.target.value);
              setError(null);
            }}
            onPressEnter={apply}
          />
          {error ? <span role="alert" style={{ color: '#cf1322' }}>{error}</span> : null}
          <Space>
            <Button type="primary" size="small" onClick={apply}>
              Apply link
            </Button>
            {active ? (
              <Button size="small" onClick={remove}>
                Remove link
              </Button>
            ) : null}
          </Space>
        </Space>
      }
    >
      <Tooltip title="Link">
        <Button size="small" type={active ? 'primary' : 'text'} icon={<LinkOutlined />} aria-label="Link" aria-pressed={active} disabled={disabled} />
      </Tooltip>
    </Popover>
  );
}
