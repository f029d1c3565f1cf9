import { Alert, Card, Flex, Typography } from 'antd';
import type { PageProps } from '../pageProps';
import { PageHeader } from '../../shared/PageHeader';
import { Forbidden, QueryState } from '../../shared/PageStates';
import { useCaller } from '../../api/ConsoleContext';
import { useBookingOfRegistration } from '../bookings/api';
import { useTravelOfRegistration } from '../travel/api';
import { TravelForm } from '../travel/TravelForm';
import { TravelDocuments } from '../travel/TravelDocuments';
import { useConferenceZone } from '../../shared/conference';
import { MyHotel } from './MyHotel';
import { MyFlights } from './MyFlights';

function SectionTitle({ children }: { children: string }) {
  return (
    <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
      {children}
    </Typography.Title>
  );
}

/**
 * "My trip": a registrant's own hotel booking, itinerary and travel documents, and nothing else. Every call is one a
 * registrant token may make (docs/lodging-travel.md: own records only).
 */
export default function MyTripPage({ eventId }: PageProps) {
  const caller = useCaller();
  const registrationId = caller.kind === 'registrant' ? caller.registrationId : undefined;
  const booking = useBookingOfRegistration(eventId, registrationId);
  const travel = useTravelOfRegistration(eventId, registrationId);
  // A registrant reads its conference's zone from lodging (registrants/me): it may call no reporting route.
  const zone = useConferenceZone(registrationId ? eventId : undefined);
  if (!registrationId) return <Forbidden message="“My trip” is the registrant's own page: sign in from your registration." />;

  return (
    <>
      <PageHeader title="My trip" help={`Your hotel, your travel plans and your travel documents for this conference. Times are the conference's clock, ${zone}.`} />
      <Flex vertical gap={16}>
        <Card title={<SectionTitle>Hotel</SectionTitle>} size="small">
          <QueryState query={booking}>{(data) => <MyHotel eventId={eventId} booking={data} />}</QueryState>
        </Card>
        <Card title={<SectionTitle>Travel</SectionTitle>} size="small">
          <QueryState query={travel}>
            {(data) => (
              <Flex vertical gap={12}>
                {data?.warnings?.map((w) => <Alert key={w.code} type="warning" showIcon title={w.message} />)}
                {data ? <MyFlights travel={data} zone={zone} /> : (
                  <Typography.Paragraph type="secondary">Tell the organisers when you arrive and leave, and whether you need an airport transfer.</Typography.Paragraph>
                )}
                <TravelForm key={data?._id ?? 'new'} eventId={eventId} travel={data ?? undefined} registration={registrationId} mode="registrant" zone={zone} onDone={() => undefined} />
              </Flex>
            )}
          </QueryState>
        </Card>
        <Card title={<SectionTitle>Travel documents</SectionTitle>} size="small">
          <QueryState query={travel}>
            {(data) =>
              data ? (
                <TravelDocuments eventId={eventId} travel={data} zone={zone} canChange />
              ) : (
                <Typography.Paragraph type="secondary">Save your travel plans first; then you can add tickets, visa and passport copies.</Typography.Paragraph>
              )
            }
          </QueryState>
        </Card>
      </Flex>
    </>
  );
}
