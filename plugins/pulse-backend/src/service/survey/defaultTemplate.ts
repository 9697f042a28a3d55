import { LoggerService } from '@backstage/backend-plugin-api';
import { defaultSurveyTemplate } from '@pulse/plugin-pulse-common';
import { SurveyRepository } from '@pulse/plugin-pulse-node';

/**
 * The shipped default template, stored as a new version when it changed. A failed store is not cached: the next
 * `/surveys` request tries again, so one database hiccup at start does not fail every request until a restart.
 */
export class DefaultTemplate {
  private stored: Promise<void> | undefined;

  constructor(
    private readonly repository: SurveyRepository,
    private readonly logger: LoggerService,
  ) {}

  ready(): Promise<void> {
    this.stored ??= this.repository.templates.upsert(defaultSurveyTemplate, Date.now()).then(
      () => undefined,
      error => {
        this.stored = undefined;
        this.logger.error(`Could not store the default survey template; will retry: ${error}`);
        throw error;
      },
    );
    return this.stored;
  }
}
