import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { ErrorRequestHandler } from 'express';
import { PulseContext } from '../context';
import { bodyParserErrorHandler, databaseValueErrorHandler, validationErrorHandler } from '../validation';

/**
 * The error answers of the routers mounted beside the main API router (webhooks, CDEvents intake, deliveries): the
 * same shapes as the main router's, and never a stack trace, in development or production.
 */
export function intakeErrorHandlers(ctx: Pick<PulseContext, 'config' | 'logger'>): ErrorRequestHandler[] {
  return [
    bodyParserErrorHandler,
    databaseValueErrorHandler,
    validationErrorHandler,
    MiddlewareFactory.create({ config: ctx.config, logger: ctx.logger }).error({ showStackTraces: false }),
  ];
}
