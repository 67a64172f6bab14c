import { Duration } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { RemovalPolicy } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { County } from '../../domain/county.ts';

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
      bundling: {
        // Always the local esbuild, never Docker.
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        minify: true,
        sourceMap: true,
        target: 'node24',
        mainFields: ['module', 'main'],
        // Ship the SDK version the tests ran against rather than the runtime's.
        externalModules: [],
        banner: "import { createRequire as __banjianRequire } from 'module'; const require = __banjianRequire(import.meta.url);",
        // The county file is compiled in: nothing county-specific is read at run time.
        define: { BANJIAN_COUNTY: JSON.stringify(county) },
      },
      ...rest,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'banjian',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        POWERTOOLS_METRICS_NAMESPACE: 'Banjian',
        ...rest.environment,
      },
    });
  }
}
