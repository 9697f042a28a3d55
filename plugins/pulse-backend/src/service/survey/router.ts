import express from 'express';
import Router from 'express-promise-router';
import { PulseContext } from '../context';

/** The survey endpoints of the Pulse API. */
export function createSurveyRouter(_ctx: PulseContext): express.Router {
  const router = Router();
  return router;
}
