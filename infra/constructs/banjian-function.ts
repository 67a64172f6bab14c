import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, OutputFormat, type BundlingOptions, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { RemovalPolicy } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { County } from '../../domain/county.ts';
import { functionBundling, type FunctionBundling } from '../bundling.ts';

const repositoryRoot = join(import.meta.dirname, '..', '..');

/** The shared settings (infra/bundling.ts) as NodejsFunction takes them: always the local esbuild, never Docker. */
function bundlingProps(settings: FunctionBundling): BundlingOptions {
  return {
    forceDockerBundling: false,
    format: OutputFormat.ESM,
    target: settings.target,
    minify: settings.minify,
    mainFields: settings.mainFields,
    charset: Charset.UTF8,
    sourceMap: settings.sourcemap,
    banner: settings.banner,
    define: settings.define,
    // Ship the SDK version the tests ran against rather than the runtime's.
    externalModules: [],
    esbuildArgs: { '--alias': Object.entries(settings.alias).map(([from, to]) => `${from}=${to}`) },
  };
}

/** One Lambda function: runtime, architecture, bundling and logging fixed once for every entrypoint. */
export class BanjianFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: NodejsFunctionProps & { county: County }) {
    const { county, ...rest } = props;
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.SIX_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    // Its own role, allowed to write its own log group only (not the managed policy's every log group).
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `Runs the ${id} function` });
    logGroup.grantWrite(role);
    super(scope, id, {
      role,
      runtime: Runtime.NODEJS_24_X,
      // Graviton: cheaper per GB-second for this I/O-bound code.
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      // Six months of logs for audits; the group is ours, so it goes with the stack.
      logGroup,
      bundling: bundlingProps(functionBundling(county, repositoryRoot)),
      ...rest,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'banjian',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        POWERTOOLS_METRICS_NAMESPACE: 'Banjian',
        ...rest.environment,
      },
    });
  }
}
