import { createHmac } from 'node:crypto';
import type { Mac } from '../domain/keyed.ts';
import { secretString } from './store/secrets.ts';

let cached: Promise<Mac> | undefined;

/**
 * The county's keyed MAC (HMAC-SHA-256 under the county secret): the salt of callback and archive
 * samples and phone keys, and the seed of video-check rosters. The secret never leaves this module:
 * `domain/` gets the function. On AWS the secret is a Secrets Manager secret (COUNTY_SECRET_ARN)
 * read once per cold start; locally the COUNTY_SECRET value the local runtime sets (kept in `.data/`).
 */
export function countyMac(): Promise<Mac> {
  cached ??= (async () => {
    const secret = process.env.COUNTY_SECRET || (await fromSecretsManager());
    return macOf(secret);
  })().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/** HMAC-SHA-256 under `secret`, as hex. */
export const macOf =
  (secret: string): Mac =>
  (message) =>
    createHmac('sha256', secret).update(message, 'utf8').digest('hex');

async function fromSecretsManager(): Promise<string> {
  const arn = process.env.COUNTY_SECRET_ARN;
  if (!arn) throw new Error('neither COUNTY_SECRET nor COUNTY_SECRET_ARN is set');
  return secretString(arn);
}
