import * as z from 'zod/mini';
import { secretString } from '../store/secrets.ts';
import { aliyunProvider } from './aliyun.ts';
import type { ProviderCredentials, SmsProvider } from './provider.ts';
import { defaultSinkFile, sinkProvider } from './sink.ts';
import { tencentProvider } from './tencent.ts';

/** A county's SMS settings: which provider, and for Tencent the SMS application and region. */
export interface CountySmsSettings {
  provider: 'sink' | 'aliyun' | 'tencent';
  appId?: string;
  region?: string;
}

const credentialsShape = z.object({ accessKeyId: z.string().check(z.minLength(1)), accessKeySecret: z.string().check(z.minLength(1)) });

let cached: Promise<ProviderCredentials> | undefined;

/**
 * The provider AccessKey pair: the Secrets Manager secret SMS_CREDENTIALS_ARN (JSON
 * `{accessKeyId, accessKeySecret}`), read once per container; a failed read is tried again next time.
 */
function credentials(env: NodeJS.ProcessEnv): Promise<ProviderCredentials> {
  cached ??= fromSecretsManager(env.SMS_CREDENTIALS_ARN, env).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function fromSecretsManager(arn: string | undefined, env: NodeJS.ProcessEnv): Promise<ProviderCredentials> {
  if (!arn) throw new Error('SMS_CREDENTIALS_ARN is not set');
  const parsed = credentialsShape.safeParse(jsonOrUndefined(await secretString(arn, env)));
  // The message never quotes the secret (JSON.parse's own error would).
  if (!parsed.success) throw new Error('the SMS credentials secret is not JSON {accessKeyId, accessKeySecret}');
  return parsed.data;
}

function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The provider a county's settings name: the local sink (SMS_SINK_FILE), Alibaba or Tencent. */
export async function providerFor(settings: CountySmsSettings, env: NodeJS.ProcessEnv = process.env, clock?: () => Date): Promise<SmsProvider> {
  switch (settings.provider) {
    case 'sink':
      // The sink stamps each line with the sender's clock (a dev-clock run's simulated time).
      return sinkProvider({ file: env.SMS_SINK_FILE || defaultSinkFile, ...(clock ? { now: clock } : {}) });
    case 'aliyun':
      return aliyunProvider({ credentials: await credentials(env) });
    case 'tencent': {
      if (!settings.appId) throw new Error('the Tencent SMS provider needs the county appId (SmsSdkAppId)');
      return tencentProvider({ credentials: await credentials(env), appId: settings.appId, region: settings.region });
    }
  }
}
