import { Box, Button, Checkbox, FormControlLabel, Grid, TextField, Typography } from '@material-ui/core';
import { SurveyQuestionType } from '@pulse/plugin-pulse-common';
import { ApiRefusal, fieldMessage } from './fieldErrors';
import { choicesOf, emptyQuestion, QUESTION_TYPES, QuestionDraft } from './questionDrafts';

/** The API's paths of one question's fields, for errors shown next to them. */
const questionPaths = (index: number, ...fields: string[]) => fields.map(f => `questions.${index}.${f}`);

const QuestionRow = ({
  index,
  draft,
  refusal,
  onChange,
  onRemove,
  removable,
}: {
  index: number;
  draft: QuestionDraft;
  refusal?: ApiRefusal;
  onChange: (draft: QuestionDraft) => void;
  onRemove: () => void;
  removable: boolean;
}) => {
  const set = (key: keyof QuestionDraft) => (e: React.ChangeEvent<{ value: unknown }>) =>
    onChange({ ...draft, [key]: String(e.target.value) });
  const errorProps = (...fields: string[]) => {
    const message = fieldMessage(refusal, ...questionPaths(index, ...fields));
    return { error: message !== undefined, helperText: message };
  };
  const choiceIds = choicesOf(draft).map(c => c.id);
  // Ids tie each label to its input; the draft's key keeps them stable when a question above is removed.
  const idPrefix = `pulse-question-${draft.key}`;
  const choiceHelp = fieldMessage(refusal, ...questionPaths(index, 'choices'));

  return (
    <Box component="fieldset" border={1} borderColor="divider" borderRadius={4} p={2} mb={2}>
      <Typography component="legend" variant="subtitle2">
        Question {index + 1}
      </Typography>
      <Grid container spacing={1}>
        <Grid item xs={12} sm={4}>
          <TextField id={`${idPrefix}-id`} label="Question id" value={draft.id} onChange={set('id')} placeholder="e.g. focus-time" fullWidth required {...errorProps('id')} />
        </Grid>
        <Grid item xs={12} sm={5}>
          <TextField
            select
            id={`${idPrefix}-type`}
            label="Type"
            value={draft.type}
            onChange={e => onChange({ ...draft, type: e.target.value as SurveyQuestionType })}
            SelectProps={{ native: true }}
            fullWidth
            {...errorProps('type', 'min', 'max')}
          >
            {QUESTION_TYPES.map(t => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </TextField>
        </Grid>
        <Grid item xs={12} sm={3}>
          <FormControlLabel
            label="Required"
            control={<Checkbox checked={draft.required} onChange={e => onChange({ ...draft, required: e.target.checked })} />}
          />
        </Grid>
        <Grid item xs={12}>
          <TextField id={`${idPrefix}-prompt`} label="Question text" value={draft.prompt} onChange={set('prompt')} fullWidth required {...errorProps('prompt')} />
        </Grid>
        {draft.type === 'scale' && (
          <>
            <Grid item xs={6}>
              <TextField id={`${idPrefix}-min-label`} label="Label of 1" value={draft.minLabel} onChange={set('minLabel')} fullWidth {...errorProps('minLabel')} />
            </Grid>
            <Grid item xs={6}>
              <TextField id={`${idPrefix}-max-label`} label="Label of 5" value={draft.maxLabel} onChange={set('maxLabel')} fullWidth {...errorProps('maxLabel')} />
            </Grid>
          </>
        )}
        {draft.type === 'choice' && (
          <>
            <Grid item xs={12} sm={8}>
              <TextField
                id={`${idPrefix}-choices`}
                label="Choices (one per line)"
                value={draft.choices}
                onChange={set('choices')}
                multiline
                minRows={3}
                fullWidth
                error={choiceHelp !== undefined}
                helperText={choiceHelp ?? (choiceIds.length > 0 ? `Stored as: ${choiceIds.join(', ')}` : '2 to 30 choices')}
              />
            </Grid>
            <Grid item xs={12} sm={4}>
              <FormControlLabel
                label="Several answers allowed"
                control={<Checkbox checked={draft.multiple} onChange={e => onChange({ ...draft, multiple: e.target.checked })} />}
              />
            </Grid>
          </>
        )}
        {removable && (
          <Grid item xs={12}>
            <Button size="small" onClick={onRemove} aria-label={`Remove question ${index + 1}`}>
              Remove question
            </Button>
          </Grid>
        )}
      </Grid>
    </Box>
  );
};

/** Edits a template's questions: add, remove, and each one's id, text, type and type-specific fields. */
export const QuestionListEditor = ({
  drafts,
  refusal,
  onChange,
}: {
  drafts: QuestionDraft[];
  refusal?: ApiRefusal;
  onChange: (drafts: QuestionDraft[]) => void;
}) => (
  <>
    {drafts.map((draft, index) => (
      <QuestionRow
        key={draft.key}
        index={index}
        draft={draft}
        refusal={refusal}
        removable={drafts.length > 1}
        onChange={changed => onChange(drafts.map(d => (d.key === draft.key ? changed : d)))}
        onRemove={() => onChange(drafts.filter(d => d.key !== draft.key))}
      />
    ))}
    <Button variant="outlined" size="small" onClick={() => onChange([...drafts, emptyQuestion()])}>
      Add question
    </Button>
  </>
);
