import { Suspense, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { Button, Drawer, Flex, Grid, Layout, Menu, Skeleton, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { STAFF_PAGES } from '../features/pages';
import { useCaller } from '../api/ConsoleContext';
import { ConferencePicker } from './ConferencePicker';
import { clearStoredTokens } from '../auth/token';
import { announceSignOut } from './session';
import { ErrorBoundary } from './ErrorBoundary';

const GROUPS = ['Notifications', 'Lodging & travel', 'Reports'] as const;

/** The per-conference frame: navigation, conference picker, who is signed in, and the page. */
export function AppLayout() {
  const { eventId = '', page = 'templates' } = useParams();
  const navigate = useNavigate();
  const caller = useCaller();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const def = STAFF_PAGES.find((p) => p.key === page);
  if (!def) return <Navigate to={`/events/${eventId}/templates`} replace />;
  const Page = def.component;
  const wide = screens.lg ?? true;

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[page]}
      onClick={() => setDrawerOpen(false)}
      items={GROUPS.map((group) => ({
        type: 'group' as const,
        key: group,
        label: group,
        children: STAFF_PAGES.filter((p) => p.group === group).map((p) => ({
          key: p.key,
          icon: p.icon,
          label: <Link to={`/events/${eventId}/${p.key}`}>{p.label}</Link>,
        })),
      }))}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide ? (
        <Layout.Sider width={232} theme="light" style={{ borderRight: '1px solid #e5e7eb' }}>
          <nav aria-label="Conference pages">
            <Link to="/" style={{ display: 'block', padding: '16px 24px', fontWeight: 600, fontSize: 16, color: '#111827' }}>
              Onsite Atlas
            </Link>
            {menu}
          </nav>
        </Layout.Sider>
      ) : (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={260} title="Onsite Atlas">
          <nav aria-label="Conference pages">{menu}</nav>
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{ background: '#fff', borderBottom: '1px solid #e5e7eb', padding: '0 16px', height: 'auto', lineHeight: 'normal' }}
        >
          <Flex align="center" gap={12} wrap style={{ minHeight: 56, padding: '8px 0' }}>
            {!wide ? (
              <Button icon={<MenuOutlined />} aria-label="Open navigation" onClick={() => setDrawerOpen(true)} />
            ) : null}
            <div style={{ flex: '1 1 200px', minWidth: 0 }}>
              <ConferencePicker eventId={eventId} onChange={(id) => navigate(`/events/${id}/${page}`)} />
            </div>
            <Typography.Text type="secondary" data-testid="signed-in-as">
              {caller.name} · {caller.role}
              {caller.canWrite ? '' : ' (read only)'}
            </Typography.Text>
            <Button
              icon={<LogoutOutlined />}
              onClick={() => {
                clearStoredTokens();
                announceSignOut();
              }}
            >
              Sign out
            </Button>
          </Flex>
        </Layout.Header>
        {/* antd's Layout.Content is the page's <main> landmark, named after the page. */}
        <Layout.Content aria-label={def.label} style={{ padding: wide ? 24 : 12, minWidth: 0 }}>
          <ErrorBoundary key={page}>
            <Suspense fallback={<Skeleton active />}>
              <Page eventId={eventId} />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
