import { OncallHealth } from '@pulse/plugin-pulse-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { oncallMetricRows } from './formatOncall';
import { OncallReadingChip } from './OncallReadingChip';

/** Every metric with its value and reading; team figures only, no person is named. */
export const OncallMetricTable = ({ metrics }: { metrics: OncallHealth['metrics'] }) => (
  <Table size="small" aria-label="On-call metrics">
    <TableBody>
      {oncallMetricRows(metrics).map(row => (
        <TableRow key={row.key} data-testid={`oncall-${row.key}`}>
          <TableCell component="th" scope="row">
            {row.label}
          </TableCell>
          <TableCell>{row.value}</TableCell>
          <TableCell align="right">{row.key === 'pagesPerWeek' ? null : <OncallReadingChip reading={row.reading} />}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);
