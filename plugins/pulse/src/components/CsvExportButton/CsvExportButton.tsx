import Button from '@material-ui/core/Button';
import { csvDocument } from '@pulse/plugin-pulse-common';
import { saveTextFile } from '../IncidentReviewPage/saveTextFile';

/**
 * "Export CSV" for a table: the file is built in the browser from the rows the API returned (no second request), with
 * pulse-common's csv helper so every cell is quoted and formula-guarded the same way as the server's exports.
 */
export function CsvExportButton<C extends string>(props: {
  fileName: string;
  header: readonly C[];
  rows: () => Array<Partial<Record<C, string | number | null>>>;
  'data-testid': string;
}) {
  const download = () =>
    saveTextFile(csvDocument(props.header, props.rows()), props.fileName, 'text/csv;charset=utf-8');
  return (
    <Button variant="outlined" size="small" data-testid={props['data-testid']} onClick={download}>
      Export CSV
    </Button>
  );
}
