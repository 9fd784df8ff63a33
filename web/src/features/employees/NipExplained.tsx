/** The NIP explained as it is typed: each part with its digits and what it says, or what is wrong with it. */
import { Group, List, Text, ThemeIcon } from '@mantine/core';
import { useI18n } from '../../i18n';
import { formatDay } from '../../lib/format';
import { type NipPart, readNip } from './nip';

export function NipExplained({ nip, type, today, id }: { nip: string; type: 'pns' | 'pppk'; today: string; id: string }) {
  const { t, language } = useI18n();
  const reading = readNip(nip, type, today);
  const say = (part: NipPart): string => {
    if (part.problem) return t(`nip.problem.${part.problem}` as const);
    if (part.name === 'birth' && part.value) return formatDay(part.value, language);
    if (part.name === 'appointment' && part.value) return formatDay(`${part.value}-01`, language).replace(/^1\s/, '');
    if (part.name === 'gender' && part.value) return t(`nip.gender.${part.value as 'male' | 'female'}` as const);
    return part.value ?? '';
  };
  if (type === 'pppk') {
    return (
      <Text id={id} size="xs" c={reading.ok || reading.digits.length === 0 ? 'dimmed' : 'red.8'} aria-live="polite">
        {t('nip.pppk', { count: reading.digits.length })}
      </Text>
    );
  }
  return (
    <List id={id} size="xs" spacing={2} aria-live="polite" aria-label={t('nip.explained')} listStyleType="none" data-testid="nip-explained">
      {reading.stray ? (
        <List.Item>
          <Text size="xs" c="red.8">
            {t('nip.stray')}
          </Text>
        </List.Item>
      ) : null}
      {reading.parts.map((part) => {
        const bad = part.problem !== null && part.problem !== 'incomplete';
        return (
          <List.Item key={part.name}>
            <Group gap={6} wrap="nowrap">
              <ThemeIcon size={10} radius="xl" color={bad ? 'red' : part.problem ? 'gray' : 'teal'} aria-hidden />
              <Text size="xs" ff="monospace" w={64}>
                {part.digits.padEnd(part.name === 'birth' ? 8 : part.name === 'appointment' ? 6 : part.name === 'gender' ? 1 : 3, '·')}
              </Text>
              <Text size="xs" c={bad ? 'red.8' : 'dimmed'}>
                {t(`nip.${part.name}` as const)}: {say(part)}
              </Text>
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
