/** The frame of the citizens' pages: the unit and region it belongs to, the language switch, one column for a phone. */
import { Box, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch';

export function PublicFrame({ title, subtitle, children }: { title: string; subtitle?: string | undefined; children: ReactNode }) {
  return (
    <Box component="main" mih="100vh" bg="gray.0" px="sm" py="md">
      <Stack maw={640} mx="auto" gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Box>
            <Title order={1} size="h3">
              {title}
            </Title>
            {subtitle ? (
              <Text size="sm" c="dimmed">
                {subtitle}
              </Text>
            ) : null}
          </Box>
          <LanguageSwitch />
        </Group>
        {children}
      </Stack>
    </Box>
  );
}
