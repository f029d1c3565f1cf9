import { cell, isDateColumn } from './ResultView';
import type { CatalogField } from '../exports/api';

const FIELDS: CatalogField[] = [
  { name: 'registrationDate', label: 'Registration Date', type: 'date' },
  { name: 'amountCents', label: 'Amount', type: 'number' },
];

describe('report cells', () => {
  it('shows instants of date columns in the conference zone, naming it', () => {
    expect(isDateColumn('registrationDate', FIELDS)).toBe(true);
    expect(isDateColumn('max_registrationDate', FIELDS)).toBe(true);
    expect(isDateColumn('avg_registrationDate', FIELDS)).toBe(false);
    expect(isDateColumn('amountCents', FIELDS)).toBe(false);
    expect(cell('2026-12-07T00:52:34.883+00:00', true, 'Asia/Kolkata')).toBe('7 Dec 2026, 06:22 (Asia/Kolkata)');
  });

  it('leaves other values readable', () => {
    expect(cell('REG-0001', false, 'Asia/Kolkata')).toBe('REG-0001');
    expect(cell(null)).toBe('—');
    expect(cell(true)).toBe('yes');
    expect(cell(['a', 'b'])).toBe('a, b');
    expect(cell('not a date', true, 'Asia/Kolkata')).toBe('not a date');
    expect(cell('2026-12-07', true, 'Asia/Kolkata')).toBe('2026-12-07');
  });
});
