import { TestDatabases } from '@backstage/backend-test-utils';
import { transactionWithRetry } from './transactionWithRetry';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const abort = (code: string) => Object.assign(new Error(`aborted with ${code}`), { code });

describe.each(databases.eachSupportedId())('transactionWithRetry on %p', databaseId => {
  it('retries deadlocks from the start and keeps only the attempt that committed', async () => {
    const knex = await databases.init(databaseId);
    await knex.schema.createTable('retry_probe', table => table.integer('attempt'));
    let attempts = 0;
    const result = await transactionWithRetry(knex, async trx => {
      attempts += 1;
      await trx('retry_probe').insert({ attempt: attempts });
      if (attempts < 3) throw abort(attempts === 1 ? '40P01' : 'SQLITE_BUSY');
      return 'done';
    });
    expect(result).toBe('done');
    expect(await knex('retry_probe').select('attempt')).toEqual([{ attempt: 3 }]);
  });

  it('gives up after five attempts, and at once on any other error', async () => {
    const knex = await databases.init(databaseId);
    let attempts = 0;
    await expect(
      transactionWithRetry(knex, async () => {
        attempts += 1;
        throw abort('40001');
      }),
    ).rejects.toThrow('aborted with 40001');
    expect(attempts).toBe(5);

    attempts = 0;
    await expect(
      transactionWithRetry(knex, async () => {
        attempts += 1;
        throw abort('23505');
      }),
    ).rejects.toThrow('aborted with 23505');
    expect(attempts).toBe(1);
  });
});
