import { useEffect, useRef, type ReactNode } from 'react';
import { Button, Flex, Tooltip } from 'antd';
import {
  BoldOutlined,
  ItalicOutlined,
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
        {tool('Undo', <UndoOutlined />, false, (e) => e.chain().focus().undo().run())}
        {tool('Redo', <RedoOutlined />, false, (e) => e.chain().focus().redo().run())}
      </Flex>
      <EditorContent editor={editor} />
    </div>
  );
}
