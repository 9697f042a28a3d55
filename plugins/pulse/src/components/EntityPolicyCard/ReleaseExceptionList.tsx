import { Box, Button, Typography } from '@material-ui/core';
import { ReleaseExceptionListResponse } from '@pulse/plugin-pulse-common';
import { localTime } from './format';
import { PolicyWriteError, usePolicyWrite } from './policyWrite';

type Item = ReleaseExceptionListResponse['items'][number];

const itemText = (item: Item) =>
  item.status === 'used'
    ? `Used by ${item.usedBy} at ${localTime(item.usedAt!)}: ${item.reason} (granted by ${item.grantedBy})`
    : `Active until ${localTime(item.expiresAt)}: ${item.reason} (granted by ${item.grantedBy})`;

/** The active and used one-release exceptions (expired ones are left out); editors may revoke an active one. */
export const ReleaseExceptionList = ({
  items,
  onRevoke,
}: {
  items: Item[];
  /** Present for editors only. */
  onRevoke?: (id: number) => Promise<void>;
}) => {
  const { error, run } = usePolicyWrite();
  const shown = items.filter(item => item.status !== 'expired');
  const revoke = (id: number) => run(() => onRevoke!(id));
  return (
    <Box data-testid="policy-exceptions" marginBottom={2}>
      <Typography variant="subtitle1">One-release exceptions</Typography>
      {shown.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          None active or used.
        </Typography>
      )}
      {shown.map(item => (
        <Typography variant="body2" key={item.id}>
          {itemText(item)}
          {onRevoke && item.status === 'active' && (
            <Button size="small" onClick={() => revoke(item.id)}>
              Revoke
            </Button>
          )}
        </Typography>
      ))}
      <PolicyWriteError error={error} />
    </Box>
  );
};
