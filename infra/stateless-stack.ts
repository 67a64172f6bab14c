import { join } from 'node:path';
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, Runtime, StartingPosition, Tracing } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { County } from '../domain/county.ts';
import { entrypoints, type EntryName, type Entrypoint } from '../functions/entrypoints.ts';

const repositoryRoot = join(import.meta.dirname, '..');

export interface StatelessStackProps extends StackProps {
  county: County;
  events: Table;
  views: Table;
}

/** One Lambda function: runtime, architecture, bundling and logging fixed once for all entrypoints. */
export class BanjianFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: NodejsFunctionProps & { county: County }) {
    const { county, ...rest } = props;
    super(scope, id, {
      runtime: Runtime.NODEJS_24_X,
      // Graviton: cheaper per GB-second for this I/O-bound code.
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      logGroup: new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.SIX_MONTHS }),
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

/** Functions (and, as the stack grows, the API, schedules and alarms) that can be redeployed freely. */
export class StatelessStack extends Stack {
  readonly functions = new Map<EntryName, BanjianFunction>();

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    for (const [name, entry] of Object.entries(entrypoints) as [EntryName, Entrypoint][]) {
      const fn = new BanjianFunction(this, pascal(name), {
        county: props.county,
        entry: join(repositoryRoot, entry.file),
        handler: 'handler',
        description: entry.description,
        // A rebuild scans the whole Events table; everything else answers within seconds.
        timeout: entry.kind === 'task' ? Duration.minutes(15) : Duration.seconds(entry.kind === 'stream' ? 60 : 10),
        memorySize: entry.kind === 'task' ? 2048 : 512,
        environment: { EVENTS_TABLE: props.events.tableName, VIEWS_TABLE: props.views.tableName },
      });
      if (entry.kind === 'stream') {
        fn.addEventSource(
          new DynamoEventSource(props.events, {
            startingPosition: StartingPosition.TRIM_HORIZON,
            batchSize: entry.batchSize ?? 100,
            bisectBatchOnError: true,
            retryAttempts: 10,
            reportBatchItemFailures: true,
          }),
        );
      }
      grant(fn, props.events, entry.tables.events);
      grant(fn, props.views, entry.tables.views);
      this.functions.set(name, fn);
    }
  }
}

/** Grants exactly the access the entry list names, never `dynamodb:*`. */
function grant(fn: NodejsFunction, table: Table, access: 'read' | 'write' | undefined): void {
  if (access === 'read') table.grantReadData(fn);
  if (access === 'write') table.grantReadWriteData(fn);
}

function pascal(name: string): string {
  return name.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());
}
