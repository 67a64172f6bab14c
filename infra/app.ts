import { App, Validations } from 'aws-cdk-lib';
import { buildConsole, consoleOutDir } from '../scripts/build-console.ts';
import { countiesDir, readCounty } from './county-config.ts';
import { AwsSolutionsChecks } from 'cdk-nag';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

/**
 * One deployment per county: `npx cdk deploy -c county=sanmen`. The console's `aws` build must exist
 * in `consoleBuild` (the main below builds it; tests build it once).
 */
export function buildApp(app: App = new App(), consoleBuild: string = consoleOutDir('aws')): App {
  const key = (app.node.tryGetContext('county') as string | undefined) ?? 'sanmen';
  const county = readCounty(key, (app.node.tryGetContext('countiesDir') as string | undefined) ?? countiesDir);
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const stateful = new StatefulStack(app, `Banjian-${key}-Stateful`, { env, description: `Banjian tables for ${county.name} (${county.code})` });
  new StatelessStack(app, `Banjian-${key}-Stateless`, {
    env,
    description: `Banjian functions for ${county.name} (${county.code})`,
    county,
    events: stateful.events,
    views: stateful.views,
    secret: stateful.secret,
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
