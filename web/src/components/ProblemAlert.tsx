/** A failed request, said in the user's language; a 412 (someone else changed it) offers a reload. */
import { Alert, Button, Group, Text } from '@mantine/core';
import { useI18n } from '../i18n';
import { ApiProblem } from '../lib/api/problem';
import { type ProblemTexts, problemText } from './problem-text';

export function ProblemAlert({ error, onReload, texts }: { error: unknown; onReload?: () => void; texts?: ProblemTexts }) {
  const { t } = useI18n();
  const { title, detail } = problemText(error, t, texts);
  const changed = error instanceof ApiProblem && error.status === 412;
  return (
    <Alert color={changed ? 'orange' : 'red'} title={title} role="alert">
      {detail ? (
        <Text size="sm" c="dimmed">
          {t('problem.serverSaid', { detail })}
        </Text>
      ) : null}
      {changed && onReload ? (
        <Group mt="sm">
          <Button size="xs" variant="white" onClick={onReload}>
            {t('problem.reload')}
          </Button>
        </Group>
      ) : null}
    </Alert>
  );
}
