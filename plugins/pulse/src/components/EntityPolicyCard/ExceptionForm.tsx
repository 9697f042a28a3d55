import { Box, Button, TextField, Typography } from '@material-ui/core';
import { ReleaseExceptionInput } from '@pulse/plugin-pulse-common';
import { FormEvent, useState } from 'react';
import { errorText, instantOfLocalInput } from './format';

/** Grants a one-release exception (reason, expiry); the API's error shows under the form. */
export const ExceptionForm = ({ onGrant }: { onGrant: (input: ReleaseExceptionInput) => Promise<void> }) => {
  const [reason, setReason] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      // An empty expiry is sent as an empty string, so that the API names the field.
      await onGrant({ reason, expiresAt: instantOfLocalInput(expiresAt) ?? '' });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="form" data-testid="policy-exception-form" onSubmit={submit} marginBottom={2}>
      <Typography variant="subtitle1">Grant exception</Typography>
      <Typography variant="body2" color="textSecondary">
        Lets the next release check that the policy would block pass, once.
      </Typography>
      <Box display="flex" flexWrap="wrap" alignItems="flex-end" style={{ gap: 16 }}>
        <TextField
          id="policy-exception-reason"
          label="Reason"
          value={reason}
          onChange={e => setReason(e.target.value)}
          inputProps={{ maxLength: 500 }}
        />
        <TextField
          id="policy-exception-expires"
          label="Expires at"
          type="datetime-local"
          InputLabelProps={{ shrink: true }}
          value={expiresAt}
          onChange={e => setExpiresAt(e.target.value)}
        />
        <Button type="submit" variant="contained" color="primary" disabled={busy}>
          Grant
        </Button>
      </Box>
      {error && (
        <Typography color="error" role="alert" variant="body2">
          {error}
        </Typography>
      )}
    </Box>
  );
};
