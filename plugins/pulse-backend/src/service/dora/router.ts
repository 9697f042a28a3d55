import express from 'express';
import Router from 'express-promise-router';
import { PulseContext } from '../context';

/** The dora endpoints of the Pulse API. */
export function createDoraRouter(_ctx: PulseContext): express.Router {
  const router = Router();
  return router;
}
