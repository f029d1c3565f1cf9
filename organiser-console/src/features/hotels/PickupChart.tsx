import { useMemo } from 'react';
import { Empty, Flex, Select, Statistic, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { EChart } from '../../shared/EChart';
import { dayjs } from '../../shared/dates';
import type { Hotel, PickupReport } from './api';

/** The chart's option: per night, booked rooms of each room type stacked, and the rooms contracted as a line. */
export function pickupOption(reports: PickupReport[]): EChartsCoreOption {
  const days = [...new Set(reports.flatMap((r) => r.nights.map((n) => n.night!)))].sort();
  const contracted = days.map((day) =>
    reports.reduce((sum, r) => sum + (r.nights.find((n) => n.night === day)?.contracted ?? 0), 0),
  );
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: days.map((d) => dayjs(d).format('D MMM')) },
    yAxis: { type: 'value', name: 'Rooms', minInterval: 1 },
    series: [
      ...reports.map((r) => ({
        name: `${r.roomType} booked`,
        type: 'bar',
        stack: 'booked',
        label: { show: true, formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') },
        data: days.map((day) => r.nights.find((n) => n.night === day)?.booked ?? 0),
      })),
      { name: 'Contracted', type: 'line', step: 'middle', data: contracted, symbolSize: 6 },
    ],
  };
}

export function PickupChart({
  hotels,
  hotelId,
  onHotel,
  reports,
}: {
  hotels: Hotel[];
  hotelId: string;
  onHotel: (id: string) => void;
  reports: PickupReport[];
}) {
  const option = useMemo(() => pickupOption(reports), [reports]);
  const totals = reports.reduce(
    (t, r) => ({ booked: t.booked + r.totals.booked, contracted: t.contracted + r.totals.contracted }),
    { booked: 0, contracted: 0 },
  );
  const hotelName = hotels.find((h) => h._id === hotelId)?.name ?? '';
  return (
    <>
      <Flex wrap gap={24} align="flex-end" style={{ marginBottom: 12 }}>
        <Flex vertical gap={4} style={{ minWidth: 220 }}>
          <Typography.Text id="pickup-hotel-label">Hotel</Typography.Text>
          <Select
            aria-labelledby="pickup-hotel-label"
            value={hotelId || undefined}
            onChange={onHotel}
            options={hotels.map((h) => ({ value: h._id, label: h.name }))}
            style={{ width: '100%' }}
          />
        </Flex>
        <div data-testid="pickup-totals">
          <Statistic title="Room nights booked" value={totals.booked} suffix={`/ ${totals.contracted}`} />
        </div>
        <Statistic
          title="Pickup"
          value={totals.contracted ? Math.round((totals.booked * 1000) / totals.contracted) / 10 : 0}
          suffix="%"
        />
        {reports.length === 1 && reports[0].peakNight ? (
          <Statistic title="Peak night" value={dayjs(reports[0].peakNight).format('D MMM YYYY')} />
        ) : null}
      </Flex>
      {reports.length === 0 ? (
        <Empty description="This hotel has no room block yet, so there is no pickup to chart." />
      ) : (
        <EChart option={option} label={`Pickup per night at ${hotelName}`} testId="pickup-chart" />
      )}
    </>
  );
}
