import { SurveyTemplate } from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';

type Row = Record<string, any>;

/** What makes two versions the same: title, description and questions in order. */
const contentOf = (template: SurveyTemplate) =>
  JSON.stringify([template.title, template.description ?? null, template.questions]);

function toTemplate(row: Row): SurveyTemplate {
  return {
    id: row.template_id,
    title: row.title,
    ...(row.description ? { description: row.description } : {}),
    version: Number(row.version),
    questions: JSON.parse(row.questions),
  };
}

/**
 * Survey templates as immutable versions: a round points at one version, so changing a template (the default one
 * when Pulse is upgraded) adds a version and leaves past rounds as they were asked.
 */
export class SurveyTemplateStore {
  constructor(private readonly db: Knex) {}

  /**
   * Makes `template` the latest version of its id: adds a version when its content differs from the latest one,
   * otherwise changes nothing. Returns the latest version number.
   */
  async upsert(template: SurveyTemplate, now: number): Promise<number> {
    return this.db.transaction(async tx => {
      await tx('pulse_survey_template')
        .insert({ id: template.id, title: template.title, description: template.description ?? null, created_at: now })
        .onConflict('id')
        .ignore();
      const latest = await this.latestRow(tx, template.id);
      if (latest && contentOf(toTemplate(latest)) === contentOf(template)) return Number(latest.version);
      const version = latest ? Number(latest.version) + 1 : 1;
      await tx('pulse_survey_template_version').insert(this.versionRow(template, version, now));
      await tx('pulse_survey_template')
        .where('id', template.id)
        .update({ title: template.title, description: template.description ?? null });
      return version;
    });
  }

  /** Adds a new template as version 1; false when one with that id exists already. */
  async create(template: SurveyTemplate, now: number): Promise<boolean> {
    return this.db.transaction(async tx => {
      const inserted = await tx('pulse_survey_template')
        .insert({ id: template.id, title: template.title, description: template.description ?? null, created_at: now })
        .onConflict('id')
        .ignore()
        .returning('id');
      if (inserted.length === 0) return false;
      await tx('pulse_survey_template_version').insert(this.versionRow(template, 1, now));
      return true;
    });
  }

  private versionRow(template: SurveyTemplate, version: number, now: number) {
    return {
      template_id: template.id,
      version,
      title: template.title,
      description: template.description ?? null,
      questions: JSON.stringify(template.questions),
      created_at: now,
    };
  }

  private latestRow(db: Knex, templateId: string): Promise<Row | undefined> {
    return db('pulse_survey_template_version').where('template_id', templateId).orderBy('version', 'desc').first();
  }

  /** The latest version of every template, by id. */
  async list(): Promise<SurveyTemplate[]> {
    const rows: Row[] = await this.db('pulse_survey_template_version as v')
      .whereRaw('v.version = (SELECT MAX(l.version) FROM pulse_survey_template_version l WHERE l.template_id = v.template_id)')
      .orderBy('v.template_id');
    return rows.map(toTemplate);
  }

  /** One version of a template, or its latest version. */
  async get(id: string, version?: number): Promise<SurveyTemplate | undefined> {
    const row =
      version === undefined
        ? await this.latestRow(this.db, id)
        : await this.db('pulse_survey_template_version').where({ template_id: id, version }).first();
    return row ? toTemplate(row) : undefined;
  }
}
