import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/config';
import { Request } from 'express';

/**
 * Runs a write as one audit event: who (from the request's credentials), what (`eventId` and `meta`), when, and the
 * outcome. A refused or failed write is recorded as failed with its error, then the error goes on to the client.
 */
export async function audited<T>(
  auditor: AuditorService,
  options: { eventId: string; request: Request; meta?: JsonObject },
  write: () => Promise<T>,
): Promise<T> {
  const event = await auditor.createEvent({ ...options, severityLevel: 'medium' });
  try {
    const result = await write();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
