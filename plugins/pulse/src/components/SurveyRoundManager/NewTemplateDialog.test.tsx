import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiRefusalError } from '../../api/ApiRefusalError';
import { NewTemplateDialog } from './NewTemplateDialog';

const type = (label: string | RegExp, value: string, index = 0) =>
  fireEvent.change(screen.getAllByLabelText(label)[index], { target: { value } });

describe('NewTemplateDialog', () => {
  it('builds the template question by question with a read-only preview, and creates it', async () => {
    const onCreate = jest.fn().mockResolvedValue(undefined);
    await renderInTestApp(<NewTemplateDialog onCreate={onCreate} onClose={jest.fn()} />);

    type(/^Template id/, 'tooling-pulse');
    type(/^Title/, 'Tooling pulse');
    type(/^Question id/, 'ci');
    type(/^Question text/, 'How happy are you with CI?');
    type('Label of 1', 'Not at all');
    type('Label of 5', 'Very');

    fireEvent.click(screen.getByRole('button', { name: 'Add question' }));
    type('Type', 'choice', 1);
    type(/^Question id/, 'blockers', 1);
    type(/^Question text/, 'What blocks you?', 1);
    type('Choices (one per line)', 'Slow CI\nMissing docs\n');
    expect(screen.getByText('Stored as: slow-ci, missing-docs')).toBeInTheDocument();
    fireEvent.click(screen.getAllByRole('checkbox', { name: 'Required' })[1]);

    // A third question, removed again.
    fireEvent.click(screen.getByRole('button', { name: 'Add question' }));
    expect(screen.getAllByLabelText(/^Question id/)).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Remove question 3' }));
    expect(screen.getAllByLabelText(/^Question id/)).toHaveLength(2);

    // The preview is the survey tab's own form, every input disabled and without Submit.
    const preview = within(screen.getByRole('region', { name: 'Preview' }));
    expect(preview.getByText('Tooling pulse')).toBeInTheDocument();
    expect(preview.getByText('How happy are you with CI? *')).toBeInTheDocument();
    expect(preview.getByText('Not at all')).toBeInTheDocument();
    const radios = preview.getAllByRole('radio');
    expect(radios.map(r => (r as HTMLInputElement).value)).toEqual(['1', '2', '3', '4', '5']);
    radios.forEach(radio => expect(radio).toBeDisabled());
    expect(preview.getByText('What blocks you?')).toBeInTheDocument();
    expect(preview.getByRole('checkbox', { name: 'Missing docs' })).toBeDisabled();
    expect(preview.queryByRole('button', { name: 'Submit' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(onCreate).toHaveBeenCalledTimes(1));
    expect(onCreate).toHaveBeenCalledWith({
      id: 'tooling-pulse',
      title: 'Tooling pulse',
      questions: [
        { id: 'ci', type: 'scale', prompt: 'How happy are you with CI?', required: true, min: 1, max: 5, minLabel: 'Not at all', maxLabel: 'Very' },
        {
          id: 'blockers',
          type: 'choice',
          prompt: 'What blocks you?',
          required: false,
          choices: [
            { id: 'slow-ci', label: 'Slow CI' },
            { id: 'missing-docs', label: 'Missing docs' },
          ],
          multiple: true,
        },
      ],
    });
  });

  it('shows the API\'s 400 next to the question field it names, and the rest under the form', async () => {
    const errors = [
      { path: 'questions.1.choices', message: 'Array must contain at least 2 element(s)' },
      { path: 'id', message: 'must be lower-case letters and digits joined by hyphens, e.g. focus-time' },
      { path: 'questions', message: 'question ids must be unique' },
    ];
    const onCreate = jest.fn().mockRejectedValue(new ApiRefusalError('Invalid template', 400, { errors }));
    await renderInTestApp(<NewTemplateDialog onCreate={onCreate} onClose={jest.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add question' }));
    type('Type', 'choice', 1);
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(screen.getByLabelText('Choices (one per line)')).toHaveAccessibleDescription('Array must contain at least 2 element(s)'),
    );
    expect(screen.getByLabelText(/^Template id/)).toHaveAccessibleDescription(
      'must be lower-case letters and digits joined by hyphens, e.g. focus-time',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('questions: question ids must be unique');
  });
});
