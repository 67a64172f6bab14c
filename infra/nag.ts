import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { CfnRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IConstruct } from 'constructs';
import { routes } from '../functions/http/routes.ts';
import type { BanjianFunction } from './constructs/banjian-function.ts';

/**
 * Every cdk-nag finding we accept, by its full id (`Pack::Rule[Finding]`), each with its reason.
 * `npm test` runs AwsSolutionsChecks and fails on anything not listed here.
 */
const ack = (construct: IConstruct, id: string, reason: string) => Validations.of(construct).acknowledge({ id: `AwsSolutions::${id}`, reason });

export function acknowledgeFunction(fn: BanjianFunction): void {
  ack(fn.role!, 'AwsSolutions-IAM5[Resource::*]', 'X-Ray tracing (PutTraceSegments, PutTelemetryRecords) has no resource-level permissions; everything else the role holds names its table or log group.');
}

/** The scheduler's roles (one per target) may invoke their timer function's versions: one finding per function. */
export function acknowledgeSchedulerTargets(stack: Stack, timers: readonly BanjianFunction[]): void {
  const roles = stack.node.findAll().filter((c) => c.node.id.startsWith('SchedulerRoleForTarget'));
  for (const role of roles) {
    for (const fn of timers) {
      const logicalId = stack.getLogicalId(fn.node.defaultChild as CfnElement);
      ack(role, `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`, 'The scheduler may invoke the timer function and its versions; it can invoke nothing else.');
    }
  }
}

export function acknowledgePublicRoutes(api: IConstruct): void {
  const publicKeys = new Set(routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.path}`));
  for (const construct of api.node.findAll()) {
    if (construct instanceof CfnRoute && publicKeys.has(Stack.of(construct).resolve(construct.routeKey) as string)) {
      ack(construct, 'AwsSolutions-APIG4', 'Health checks and the API description are public on purpose; they reveal no case data.');
    }
  }
}

export function acknowledgeDeadLetterQueue(queue: IConstruct): void {
  ack(queue, 'AwsSolutions-SQS3', 'This queue is itself the dead-letter destination of the projector’s event source; it needs none of its own.');
}

export function acknowledgeStaffPool(pool: IConstruct): void {
  ack(pool, 'AwsSolutions-COG8', 'Accounts are created by administrators only, with MFA required; the Plus plan’s threat protection costs per user and is the county’s choice to add.');
}
