import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * The Lambda bundles' stand-in for `@aws-sdk/credential-provider-node` (esbuild `alias`, infra/bundling.ts):
 * Lambda hands a function its role's credentials in environment variables, so the default chain's
 * other providers (SSO, STS web identity, INI files, process, IMDS) would only weigh on every cold
 * start. Not used by the local runtime, tests or tools, which run the SDK's own chain.
 */
export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}) => fromEnv(init);
