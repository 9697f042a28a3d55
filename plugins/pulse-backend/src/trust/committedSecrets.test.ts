import { TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assertNoCommittedSecrets, COMMITTED_SECRETS } from '../service/config/committedSecrets';
import { startPulseTestBackend } from '../__testUtils__/startPulseTestBackend';

const root = path.resolve(__dirname, '../../../..');

/** Every `token:` and `webhookSecret:` value written in a YAML file git tracks (placeholders like ${X} aside). */
function secretsInCommittedYaml(): string[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.yaml', '*.yml'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  return files.flatMap(file =>
    [...readFileSync(path.join(root, file), 'utf8').matchAll(/^\s*(?:token|webhookSecret|secret):\s*['"]?([^\s'"#]+)/gm)]
      .map(match => match[1])
      .filter(value => !value.startsWith('${')),
  );
}

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('secrets committed in the repository', () => {
  it('are all known, so production refuses every one of them', () => {
    const found = secretsInCommittedYaml();
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(found.filter(value => !COMMITTED_SECRETS.has(value))).toEqual([]);
  });

  it('stop a production start, naming each key that holds one', () => {
    const config = new ConfigReader({
      backend: { auth: { externalAccess: [{ type: 'static', options: { token: 'pulse-local-dev-token', subject: 'ci' } }] } },
      pulse: { github: { webhookSecret: 'local-dev-github-secret' }, pagerduty: { webhookSecret: 'a-real-secret-of-ours' } },
    });
    expect(() => assertNoCommittedSecrets(config, 'production')).toThrow(
      /pulse\.github\.webhookSecret, backend\.auth\.externalAccess\[0\]\.options\.token holds a secret committed/,
    );
    expect(() => assertNoCommittedSecrets(config, 'development')).not.toThrow();
    const own = new ConfigReader({ pulse: { github: { webhookSecret: 'a-real-secret-of-ours' } } });
    expect(() => assertNoCommittedSecrets(own, 'production')).not.toThrow();
  });

  it('make the plugin fail at start-up under NODE_ENV=production', async () => {
    const knex = await databases.init('SQLITE_3');
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(
        startPulseTestBackend(knex, { config: { pulse: { pagerduty: { webhookSecret: 'local-dev-pagerduty-secret' } } } }),
      ).rejects.toThrow(/pulse\.pagerduty\.webhookSecret holds a secret committed/);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
