import { describe, expect, it } from 'vitest';
import { chartOption } from './chartOption';
import { cleanRequest, parseRequest } from './api';

describe('chartOption', () => {
  it('draws one bar series per API series over the labels, with value labels', () => {
    const option = chartOption({ type: 'bar', title: 'category', labels: ['Delegate', 'Faculty', ''], series: [{ name: 'count', data: [2, 1, 4] }] }) as any;
    expect(option.xAxis.data).toEqual(['Delegate', 'Faculty', '(none)']);
    expect(option.series).toHaveLength(1);
    expect(option.series[0]).toMatchObject({ type: 'bar', name: 'count', data: [2, 1, 4] });
    expect(option.series[0].label.show).toBe(true);
  });

  it('draws lines for a line chart and a legend for several series', () => {
    const option = chartOption({ type: 'line', labels: ['09:00', '10:00'], series: [{ name: 'paid', data: [1, 2] }, { name: 'pending', data: [0, 3] }] }) as any;
    expect(option.series.map((s: any) => s.type)).toEqual(['line', 'line']);
    expect(option.legend).toBeDefined();
  });

  it('draws a pie of the first series', () => {
    const option = chartOption({ type: 'pie', labels: ['email', 'sms'], series: [{ name: 'count', data: [5, 3] }] }) as any;
    expect(option.series[0].type).toBe('pie');
    expect(option.series[0].data).toEqual([{ name: 'email', value: 5 }, { name: 'sms', value: 3 }]);
  });
});

describe('the ReportBuilder request', () => {
  it('leaves out empty parts and metric fields of counts, and keeps metrics only when grouped', () => {
    expect(
      cleanRequest({ reportType: 'registrations', fields: [], groupBy: ['category'], metrics: [{ type: 'count', field: 'x' }, { type: 'sum', field: 'amountCents' }], chartType: 'bar' }),
    ).toEqual({ reportType: 'registrations', groupBy: ['category'], metrics: [{ type: 'count' }, { type: 'sum', field: 'amountCents' }], chartType: 'bar' });
    expect(cleanRequest({ reportType: 'payments', metrics: [{ type: 'count' }], sortBy: 'amountCents' })).toEqual({
      reportType: 'payments',
      sortBy: 'amountCents',
      sortDirection: 'asc',
    });
  });

  it('reads a deep-linked request and ignores a broken one', () => {
    expect(parseRequest('{"reportType":"hotel","groupBy":["hotelName"]}')).toEqual({ reportType: 'hotel', groupBy: ['hotelName'] });
    expect(parseRequest('{oops')).toBeUndefined();
    expect(parseRequest('')).toBeUndefined();
  });
});
