import { Descriptions, Tag } from 'antd';
import { formatDayTime } from '../../shared/dates';
import type { Leg, TravelInfo } from '../travel/api';

function LegText({ leg, zone }: { leg?: Leg | null; zone: string }) {
  if (!leg || (!leg.date && !leg.time && !leg.flightNumber)) return <>Not given yet</>;
  const where = [leg.flightNumber, leg.airport, leg.terminal && `terminal ${leg.terminal}`].filter(Boolean).join(' · ');
  return (
    <>
      {formatDayTime(leg.date, leg.time, zone)}
      {where ? ` · ${where}` : ''}
      {leg.transferRequired ? <Tag style={{ marginInlineStart: 8 }}>Transfer</Tag> : null}
    </>
  );
}

/** The registrant's saved flights at a glance, in the conference's clock with its zone named. */
export function MyFlights({ travel, zone }: { travel: TravelInfo; zone: string }) {
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label="Arriving">
        <LegText leg={travel.arrival} zone={zone} />
      </Descriptions.Item>
      <Descriptions.Item label="Leaving">
        <LegText leg={travel.departure} zone={zone} />
      </Descriptions.Item>
    </Descriptions>
  );
}
