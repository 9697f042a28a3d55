import { TestDatabases } from '@backstage/backend-test-utils';
import path from 'node:path';
import { PulseStore } from './PulseStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
const directory = path.resolve(__dirname, '../../migrations');

describe.each(databases.eachSupportedId())('the survey anonymity migration on %p', databaseId => {
  it('keeps the answers, versions the templates and marks older rounds as open to everyone', async () => {
    const knex = await databases.init(databaseId);
    // The schema before the migration: the first five migrations.
    for (let i = 0; i < 5; i++) await knex.migrate.up({ directory });
    await knex('pulse_survey_template').insert({ id: 't', title: 'T', created_at: 0 });
    await knex('pulse_survey_question').insert([
      { template_id: 't', id: 'mood', position: 0, type: 'scale', prompt: 'Mood?', required: true, options: '{"min":1,"max":5}' },
      { template_id: 't', id: 'pains', position: 1, type: 'choice', prompt: 'Pains?', required: false, options: '{"multiple":true,"choices":[{"id":"a","label":"A"},{"id":"b","label":"B"}]}' },
    ]);
    const [row] = await knex('pulse_survey_round')
      .insert({ template_id: 't', title: 'old', target_type: 'components', opens_at: 0, closes_at: 1, created_by: 'user:default/x', created_at: 0 })
      .returning('id');
    const roundId = Number(typeof row === 'object' ? row.id : row);
    await knex('pulse_survey_participation').insert({ round_id: roundId, user_ref: 'user:default/u' });
    await knex('pulse_survey_response').insert({ id: 'r1', round_id: roundId, entity_ref: 'component:default/c', group_ref: null });
    await knex('pulse_survey_answer').insert([
      { response_id: 'r1', question_id: 'mood', value_number: 4 },
      { response_id: 'r1', question_id: 'pains', choice: 'b' },
      { response_id: 'r1', question_id: 'pains', choice: 'a' },
    ]);

    const { survey } = await PulseStore.fromClient(knex);

    expect(await survey.templates.get('t')).toEqual({
      id: 't',
      title: 'T',
      version: 1,
      questions: [
        { id: 'mood', type: 'scale', prompt: 'Mood?', required: true, min: 1, max: 5 },
        { id: 'pains', type: 'choice', prompt: 'Pains?', required: false, multiple: true, choices: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
      ],
    });
    expect(await survey.rounds.get(roundId)).toMatchObject({ templateVersion: 1, audience: 'everyone', finalizedAt: null });
    // Every answer row is there, numbered within its answer (choices in order: a is 0, b is 1).
    const answers = await knex('pulse_survey_answer').orderBy(['question_id', 'seq']).select('question_id', 'seq', 'value_number', 'choice');
    expect(answers.map(a => [a.question_id, Number(a.seq), a.value_number === null ? null : Number(a.value_number), a.choice])).toEqual([
      ['mood', 0, 4, null],
      ['pains', 0, null, 'a'],
      ['pains', 1, null, 'b'],
    ]);
    // An older round has no snapshot: it is asked on its target, as before.
    expect(await survey.rounds.ownersInRound(roundId, 'component:default/c')).toBeUndefined();
    expect((await survey.rounds.dueForFinalization(2)).map(r => r.id)).toEqual([roundId]);
  });
});
