import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { SurveyRound } from '@pulse/plugin-pulse-common';

/** Picks the round the platform page shows; rounds come newest first, and scheduled ones have no results yet. */
export const SurveyRoundPicker = (props: {
  rounds: SurveyRound[];
  roundId: number;
  onChange: (roundId: number) => void;
}) => (
  <FormControl variant="outlined" size="small" style={{ minWidth: 320 }}>
    {/* Primary text: the label's default grey on the page's grey is 4.47:1, under WCAG AA's 4.5:1. */}
    <InputLabel id="pulse-survey-round-label" style={{ color: 'inherit' }}>
      Round
    </InputLabel>
    <Select
      labelId="pulse-survey-round-label"
      label="Round"
      // Named by the label and the chosen round, so the visible text is part of the name (WCAG 2.5.3).
      SelectDisplayProps={{ id: 'pulse-survey-round-value' } as object}
      value={props.roundId}
      onChange={event => props.onChange(Number(event.target.value))}
    >
      {props.rounds.map(round => (
        <MenuItem key={round.id} value={round.id} disabled={round.status === 'scheduled'}>
          {round.title} ({round.status})
        </MenuItem>
      ))}
    </Select>
  </FormControl>
);
