import {
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { PulseHealth } from '@pulse/plugin-pulse-common';
import { PulseStore } from '@pulse/plugin-pulse-node';
import express from 'express';
import Router from 'express-promise-router';

export interface RouterOptions {
  store: PulseStore;
  httpAuth: HttpAuthService;
  logger: LoggerService;
}

/** The Pulse REST API: validation and authorization here, everything else in the store and pulse-common. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store } = options;
  const router = Router();
  router.use(express.json({ limit: '5mb' }));

  router.get('/health', async (_req, res) => {
    const body: PulseHealth = { status: 'ok', store: await store.health() };
    res.json(body);
  });

  return router;
}
