import { useApi } from '@backstage/core-plugin-api';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
  Typography,
} from '@material-ui/core';
import { IncidentLearnings, IncidentPostmortemResponse } from '@pulse/plugin-pulse-common';
import { FormEvent, useState } from 'react';
import { pulseDecisionsApiRef } from '../../api/DecisionsApi';
import { errorText } from '../EntityPolicyCard/format';

/** The incident whose follow-up is edited: what it has now. */
export interface PostmortemDialogIncident {
  id: string;
  description?: string;
  postmortemUrl?: string;
  learnings: IncidentLearnings | null;
}

/** The longest learnings the API takes. */
const MAX_LEARNINGS = 4000;

/**
 * Links an incident's postmortem and writes its learnings, in one PATCH. Empty fields clear what was there (sent as
 * null); the API's error (a bad URL, say) shows in the dialog, which stays open.
 */
export const PostmortemDialog = ({
  incident,
  onClose,
  onSaved,
}: {
  incident: PostmortemDialogIncident;
  onClose: () => void;
  onSaved: (saved: IncidentPostmortemResponse) => void;
}) => {
  const api = useApi(pulseDecisionsApiRef);
  const [postmortemUrl, setPostmortemUrl] = useState(incident.postmortemUrl ?? '');
  const [learnings, setLearnings] = useState(incident.learnings?.text ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api.updateIncidentFollowUp(incident.id, {
        postmortemUrl: postmortemUrl.trim() || null,
        learnings: learnings.trim() || null,
      });
      onSaved(saved);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="postmortem-dialog" aria-labelledby="postmortem-dialog-title">
      <form onSubmit={save}>
        <DialogTitle id="postmortem-dialog-title">
          Postmortem and learnings: {incident.id}
          {incident.description ? ` (${incident.description})` : ''}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            Link the postmortem document and write down what was learned; the monthly review shows and exports it.
          </DialogContentText>
          <TextField
            id="postmortem-dialog-url"
            label="Postmortem URL"
            type="url"
            placeholder="https://wiki.example.com/postmortems/..."
            fullWidth
            margin="normal"
            value={postmortemUrl}
            onChange={e => setPostmortemUrl(e.target.value)}
          />
          <TextField
            id="postmortem-dialog-learnings"
            label="Learnings"
            multiline
            minRows={4}
            fullWidth
            margin="normal"
            value={learnings}
            onChange={e => setLearnings(e.target.value)}
            inputProps={{ maxLength: MAX_LEARNINGS }}
            helperText={`${learnings.length} / ${MAX_LEARNINGS} characters; saved with your name and the time`}
          />
          {error && (
            <Typography color="error" role="alert" variant="body2">
              {error}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" color="primary" variant="contained" disabled={busy}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
