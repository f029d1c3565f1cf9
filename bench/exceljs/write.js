// The Node anchor of bench/peers.sh: exceljs's streaming WorkbookWriter writing the rows and columns of
// reporting-service's WriterPeerBenchmark (same values, types, header style, frozen header, auto-filter, widths,
// date format, inline strings). Usage: node write.js <rows> [file]. Prints one PEER line; the first run of each
// size warms the JIT and is not timed.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const ExcelJS = require('exceljs');

const FIRST = ['Priya', 'प्रिया', '王', 'فاطمة', "'=cmd", 'John'];
const COLUMNS = [
  ['Registration ID', 18], ['First Name', 12], ['Last Name', 13], ['Email', 26], ['Organization', 15],
  ['Category', 10], ['Status', 8], ['Amount (cents)', 16], ['Currency', 10], ['Registered At', 21],
  ['Checked In', 12],
];

async function write(rows, file) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Export', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map(([header, width]) => ({ header, width }));
  sheet.getColumn(10).numFmt = 'yyyy-mm-dd hh:mm:ss';
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC0C0C0' } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: COLUMNS.length } };
  header.commit();
  const t0 = Date.parse('2026-03-01T10:00:00Z');
  for (let i = 0; i < rows; i++) {
    sheet.addRow([
      'REG-' + i, FIRST[i % FIRST.length], 'Bench' + i, 'guest' + i + '@example.org', 'Institute ' + (i % 97),
      i % 3 === 0 ? 'Faculty' : 'Delegate', 'active', 150000 + (i % 1000), 'INR', new Date(t0 + i * 1000),
      i % 2 === 0,
    ]).commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function main() {
  const rows = parseInt(process.argv[2], 10);
  const keep = process.argv.length > 3;
  const file = keep ? process.argv[3] : path.join(os.tmpdir(), `peer-exceljs-${process.pid}.xlsx`);
  await write(Math.min(rows, 100000), file);
  const start = process.hrtime.bigint();
  await write(rows, file);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cells = rows * COLUMNS.length;
  const size = fs.statSync(file).size;
  console.log(`PEER writer=exceljs rows=${rows} columns=${COLUMNS.length} seconds=${seconds.toFixed(2)} `
    + `cellsPerSecond=${Math.round(cells / seconds)} fileMB=${(size / 1e6).toFixed(1)}`);
  if (!keep) {
    fs.unlinkSync(file);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
