/** The theme, the language, the query cache: everything a screen needs around it. */
import { MantineProvider } from '@mantine/core';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { type Language, LanguageProvider } from '../i18n';
import { cssVariablesResolver, theme } from './theme';

export function Providers({ queryClient, language, children }: { queryClient: QueryClient; language?: Language; children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <LanguageProvider {...(language ? { initial: language } : {})}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </LanguageProvider>
    </MantineProvider>
  );
}
