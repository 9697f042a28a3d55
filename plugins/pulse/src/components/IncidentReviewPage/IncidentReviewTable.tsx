import { parseEntityRef } from '@backstage/catalog-model';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { Button } from '@material-ui/core';
import { formatDurationMinutes, IncidentReviewResponse } from '@pulse/plugin-pulse-common';
import { StatusChip } from '../StatusChip';
import { percentText } from '../EntityDecisions';
import { LearningsText } from '../PostmortemDialog';
import { AttributionCell } from './AttributionCell';

/** An incident of the review, with whether the caller may edit its follow-up. */
export type ReviewRow = IncidentReviewResponse['incidents'][number];

/** A service's name, for sorting by service. */
const nameOf = (entityRef: string) => parseEntityRef(entityRef).name;

const entityLink = (entityRef: string) => {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return <Link to={`/catalog/${namespace}/${kind}/${name}`}>{name}</Link>;
};

const columnsOf = (onEdit: (incident: ReviewRow) => void): TableColumn<ReviewRow>[] => [
  { title: 'Incident', field: 'id', render: row => `${row.id}${row.description ? `: ${row.description}` : ''}` },
  {
    title: 'Service',
    customSort: (a, b) => nameOf(a.entityRef).localeCompare(nameOf(b.entityRef)),
    render: row => entityLink(row.entityRef),
  },
  { title: 'Started', field: 'createdAt', render: row => new Date(row.createdAt).toLocaleString() },
  {
    title: 'Duration',
    field: 'durationMinutes',
    render: row => `${formatDurationMinutes(row.durationMinutes)}${row.resolvedAt ? '' : ' (open)'}`,
  },
  {
    title: 'Budget spent',
    field: 'budgetShare',
    render: row =>
      row.budgetSpent.length === 0
        ? 'no SLO data'
        : row.budgetSpent.map(s => `${s.slo} / ${s.objective}: ${percentText(s.share)}`).join('; '),
  },
  { title: 'Caused by', sorting: false, render: row => <AttributionCell deployment={row.deployment} /> },
  {
    title: 'Postmortem',
    field: 'postmortemStatus',
    render: row => {
      if (row.postmortemUrl) return <Link to={row.postmortemUrl}>done</Link>;
      return row.postmortemStatus === 'outstanding' ? (
        <StatusChip tone="bad" label="outstanding" />
      ) : (
        'not required'
      );
    },
  },
  { title: 'Learnings', sorting: false, render: row => <LearningsText learnings={row.learnings} /> },
  {
    title: 'Follow-up',
    sorting: false,
    render: row =>
      row.canEdit ? (
        <Button size="small" variant="outlined" onClick={() => onEdit(row)}>
          Edit
        </Button>
      ) : null,
  },
];

/** The month's incidents, oldest first (every column but the free text sorts); "Edit" (for those the caller may edit) opens the postmortem dialog. */
export const IncidentReviewTable = ({ incidents, onEdit }: { incidents: ReviewRow[]; onEdit: (incident: ReviewRow) => void }) => (
  <Table<ReviewRow>
    title="Incidents"
    options={{ paging: false, search: false, sorting: true, draggable: false }}
    columns={columnsOf(onEdit)}
    data={incidents}
  />
);
