/** The frame of the screens before sign-in: the product's name, the language switch, a card. */
import { Box, Card, Center, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../i18n';

export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Center mih="100vh" p="md" bg="gray.0" component="main">
      <Stack w="100%" maw={420} gap="md">
        <Group justify="space-between">
          <Box>
            <Text fw={700} size="xl" c="teal.9">
              Bangkom
            </Text>
            <Text size="sm" c="dimmed">
              {t('app.tagline')}
            </Text>
          </Box>
          <LanguageSwitch />
        </Group>
        <Card withBorder radius="md" padding="lg">
          <Title order={1} size="h3" mb="md">
            {title}
          </Title>
          {children}
        </Card>
      </Stack>
    </Center>
  );
}
