import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  BarChartOutlined,
  BellOutlined,
  CalendarOutlined,
  CarOutlined,
  ClockCircleOutlined,
  DownloadOutlined,
  FileTextOutlined,
  HomeOutlined,
  MailOutlined,
  SettingOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import type { PageProps } from './pageProps';

/** One page of a conference: its URL segment, menu entry and code-split component. */
export interface PageDef {
  key: string;
  label: string;
  group: 'Notifications' | 'Lodging & travel' | 'Reports';
  icon: ReactNode;
  component: LazyExoticComponent<ComponentType<PageProps>>;
}

/** The staff pages, in menu order. Each is its own chunk. */
export const STAFF_PAGES: PageDef[] = [
  { key: 'templates', label: 'Templates', group: 'Notifications', icon: <FileTextOutlined />, component: lazy(() => import('./templates/TemplatesPage')) },
  { key: 'triggers', label: 'Triggers', group: 'Notifications', icon: <ThunderboltOutlined />, component: lazy(() => import('./triggers/TriggersPage')) },
  { key: 'deliveries', label: 'Delivery log', group: 'Notifications', icon: <MailOutlined />, component: lazy(() => import('./deliveries/DeliveryLogPage')) },
  { key: 'channels', label: 'Channel settings', group: 'Notifications', icon: <SettingOutlined />, component: lazy(() => import('./channels/ChannelSettingsPage')) },
  { key: 'hotels', label: 'Hotels', group: 'Lodging & travel', icon: <HomeOutlined />, component: lazy(() => import('./hotels/HotelsPage')) },
  { key: 'bookings', label: 'Bookings', group: 'Lodging & travel', icon: <CalendarOutlined />, component: lazy(() => import('./bookings/BookingsPage')) },
  { key: 'travel', label: 'Travel', group: 'Lodging & travel', icon: <CarOutlined />, component: lazy(() => import('./travel/TravelPage')) },
  { key: 'exports', label: 'Exports', group: 'Reports', icon: <DownloadOutlined />, component: lazy(() => import('./exports/ExportsPage')) },
  { key: 'reports', label: 'Report builder', group: 'Reports', icon: <BarChartOutlined />, component: lazy(() => import('./report-builder/ReportBuilderPage')) },
  { key: 'schedules', label: 'Scheduled reports', group: 'Reports', icon: <ClockCircleOutlined />, component: lazy(() => import('./schedules/SchedulesPage')) },
];

export const MY_TRIP_PAGE = lazy(() => import('./my-trip/MyTripPage'));

export const BELL_ICON = <BellOutlined />;
