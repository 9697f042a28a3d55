import { parseEntityRef } from '@backstage/catalog-model';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { Chip } from '@material-ui/core';
import { ReviewedIncident } from '@pulse/plugin-pulse-common';
import { percentText } from '../EntityDecisions';

const entityLink = (entityRef: string) => {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return <Link to={`/catalog/${namespace}/${kind}/${name}`}>{name}</Link>;
};

const columns: TableColumn<ReviewedIncident>[] = [
  { title: 'Incident', render: row => `${row.id}${row.description ? `: ${row.description}` : ''}` },
  { title: 'Service', render: row => entityLink(row.entityRef) },
  { title: 'Started', render: row => new Date(row.createdAt).toLocaleString() },
  { title: 'Duration', render: row => `${row.durationMinutes} min${row.resolvedAt ? '' : ' (open)'}` },
  {
    title: 'Budget spent',
    render: row =>
      row.budgetSpent.length === 0
        ? 'no SLO data'
        : row.budgetSpent.map(s => `${s.slo} / ${s.objective}: ${percentText(s.share)}`).join('; '),
  },
  {
    title: 'Caused by',
    render: row =>
      row.deployment ? `${row.deployment.id}${row.deployment.linked === 'attributed' ? ' (by time)' : ''}` : '–',
  },
  {
    title: 'Postmortem',
    render: row => {
      if (row.postmortemUrl) return <Link to={row.postmortemUrl}>done</Link>;
      return row.postmortemStatus === 'outstanding' ? (
        <Chip size="small" color="secondary" label="outstanding" />
      ) : (
        'not required'
      );
    },
  },
];

/** The month's incidents, oldest first. */
export const IncidentReviewTable = ({ incidents }: { incidents: ReviewedIncident[] }) => (
  <Table<ReviewedIncident>
    title="Incidents"
    options={{ paging: false, search: false, sorting: false }}
    columns={columns}
    data={incidents}
  />
);
