/**
 * The console's pages as React components for ONSITE ATLAS's own client: each takes
 * `{eventId, apiBase, getToken}` (see docs/console.md). React, antd, React Router, TanStack Query and dayjs come from
 * the host.
 */
export { embed, type EmbedProps } from './embed';
export {
  TemplatesPage,
  TriggersPage,
  DeliveryLogPage,
  ChannelSettingsPage,
  HotelsPage,
  BookingsPage,
  TravelPage,
  ExportsPage,
  ReportBuilderPage,
  SchedulesPage,
  MyTripPage,
} from './pages';
