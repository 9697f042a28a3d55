import { Box, Button, TextField, Typography } from '@material-ui/core';
import { EntityPolicyOverrideInput, ErrorBudgetPolicyState } from '@pulse/plugin-pulse-common';
import { FormEvent, useState } from 'react';
import { instantOfLocalInput } from './format';
import { PolicyWriteError, ReasonAndExpiryFields, usePolicyWrite } from './policyWrite';

/**
 * Forces the entity's state with a reason and an expiry ("Save"), or removes the override ("Remove override"). The
 * API validates; its error shows under the form.
 */
export const OverrideForm = ({
  hasOverride,
  onSave,
  onRemove,
}: {
  hasOverride: boolean;
  onSave: (input: EntityPolicyOverrideInput) => Promise<void>;
  onRemove: () => Promise<void>;
}) => {
  const [state, setState] = useState<ErrorBudgetPolicyState>('freeze');
  const [reason, setReason] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const { error, busy, run } = usePolicyWrite();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // An empty or unreadable expiry is sent as absent: the API answers which field is missing.
    const until = instantOfLocalInput(expiresAt);
    return run(() => onSave({ state, reason, ...(until ? { expiresAt: until } : {}) }));
  };

  return (
    <Box component="form" data-testid="policy-override-form" onSubmit={submit} marginBottom={2}>
      <Typography variant="subtitle1">Set override</Typography>
      <Box display="flex" flexWrap="wrap" alignItems="flex-end" style={{ gap: 16 }}>
        <TextField
          id="policy-override-state"
          label="State"
          select
          SelectProps={{ native: true }}
          value={state}
          onChange={e => setState(e.target.value as ErrorBudgetPolicyState)}
        >
          <option value="normal">normal</option>
          <option value="caution">caution</option>
          <option value="freeze">freeze</option>
        </TextField>
        <ReasonAndExpiryFields
          idPrefix="policy-override"
          reason={reason}
          expiresAt={expiresAt}
          onReason={setReason}
          onExpiresAt={setExpiresAt}
        />
        <Button type="submit" variant="contained" color="primary" disabled={busy}>
          Save
        </Button>
        {hasOverride && (
          <Button variant="outlined" disabled={busy} onClick={() => run(onRemove)}>
            Remove override
          </Button>
        )}
      </Box>
      <PolicyWriteError error={error} />
    </Box>
  );
};
