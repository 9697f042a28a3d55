import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** Service principals that may write on their own, as Backstage names them (`external:<subject>`, `plugin:<id>`). */
export interface WritersConfig {
  /** `pulse.slo.writers`: may define, change and delete any entity's SLOs (CI pushing SLOs as code). */
  slo: string[];
  /** `pulse.surveys.writers`: may manage survey templates and rounds. */
  surveys: string[];
}

const SUBJECT = /^(external|plugin):\S+$/;

function subjects(root: Config, key: string): string[] {
  const values = root.getOptionalStringArray(key) ?? [];
  for (const value of values) {
    if (!SUBJECT.test(value)) {
      throw new InputError(`${key}: '${value}' is not a service subject; write external:<subject> or plugin:<pluginId>`);
    }
  }
  return values;
}

export function readWriters(root: Config): WritersConfig {
  return { slo: subjects(root, 'pulse.slo.writers'), surveys: subjects(root, 'pulse.surveys.writers') };
}

/**
 * Backstage names a static token's principal by its bare configured subject and a JWKS or legacy token's as
 * `external:...`; both are written `external:<subject>` in config, so a bare subject is read as external.
 */
export function isListedWriter(writers: string[], principalSubject: string): boolean {
  const named = /^(external|plugin):/.test(principalSubject) ? principalSubject : `external:${principalSubject}`;
  return writers.includes(named);
}
