import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';

/** The windows a DORA view can show. */
export const DORA_WINDOW_DAYS = [30, 90, 180] as const;

export const DoraWindowPicker = (props: { days: number; onChange: (days: number) => void }) => (
  <Select
    value={props.days}
    onChange={event => props.onChange(Number(event.target.value))}
    // The accessible name holds the visible text (WCAG 2.5.3, "label in name"), not just "Window".
    inputProps={{ 'aria-label': `Window: Last ${props.days} days` }}
    disableUnderline
  >
    {DORA_WINDOW_DAYS.map(days => (
      <MenuItem key={days} value={days}>
        Last {days} days
      </MenuItem>
    ))}
  </Select>
);
