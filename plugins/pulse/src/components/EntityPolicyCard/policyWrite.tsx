import { TextField, Typography } from '@material-ui/core';
import { useState } from 'react';
import { errorText } from './format';

/** Runs one write of the policy card at a time, keeping whether it is busy and the API's error to show. */
export function usePolicyWrite() {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (write: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await write();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

/** The reason and expiry every policy decision carries, labelled "Reason" and "Expires at". */
export const ReasonAndExpiryFields = (props: {
  idPrefix: string;
  reason: string;
  expiresAt: string;
  onReason: (reason: string) => void;
  onExpiresAt: (expiresAt: string) => void;
}) => (
  <>
    <TextField
      id={`${props.idPrefix}-reason`}
      label="Reason"
      value={props.reason}
      onChange={e => props.onReason(e.target.value)}
      inputProps={{ maxLength: 500 }}
    />
    <TextField
      id={`${props.idPrefix}-expires`}
      label="Expires at"
      type="datetime-local"
      InputLabelProps={{ shrink: true }}
      value={props.expiresAt}
      onChange={e => props.onExpiresAt(e.target.value)}
    />
  </>
);

/** The API's refusal of a policy write, under its form. */
export const PolicyWriteError = ({ error }: { error?: string }) =>
  error ? (
    <Typography color="error" role="alert" variant="body2">
      {error}
    </Typography>
  ) : null;
