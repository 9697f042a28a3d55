import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@material-ui/core';
import { SurveyAudience, SurveyRoundInput, SurveyTemplate } from '@pulse/plugin-pulse-common';
import { useState } from 'react';
import { ApiRefusal, fieldMessage, refusalOf, unplacedMessage } from './fieldErrors';
import { isoToLocalInput, localInputToIso } from './roundFormat';

type TargetType = SurveyRoundInput['target']['type'];

const DEFAULT_TEMPLATE = 'developer-experience-5min';
const DAY = 86_400_000;
/** The API's field paths this form shows next to a field; any other refusal shows under the form. */
const FIELDS = ['title', 'templateId', 'target.type', 'target.entityRef', 'target.groupRef', 'opensAt', 'closesAt', 'audience'];

/** The round the form describes, as `POST /surveys/rounds` takes it (instants converted from local wall time). */
function roundInputOf(form: {
  title: string;
  templateId: string;
  targetType: TargetType;
  targetRef: string;
  opensAt: string;
  closesAt: string;
  audience: SurveyAudience;
}): SurveyRoundInput {
  const ref = form.targetRef.trim();
  const target: SurveyRoundInput['target'] = { type: form.targetType };
  if (form.targetType === 'entity' && ref) target.entityRef = ref;
  if (form.targetType === 'group' && ref) target.groupRef = ref;
  return {
    title: form.title.trim(),
    templateId: form.templateId,
    target,
    opensAt: localInputToIso(form.opensAt),
    closesAt: localInputToIso(form.closesAt),
    audience: form.audience,
  };
}

/** "New round": template, title, target, open and close instants, audience; the API's 400s show next to the field. */
export const NewRoundDialog = ({
  templates,
  onCreate,
  onClose,
}: {
  templates: SurveyTemplate[];
  onCreate: (input: SurveyRoundInput) => Promise<void>;
  onClose: () => void;
}) => {
  const now = Date.now();
  const [form, setForm] = useState({
    title: '',
    templateId: templates.some(t => t.id === DEFAULT_TEMPLATE) ? DEFAULT_TEMPLATE : templates[0]?.id ?? '',
    targetType: 'components' as TargetType,
    targetRef: '',
    opensAt: isoToLocalInput(now),
    closesAt: isoToLocalInput(now + 14 * DAY),
    audience: 'owners' as SurveyAudience,
  });
  const [refusal, setRefusal] = useState<ApiRefusal>();
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<{ value: unknown }>) =>
    setForm(current => ({ ...current, [key]: String(e.target.value) }));

  const create = async () => {
    setBusy(true);
    setRefusal(undefined);
    try {
      await onCreate(roundInputOf(form));
    } catch (e) {
      setRefusal(refusalOf(e));
      setBusy(false);
    }
  };

  const errorProps = (...paths: string[]) => {
    const message = fieldMessage(refusal, ...paths);
    return { error: message !== undefined, helperText: message };
  };
  const unplaced = unplacedMessage(refusal, path => FIELDS.includes(path));
  const refPlaceholder = form.targetType === 'group' ? 'group:default/payments' : 'component:default/checkout';

  return (
    <Dialog open onClose={onClose} aria-labelledby="pulse-new-round-heading" fullWidth maxWidth="sm">
      <DialogTitle id="pulse-new-round-heading">New round</DialogTitle>
      <DialogContent>
        <TextField
          id="pulse-new-round-title"
          label="Title"
          value={form.title}
          onChange={set('title')}
          fullWidth
          margin="dense"
          required
          {...errorProps('title')}
        />
        <TextField
          select
          id="pulse-new-round-template"
          label="Template"
          value={form.templateId}
          onChange={set('templateId')}
          SelectProps={{ native: true }}
          fullWidth
          margin="dense"
          {...errorProps('templateId')}
        >
          {templates.map(t => (
            <option key={t.id} value={t.id}>
              {t.title} ({t.id})
            </option>
          ))}
        </TextField>
        <TextField
          select
          id="pulse-new-round-target"
          label="Target"
          value={form.targetType}
          onChange={set('targetType')}
          SelectProps={{ native: true }}
          fullWidth
          margin="dense"
          {...errorProps('target.type')}
        >
          <option value="components">All components</option>
          <option value="group">Group</option>
          <option value="entity">Entity</option>
        </TextField>
        {form.targetType !== 'components' && (
          <TextField
            id="pulse-new-round-target-ref"
          label="Target ref"
            value={form.targetRef}
            onChange={set('targetRef')}
            placeholder={refPlaceholder}
            fullWidth
            margin="dense"
            required
            {...errorProps('target.entityRef', 'target.groupRef')}
          />
        )}
        <TextField
          id="pulse-new-round-opens-at"
          label="Opens at"
          type="datetime-local"
          value={form.opensAt}
          onChange={set('opensAt')}
          InputLabelProps={{ shrink: true }}
          fullWidth
          margin="dense"
          {...errorProps('opensAt')}
        />
        <TextField
          id="pulse-new-round-closes-at"
          label="Closes at"
          type="datetime-local"
          value={form.closesAt}
          onChange={set('closesAt')}
          InputLabelProps={{ shrink: true }}
          fullWidth
          margin="dense"
          {...errorProps('closesAt')}
        />
        <TextField
          select
          id="pulse-new-round-audience"
          label="Audience"
          value={form.audience}
          onChange={set('audience')}
          SelectProps={{ native: true }}
          fullWidth
          margin="dense"
          {...errorProps('audience')}
        >
          <option value="owners">Members of the owning groups</option>
          <option value="everyone">Everyone (anyone signed in may answer: see the risk in docs/surveys.md)</option>
        </TextField>
        <Typography variant="caption" color="textSecondary">
          Times are in your time zone ({new Intl.DateTimeFormat().resolvedOptions().timeZone}).
        </Typography>
        {unplaced && (
          <Typography color="error" role="alert">
            {unplaced}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button color="primary" variant="contained" disabled={busy} onClick={create}>
          Create
        </Button>
      </DialogActions>
    </Dialog>
  );
};
