import { SurveyQuestion, SurveyTemplate } from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';

type QuestionOptions = Omit<SurveyQuestion, 'id' | 'type' | 'prompt' | 'required'>;

function questionRow(templateId: string, question: SurveyQuestion, position: number) {
  const { id, type, prompt, required, ...options } = question;
  return { template_id: templateId, id, position, type, prompt, required, options: JSON.stringify(options) };
}

/** Survey templates and their questions. */
export class SurveyTemplateStore {
  constructor(private readonly db: Knex) {}

  /** Inserts or updates a template and its questions (questions no longer listed are removed); idempotent. */
  async upsert(template: SurveyTemplate, now: number): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('pulse_survey_template')
        .insert({ id: template.id, title: template.title, description: template.description ?? null, created_at: now })
        .onConflict('id')
        .merge(['title', 'description']);
      await this.writeQuestions(tx, template);
      await tx('pulse_survey_question')
        .where('template_id', template.id)
        .whereNotIn('id', template.questions.map(q => q.id))
        .delete();
    });
  }

  /** Adds a new template; false when one with that id exists already. */
  async create(template: SurveyTemplate, now: number): Promise<boolean> {
    return this.db.transaction(async tx => {
      const inserted = await tx('pulse_survey_template')
        .insert({ id: template.id, title: template.title, description: template.description ?? null, created_at: now })
        .onConflict('id')
        .ignore()
        .returning('id');
      if (inserted.length === 0) return false;
      await this.writeQuestions(tx, template);
      return true;
    });
  }

  private async writeQuestions(tx: Knex.Transaction, template: SurveyTemplate): Promise<void> {
    await tx('pulse_survey_question')
      .insert(template.questions.map((q, position) => questionRow(template.id, q, position)))
      .onConflict(['template_id', 'id'])
      .merge();
  }

  /** Every template with its questions, by id. */
  async list(): Promise<SurveyTemplate[]> {
    return this.read();
  }

  async get(id: string): Promise<SurveyTemplate | undefined> {
    return (await this.read(id))[0];
  }

  private async read(id?: string): Promise<SurveyTemplate[]> {
    const templates: Array<Record<string, any>> = await this.db('pulse_survey_template')
      .modify(q => (id === undefined ? q : q.where('id', id)))
      .orderBy('id');
    const questions: Array<Record<string, any>> = await this.db('pulse_survey_question')
      .whereIn('template_id', templates.map(t => t.id))
      .orderBy(['template_id', 'position']);
    return templates.map(t => ({
      id: t.id,
      title: t.title,
      ...(t.description ? { description: t.description } : {}),
      questions: questions
        .filter(q => q.template_id === t.id)
        .map(q => ({
          id: q.id,
          type: q.type,
          prompt: q.prompt,
          required: Boolean(q.required),
          ...(JSON.parse(q.options ?? '{}') as QuestionOptions),
        })),
    }));
  }
}
