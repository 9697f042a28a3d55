import { parseEntityRef } from '@backstage/catalog-model';
import { useApiHolder } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { pulseOncallApiRef } from '../../api/OncallApi';
import { OncallReadingChip } from './OncallReadingChip';

/**
 * The on-call column of a team or service table: the overall reading over the last 28 days and the worst week's pages
 * per shift, or "no pages". Each row asks for its own figures, so a slow team does not hold the table back; an app
 * without the on-call API leaves the column empty rather than failing the table.
 */
export const OncallReadingCell = ({ entityRef }: { entityRef: string }) => {
  const oncallApi = useApiHolder().get(pulseOncallApiRef);
  const { value, error } = useAsync(async () => {
    if (!oncallApi) return undefined;
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const entity = { kind, metadata: { namespace, name } };
    return kind.toLocaleLowerCase('en-US') === 'group' ? oncallApi.getGroupHealth(entity) : oncallApi.getEntityHealth(entity);
  }, [oncallApi, entityRef]);
  if (error) return <Typography variant="caption">unavailable</Typography>;
  if (!value) return null;
  if (value.pages === 0) return <Typography variant="caption">no pages</Typography>;
  return (
    <span data-testid="oncall-reading-cell">
      <OncallReadingChip reading={value.reading} />{' '}
      <Typography variant="caption">{value.metrics.pagesPerShift.value?.toFixed(2)} pages/shift</Typography>
    </span>
  );
};
