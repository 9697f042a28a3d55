import { Box, Button, Typography } from '@material-ui/core';
import { ReleaseExceptionInput } from '@pulse/plugin-pulse-common';
import { FormEvent, useState } from 'react';
import { instantOfLocalInput } from './format';
import { PolicyWriteError, ReasonAndExpiryFields, usePolicyWrite } from './policyWrite';

/** Grants a one-release exception (reason, expiry); the API's error shows under the form. */
export const ExceptionForm = ({ onGrant }: { onGrant: (input: ReleaseExceptionInput) => Promise<void> }) => {
  const [reason, setReason] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const { error, busy, run } = usePolicyWrite();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // An empty expiry is sent as an empty string, so that the API names the field.
    return run(() => onGrant({ reason, expiresAt: instantOfLocalInput(expiresAt) ?? '' }));
  };

  return (
    <Box component="form" data-testid="policy-exception-form" onSubmit={submit} marginBottom={2}>
      <Typography variant="subtitle1">Grant exception</Typography>
      <Typography variant="body2" color="textSecondary">
        Lets the next release check that the policy would block pass, once.
      </Typography>
      <Box display="flex" flexWrap="wrap" alignItems="flex-end" style={{ gap: 16 }}>
        <ReasonAndExpiryFields
          idPrefix="policy-exception"
          reason={reason}
          expiresAt={expiresAt}
          onReason={setReason}
          onExpiresAt={setExpiresAt}
        />
        <Button type="submit" variant="contained" color="primary" disabled={busy}>
          Grant
        </Button>
      </Box>
      <PolicyWriteError error={error} />
    </Box>
  );
};
