import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

let cached: Promise<string> | undefined;

/**
 * The county's secret: the salt of callback sampling and phone keys, and the seed of video-check
 * times. On AWS a Secrets Manager secret (COUNTY_SECRET_ARN) read once per cold start; locally the
 * COUNTY_SECRET value the local runtime sets (kept in `.data/`).
 */
export function countySecret(): Promise<string> {
  cached ??= (async () => {
    const local = process.env.COUNTY_SECRET;
    if (local) return local;
    const arn = process.env.COUNTY_SECRET_ARN;
    if (!arn) throw new Error('neither COUNTY_SECRET nor COUNTY_SECRET_ARN is set');
    const client = new SecretsManagerClient({});
    const result = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    client.destroy();
    if (!result.SecretString) throw new Error('the county secret is empty');
    return result.SecretString;
  })().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
