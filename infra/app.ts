import { App, Validations } from 'aws-cdk-lib';
import { buildConsole, consoleOutDir } from '../scripts/build-console.ts';
import { countiesDir, readCounty } from './county-config.ts';
import { AwsSolutionsChecks } from 'cdk-nag';
import { EdgeStack, edgeRegion } from './edge-stack.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

/**
 * One deployment per county: `npx cdk deploy -c county=sanmen`. The console's `aws` build must exist
 * in `consoleBuild` (the main below builds it; tests build it once).
 */
export function buildApp(app: App = new App(), consoleBuild: string = consoleOutDir('aws')): App {
  const key = (app.node.tryGetContext('county') as string | undefined) ?? 'sanmen';
  const county = readCounty(key, (app.node.tryGetContext('countiesDir') as string | undefined) ?? countiesDir);
  // The region is explicit: the edge stack's web ACL reaches the stateless stack by a cross-region
  // reference, which needs both regions known. The cdk CLI always sets CDK_DEFAULT_REGION (us-east-1
  // when nothing is configured); without the CLI (tests) the same default applies.
  const region = process.env.CDK_DEFAULT_REGION ?? 'us-east-1';
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region };
  const stateful = new StatefulStack(app, `Banjian-${key}-Stateful`, { env, description: `Banjian tables for ${county.name} (${county.code})` });
  // AWS WAF for CloudFront lives in us-east-1, which the China partition does not have (and AWS WAF is
  // regional only there): no edge stack in cn-*; the function's token bucket and the stage's per-route
  // ceiling still hold (docs/security.md).
  const edge = region.startsWith('cn-')
    ? undefined
    : new EdgeStack(app, `Banjian-${key}-Edge`, {
        env: { account: env.account, region: edgeRegion },
        crossRegionReferences: true,
        description: `Banjian edge web ACL for ${county.name} (${county.code})`,
        county,
      });
  new StatelessStack(app, `Banjian-${key}-Stateless`, {
    env,
    crossRegionReferences: edge !== undefined,
    description: `Banjian functions for ${county.name} (${county.code})`,
    county,
    events: stateful.events,
    views: stateful.views,
    secret: stateful.secret,
    smsCredentials: stateful.smsCredentials,
    ...(edge ? { webAclArn: edge.webAcl.attrArn } : {}),
    consoleBuild,
  });
  // Best-practice checks on every synth: an unacknowledged finding fails it (see infra/nag.ts for the accepted ones).
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Constructs are synchronous and the build is not, so it comes first; cdk prints the template on stdout, so logs go to stderr.
  const consoleBuild = await buildConsole('aws', { log: (line) => console.error(line) });
  buildApp(new App(), consoleBuild).synth();
}
