import { useCallback, useRef, useState, type FocusEvent } from 'react';
import type { FormInstance } from 'antd';
import type { Editor } from '@tiptap/react';
import { namePath } from '../../shared/forms';

interface Target {
  /** The form field (`subject`, `whatsapp.parameters.0`) or `contentHtml` for the Tiptap editor. */
  field: string;
  label: string;
  element?: HTMLInputElement | HTMLTextAreaElement;
}

/**
 * Remembers which part of the template was focused last (inputs mark themselves with `data-variable-target` and
 * `data-variable-label`; the HTML part is the Tiptap editor) and inserts a variable there, at the cursor.
 */
export function useVariableInsertion(form: FormInstance, fallback: Target) {
  const editor = useRef<Editor | null>(null);
  const [target, setTarget] = useState<Target | null>(null);
  const current = target ?? fallback;

  const onEditor = useCallback((e: Editor | null) => {
    editor.current = e;
  }, []);

  const onHtmlFocus = useCallback(() => setTarget({ field: 'contentHtml', label: 'the HTML part' }), []);

  /** Put on the form's wrapper: focus events bubble in React. */
  const onFocusCapture = useCallback((event: FocusEvent<HTMLElement>) => {
    const el = event.target;
    if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.dataset.variableTarget) {
      setTarget({ field: el.dataset.variableTarget, label: el.dataset.variableLabel ?? el.dataset.variableTarget, element: el });
    }
  }, []);

  const insert = useCallback(
    (token: string) => {
      if (current.field === 'contentHtml' && !current.element) {
        editor.current?.chain().focus().insertContent(token).run();
        return;
      }
      const path = namePath(current.field);
      const value: string = form.getFieldValue(path) ?? '';
      const el = current.element?.isConnected ? current.element : undefined;
      const start = el?.selectionStart ?? value.length;
      const end = el?.selectionEnd ?? start;
      form.setFieldValue(path, value.slice(0, start) + token + value.slice(end));
      const caret = start + token.length;
      requestAnimationFrame(() => {
        el?.focus();
        el?.setSelectionRange(caret, caret);
      });
    },
    [current, form],
  );

  return { insert, onEditor, onHtmlFocus, onFocusCapture, targetLabel: current.label, reset: () => setTarget(null) };
}
