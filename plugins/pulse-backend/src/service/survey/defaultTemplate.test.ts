import { mockServices } from '@backstage/backend-test-utils';
import { SurveyRepository } from '@pulse/plugin-pulse-node';
import { DefaultTemplate } from './defaultTemplate';

describe('DefaultTemplate', () => {
  it('retries a failed start-up store on the next request instead of failing every request until restart', async () => {
    const upsert = jest.fn().mockRejectedValueOnce(new Error('database is locked')).mockResolvedValue(1);
    const template = new DefaultTemplate({ templates: { upsert } } as unknown as SurveyRepository, mockServices.logger.mock());

    await expect(template.ready()).rejects.toThrow('database is locked');
    await expect(template.ready()).resolves.toBeUndefined();
    await expect(template.ready()).resolves.toBeUndefined();
    // Failed once, stored once, then remembered.
    expect(upsert).toHaveBeenCalledTimes(2);
  });
});
