import { useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from '../api/http';
import { useFocusableScrollRegions } from '../shared/useFocusableScrollRegions';

export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again; a network error or 5xx may.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
    },
  });
}

/** The look of ONSITE ATLAS's client (antd, its blue), and the message/notification context of antd's App. */
export const THEME = {
  token: {
    colorPrimary: '#1d4ed8',
    // antd's 45 % grey for descriptions and group titles is under WCAG AA's 4.5:1 on white; this one is 6:1.
    colorTextDescription: '#5b6370',
    // Placeholders of empty filters (Select "Any status") are read as labels: 25 % grey fails AA; this is 4.8:1.
    colorTextPlaceholder: '#6b7280',
    // Links (Typography.Link) default to #1677ff, 4.1:1 on white; the primary blue is 6.7:1.
    colorLink: '#1d4ed8',
    // Hover and pressed states go darker, not lighter: antd derives a lighter blue (under 4.5:1 on white) for the text
    // of a hovered default button or link, which is what an organiser reads while pointing at it.
    colorPrimaryHover: '#1e40af',
    colorPrimaryActive: '#1e3a8a',
    colorLinkHover: '#1e40af',
    colorLinkActive: '#1e3a8a',
    // Danger buttons and error texts: antd's #ff4d4f is 3.3:1 on white; red-7 is 5.6:1.
    colorError: '#cf1322',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Devanagari', 'Noto Sans Arabic', 'Noto Sans CJK SC', sans-serif",
  },
  components: {
    Menu: { groupTitleColor: '#5b6370' },
    // An empty table's text ("No export yet") is drawn in the disabled grey (25 %), under AA: it is content, not a
    // disabled control.
    Table: { colorTextDisabled: '#5b6370' },
  },
};

export function ConsoleProviders({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? newQueryClient());
  useFocusableScrollRegions();
  return (
    <QueryClientProvider client={client}>
      <ConfigProvider theme={THEME}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
