import { parseEntityRef } from '@backstage/catalog-model';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { SpeedReliabilityService } from '@pulse/plugin-pulse-common';
import { percentText } from '../EntityDecisions';
import { OncallReadingCell } from '../OncallHealthCard';

/** A number shown to `digits` decimals with its unit, or a dash when there is none. */
const orDash = (value: number | null, unit = '', digits = 1) =>
  value === null ? '–' : `${value.toFixed(digits)}${unit}`;

const columns: TableColumn<SpeedReliabilityService>[] = [
  {
    title: 'Service',
    render: row => {
      const { kind, namespace, name } = parseEntityRef(row.entityRef);
      return <Link to={`/catalog/${namespace}/${kind}/${name}`}>{row.title ?? name}</Link>;
    },
  },
  { title: 'Reading', field: 'reading' },
  { title: 'Deployments/day', render: row => `${orDash(row.deploymentsPerDay, '', 2)} (${row.deploymentFrequencyTier ?? 'no tier'})` },
  { title: 'Lead time', render: row => `${orDash(row.leadTimeHours, ' h')} (${row.leadTimeTier ?? 'no tier'})` },
  { title: 'Budget remaining', render: row => percentText(row.budgetRemaining) },
  {
    title: 'Change failure rate',
    render: row => `${orDash(row.changeFailureRatePercent, '%')} (${row.changeFailureRateTier ?? 'no tier'})`,
  },
  { title: 'On-call (28 days)', render: row => <OncallReadingCell entityRef={row.entityRef} /> },
];

/** Every service with its reading and the four numbers behind it. */
export const SpeedReliabilityTable = ({ services }: { services: SpeedReliabilityService[] }) => (
  <Table<SpeedReliabilityService>
    title="Services"
    options={{ paging: false, search: false, sorting: false }}
    columns={columns}
    data={services}
  />
);
