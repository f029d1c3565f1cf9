import type { ManifestGroup, TransferManifest } from './api';

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ is neutralised so a spreadsheet does not run it as a formula; phone numbers (+91 98…) stay as they are.
  const formula = /^[=+\-@]/.test(text) && !/^\+[\d\s()-]+$/.test(text);
  const safe = formula ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const MANIFEST_HEADER = ['Direction', 'Date', 'Airport', 'Terminal', 'Window', 'Passenger', 'Registration', 'Phone', 'Flight', 'Time'];

export function windowLabel(group: Pick<ManifestGroup, 'windowStart' | 'windowEnd'>): string {
  return group.windowStart ? `${group.windowStart}–${group.windowEnd}` : 'Time not given';
}

/** The manifest as CSV, one line per passenger, grouped as the service groups them (UTF-8 with BOM for Excel). */
export function manifestToCsv(manifest: TransferManifest): string {
  const lines = [MANIFEST_HEADER.join(',')];
  const add = (direction: string, groups: ManifestGroup[]) => {
    for (const group of groups) {
      for (const p of group.passengers) {
        lines.push(
          [direction, group.date, group.airport, group.terminal, windowLabel(group), p.name, p.registrationId, p.phone, p.flightNumber, p.time]
            .map(cell)
            .join(','),
        );
      }
    }
  };
  add('Arrival', manifest.arrivals);
  add('Departure', manifest.departures);
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function saveCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
