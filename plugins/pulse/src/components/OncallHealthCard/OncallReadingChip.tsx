import { OncallReading } from '@pulse/plugin-pulse-common';
import Chip from '@material-ui/core/Chip';

const LABELS: Record<OncallReading, string> = { healthy: 'Healthy', warning: 'Warning', unhealthy: 'Unhealthy' };
const COLORS: Record<OncallReading, string> = { healthy: '#1b5e20', warning: '#8a4b00', unhealthy: '#b71c1c' };

/** A reading as a word on a coloured chip (the word carries the meaning, the colour only repeats it). */
export const OncallReadingChip = ({ reading }: { reading: OncallReading | null }) => {
  if (!reading) return <Chip size="small" variant="outlined" label="No reading" />;
  return <Chip size="small" label={LABELS[reading]} style={{ backgroundColor: COLORS[reading], color: '#fff' }} />;
};
