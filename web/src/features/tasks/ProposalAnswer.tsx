/** A pairing proposed to the caller as mentor: accept, or decline with a reason. */
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { useAnswerProposal } from './queries';

export function ProposalAnswer({ tenant, pairingId }: { tenant: string | undefined; pairingId: string }) {
  const { t } = useI18n();
  const answer = useAnswerProposal(tenant);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const tooShort = reason.trim().length < 3;
  return (
    <Stack gap="xs">
      {declining ? (
        <>
          <Textarea
            label={t('proposal.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={2}
          />
          <Group gap="xs">
            <Button
              size="xs"
              color="red"
              disabled={tooShort}
              loading={answer.isPending}
              onClick={() => answer.mutate({ pairingId, accept: false, reason: reason.trim() })}
            >
              {t('proposal.confirmDecline')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setDeclining(false)}>
              {t('form.cancel')}
            </Button>
          </Group>
        </>
      ) : (
        <Group gap="xs">
          <Button size="xs" loading={answer.isPending} onClick={() => answer.mutate({ pairingId, accept: true })}>
            {t('proposal.accept')}
          </Button>
          <Button size="xs" variant="light" color="red" onClick={() => setDeclining(true)}>
            {t('proposal.decline')}
          </Button>
        </Group>
      )}
      {answer.isError ? <ProblemAlert error={answer.error} /> : null}
    </Stack>
  );
}
