import { countyMac } from '../secret.ts';
import type { Runtime } from '../runtime.ts';
import { logger } from '../logger.ts';
import { ratingLink } from '../public/rating-token.ts';
import { providerFor } from './credentials.ts';
import type { SenderDeps } from './sender.ts';

/**
 * The sender as a function runs it: the county's provider (credentials read once per container),
 * and the rating invitation's link — a signed, expiring token naming the case, which needs the
 * county secret — added as the message goes.
 */
export async function senderDeps(rt: Runtime, now: string): Promise<SenderDeps> {
  // The local runtime sends to its sink whatever the county's provider (SMS_PROVIDER=sink), and links to itself.
  const settings = process.env.SMS_PROVIDER === 'sink' ? { ...rt.county.county.sms, provider: 'sink' as const } : rt.county.county.sms;
  const provider = await providerFor(settings, process.env, () => new Date(now));
  const county = process.env.PUBLIC_BASE_URL ? { ...rt.county.county, public: { ...rt.county.county.public, baseUrl: process.env.PUBLIC_BASE_URL } } : rt.county.county;
  return {
    rt,
    provider,
    extraParams: async (message, state): Promise<Record<string, string>> => {
      if (message.smsKind !== 'rating-invitation') return {};
      const { caseId, completedAt } = state as { caseId: string; completedAt: string | null };
      return { link: ratingLink(county, await countyMac(), caseId, completedAt ?? message.queuedAt) };
    },
    log: (text, fields) => logger.warn(text, fields),
  };
}
