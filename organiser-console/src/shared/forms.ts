import type { FormInstance } from 'antd';
import { ApiError } from '../api/http';

/** `roomTypes[0].name` → `['roomTypes', 0, 'name']`, the name path antd's Form uses. */
export function namePath(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts each field error of the API on its form field. Returns the messages no field of the form took (a field the
 * form does not show), so the caller can show them in an alert instead of losing them.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): string[] {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return [];
  const known = new Set(
    form
      .getFieldsError()
      .map((f) => JSON.stringify(f.name)),
  );
  const unplaced: string[] = [];
  const placed = error.fieldErrors.filter((fe) => {
    const ok = known.has(JSON.stringify(namePath(fe.field)));
    if (!ok) unplaced.push(`${fe.field}: ${fe.message}`);
    return ok;
  });
  form.setFields(placed.map((fe) => ({ name: namePath(fe.field), errors: [fe.message] })));
  return unplaced;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}
