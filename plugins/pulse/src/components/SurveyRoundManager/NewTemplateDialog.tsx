import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Grid, TextField, Typography } from '@material-ui/core';
import { SurveyTemplate } from '@pulse/plugin-pulse-common';
import { useState } from 'react';
import { SurveyForm } from '../EntitySurveyContent/SurveyForm';
import { ApiRefusal, fieldMessage, refusalOf, unplacedMessage } from './fieldErrors';
import { QuestionListEditor } from './QuestionListEditor';
import { emptyQuestion, QuestionDraft, questionOf } from './questionDrafts';

/** Question fields shown next to their input; `questions` itself (e.g. duplicate ids) shows under the form. */
const PLACED = /^(id|title|description|questions\.\d+\.(id|type|min|max|prompt|minLabel|maxLabel|choices)(\..*)?)$/;

/**
 * "New template": id, title, description and a question list, with a live preview of the survey as respondents will
 * see it (the survey tab's own form, read-only). The API's 400s show next to the field they name.
 */
export const NewTemplateDialog = ({
  onCreate,
  onClose,
}: {
  onCreate: (template: SurveyTemplate) => Promise<void>;
  onClose: () => void;
}) => {
  const [id, setId] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [drafts, setDrafts] = useState<QuestionDraft[]>(() => [emptyQuestion('scale')]);
  const [refusal, setRefusal] = useState<ApiRefusal>();
  const [busy, setBusy] = useState(false);

  const template: SurveyTemplate = {
    id: id.trim(),
    title: title.trim(),
    ...(description.trim() ? { description: description.trim() } : {}),
    questions: drafts.map(questionOf),
  };
  // The preview shows a placeholder where a question has no text yet, so every question is visible as it is built.
  const preview: SurveyTemplate = {
    ...template,
    questions: template.questions.map((q, i) => ({ ...q, prompt: q.prompt || `(question ${i + 1} has no text yet)` })),
  };

  const create = async () => {
    setBusy(true);
    setRefusal(undefined);
    try {
      await onCreate(template);
    } catch (e) {
      setRefusal(refusalOf(e));
      setBusy(false);
    }
  };
  const errorProps = (path: string) => {
    const message = fieldMessage(refusal, path);
    return { error: message !== undefined, helperText: message };
  };
  const unplaced = unplacedMessage(refusal, path => PLACED.test(path));

  return (
    <Dialog open onClose={onClose} aria-labelledby="pulse-new-template-title" fullWidth maxWidth="lg">
      <DialogTitle id="pulse-new-template-title">New template</DialogTitle>
      <DialogContent>
        <Grid container spacing={3}>
          <Grid item xs={12} md={6}>
            <TextField id="pulse-new-template-id" label="Template id" value={id} onChange={e => setId(e.target.value)} placeholder="e.g. tooling-pulse" fullWidth margin="dense" required {...errorProps('id')} />
            <TextField id="pulse-new-template-title-field" label="Title" value={title} onChange={e => setTitle(e.target.value)} fullWidth margin="dense" required {...errorProps('title')} />
            <TextField id="pulse-new-template-description" label="Description" value={description} onChange={e => setDescription(e.target.value)} fullWidth margin="dense" {...errorProps('description')} />
            <Box mt={2}>
              <QuestionListEditor drafts={drafts} refusal={refusal} onChange={setDrafts} />
            </Box>
          </Grid>
          <Grid item xs={12} md={6}>
            <section aria-label="Preview">
              <Typography variant="h6" component="h3" gutterBottom>
                Preview
              </Typography>
              <SurveyForm template={preview} title={preview.title || 'Untitled survey'} />
            </section>
          </Grid>
        </Grid>
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
