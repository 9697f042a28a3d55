import express from 'express';
import Router from 'express-promise-router';
import { PulseContext } from '../context';

/** The slo endpoints of the Pulse API. */
export function createSloRouter(_ctx: PulseContext): express.Router {
  const router = Router();
  return router;
}
