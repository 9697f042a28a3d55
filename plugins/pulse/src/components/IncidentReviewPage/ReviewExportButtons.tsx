import { useApi } from '@backstage/core-plugin-api';
import { Box, Button, Typography } from '@material-ui/core';
import { parseEntityRef } from '@backstage/catalog-model';
import { useState } from 'react';
import { pulseDecisionsApiRef } from '../../api/DecisionsApi';
import { errorText } from '../EntityPolicyCard/format';
import { saveTextFile } from './saveTextFile';

const FORMATS = {
  md: { label: 'Export Markdown', type: 'text/markdown;charset=utf-8', testId: 'review-export-md' },
  csv: { label: 'Export CSV', type: 'text/csv;charset=utf-8', testId: 'review-export-csv' },
} as const;

/** The file name the API gives the export: `pulse-review-2026-11[-payments].md`. */
export function reviewExportFileName(month: string, groupRef: string | undefined, format: 'md' | 'csv'): string {
  const group = groupRef ? parseEntityRef(groupRef) : undefined;
  const namespace = group && group.namespace !== 'default' ? `${group.namespace}-` : '';
  return `pulse-review-${month}${group ? `-${namespace}${group.name}` : ''}.${format}`;
}

/** "Export Markdown" and "Export CSV": the month's review as a file to publish. */
export const ReviewExportButtons = ({ month, groupRef }: { month: string; groupRef?: string }) => {
  const api = useApi(pulseDecisionsApiRef);
  const [error, setError] = useState<string>();

  const download = async (format: 'md' | 'csv') => {
    setError(undefined);
    try {
      const text = await api.getIncidentReviewExport({ month, groupRef, format });
      saveTextFile(text, reviewExportFileName(month, groupRef, format), FORMATS[format].type);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      {(['md', 'csv'] as const).map(format => (
        <Button key={format} variant="outlined" data-testid={FORMATS[format].testId} onClick={() => download(format)}>
          {FORMATS[format].label}
        </Button>
      ))}
      {error && (
        <Typography color="error" role="alert" variant="body2">
          {error}
        </Typography>
      )}
    </Box>
  );
};
