/** A form's submit button, with the failed request's problem above it: the end of every form. */
import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { ProblemAlert } from './ProblemAlert';
import type { ProblemTexts } from './problem-text';

interface Submission {
  isError: boolean;
  isPending: boolean;
  error: unknown;
}

export function SubmitWithProblem({
  mutation,
  disabled,
  texts,
  children,
}: {
  mutation: Submission;
  disabled?: boolean;
  texts?: ProblemTexts;
  children: ReactNode;
}) {
  return (
    <>
      {mutation.isError ? <ProblemAlert error={mutation.error} texts={texts} /> : null}
      <Button type="submit" loading={mutation.isPending} disabled={disabled}>
        {children}
      </Button>
    </>
  );
}
