import { parseEntityRef } from '@backstage/catalog-model';
import { Link, Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { formatDurationHours, SpeedReliabilityService } from '@pulse/plugin-pulse-common';
import { CsvExportButton } from '../CsvExportButton';
import { percentText } from '../EntityDecisions';
import { OncallReadingCell } from '../OncallHealthCard';

/** material-table keys rows by `id`; without one React warns about keys. */
type Row = SpeedReliabilityService & { id: string };

/** A number shown to `digits` decimals with its unit, or a dash when there is none. */
const orDash = (value: number | null, unit = '', digits = 1) =>
  value === null ? '–' : `${value.toFixed(digits)}${unit}`;

const serviceName = (row: SpeedReliabilityService) => row.title ?? parseEntityRef(row.entityRef).name;

/** Sorts by a number; a missing one counts as the largest (last ascending, first descending). */
const byNumber = (of: (row: Row) => number | null) => (a: Row, b: Row) =>
  (of(a) ?? Number.POSITIVE_INFINITY) - (of(b) ?? Number.POSITIVE_INFINITY);

const columns: TableColumn<Row>[] = [
  {
    title: 'Service',
    customSort: (a, b) => serviceName(a).localeCompare(serviceName(b)),
    render: row => {
      const { kind, namespace, name } = parseEntityRef(row.entityRef);
      return <Link to={`/catalog/${namespace}/${kind}/${name}`}>{serviceName(row)}</Link>;
    },
  },
  { title: 'Reading', field: 'reading' },
  {
    title: 'Deployments/day',
    customSort: byNumber(row => row.deploymentsPerDay),
    render: row => `${orDash(row.deploymentsPerDay, '', 2)} (${row.deploymentFrequencyTier ?? 'no tier'})`,
  },
  {
    title: 'Lead time',
    customSort: byNumber(row => row.leadTimeHours),
    render: row =>
      `${row.leadTimeHours === null ? '–' : formatDurationHours(row.leadTimeHours)} (${row.leadTimeTier ?? 'no tier'})`,
  },
  { title: 'Budget remaining', customSort: byNumber(row => row.budgetRemaining), render: row => percentText(row.budgetRemaining) },
  {
    title: 'Change failure rate',
    customSort: byNumber(row => row.changeFailureRatePercent),
    render: row => `${orDash(row.changeFailureRatePercent, '%')} (${row.changeFailureRateTier ?? 'no tier'})`,
  },
  { title: 'On-call (28 days)', sorting: false, render: row => <OncallReadingCell entityRef={row.entityRef} /> },
];

const CSV_HEADER = [
  'service',
  'entity_ref',
  'owner_ref',
  'reading',
  'deployments_per_day',
  'deployment_frequency_tier',
  'lead_time_hours',
  'lead_time_tier',
  'budget_remaining_percent',
  'change_failure_rate_percent',
  'change_failure_rate_tier',
] as const;

/** One service as CSV cells: raw numbers, budget in percent as the table shows it. */
const csvRow = (row: SpeedReliabilityService) => ({
  service: serviceName(row),
  entity_ref: row.entityRef,
  owner_ref: row.ownerRef ?? null,
  reading: row.reading,
  deployments_per_day: row.deploymentsPerDay,
  deployment_frequency_tier: row.deploymentFrequencyTier,
  lead_time_hours: row.leadTimeHours,
  lead_time_tier: row.leadTimeTier,
  budget_remaining_percent: row.budgetRemaining === null ? null : row.budgetRemaining * 100,
  change_failure_rate_percent: row.changeFailureRatePercent,
  change_failure_rate_tier: row.changeFailureRateTier,
});

/** Every service with its reading and the four numbers behind it; sortable, with a CSV export. */
export const SpeedReliabilityTable = ({ services }: { services: SpeedReliabilityService[] }) => (
  <>
    <Box display="flex" justifyContent="flex-end" mb={1}>
      <CsvExportButton
        fileName="pulse-speed-reliability.csv"
        header={CSV_HEADER}
        rows={() => services.map(csvRow)}
        data-testid="quadrant-csv"
      />
    </Box>
    <Table<Row>
      title="Services"
      options={{ paging: false, search: false, sorting: true, draggable: false }}
      columns={columns}
      data={services.map(service => ({ ...service, id: service.entityRef }))}
    />
  </>
);
