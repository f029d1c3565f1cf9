import { describe, expect, it } from 'vitest';
import { buildGrid } from './RoomBlockGrid';
import { pickupOption } from './PickupChart';
import type { PickupReport, RoomNight } from './api';

const night = (hotelName: string, roomType: string, day: string, contracted: number, booked: number): RoomNight => ({
  _id: `${hotelName}${roomType}${day}`,
  hotelId: hotelName.toLowerCase(),
  hotelName,
  roomType,
  night: day,
  contracted,
  booked,
  available: contracted - booked,
});

describe('buildGrid', () => {
  it('makes one row per hotel and room type and one column per night, sorted', () => {
    const { rows, days } = buildGrid([
      night('Taj', 'Suite', '2027-01-20', 2, 0),
      night('Leela', 'Deluxe', '2027-01-19', 5, 1),
      night('Taj', 'Deluxe', '2027-01-19', 10, 10),
      night('Taj', 'Deluxe', '2027-01-20', 10, 3),
    ]);
    expect(days).toEqual(['2027-01-19', '2027-01-20']);
    expect(rows.map((r) => `${r.hotelName}/${r.roomType}`)).toEqual(['Leela/Deluxe', 'Taj/Deluxe', 'Taj/Suite']);
    expect(rows[1].byNight['2027-01-20'].available).toBe(7);
    expect(rows[2].byNight['2027-01-19']).toBeUndefined();
  });
});

describe('pickupOption', () => {
  const report = (roomType: string, nights: [string, number, number][]): PickupReport => ({
    hotelId: 'h',
    hotelName: 'Taj',
    roomType,
    nights: nights.map(([n, contracted, booked]) => ({ night: n, contracted, booked, available: contracted - booked, pickupPercent: 0 })),
    totals: { night: null, contracted: 0, booked: 0, available: 0, pickupPercent: 0 },
    peakNight: null,
  });

  it('stacks booked rooms per room type on the union of nights and draws the contracted total as a line', () => {
    const option = pickupOption([report('Deluxe', [['2027-01-19', 5, 1], ['2027-01-20', 5, 2]]), report('Suite', [['2027-01-20', 2, 2]])]) as {
      xAxis: { data: string[] };
      series: { name: string; type: string; stack?: string; data: number[] }[];
    };
    expect(option.xAxis.data).toEqual(['19 Jan', '20 Jan']);
    expect(option.series.map((s) => [s.name, s.type, s.data])).toEqual([
      ['Deluxe booked', 'bar', [1, 2]],
      ['Suite booked', 'bar', [0, 2]],
      ['Contracted', 'line', [5, 7]],
    ]);
    expect(option.series[0].stack).toBe(option.series[1].stack);
  });
});
