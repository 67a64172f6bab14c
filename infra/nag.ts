import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { CfnRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Policy } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import { routes } from '../functions/http/routes.ts';
import type { BanjianFunction } from './constructs/banjian-function.ts';
import type { ConsoleHosting } from './constructs/console-hosting.ts';

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
  const publicRoutes = new Map(routes.filter((r) => r.access === 'public').map((r) => [`${r.method} ${r.path}`, r]));
  for (const construct of api.node.findAll()) {
    const route = construct instanceof CfnRoute ? publicRoutes.get(Stack.of(construct).resolve(construct.routeKey) as string) : undefined;
    if (!route) continue;
    ack(
      construct,
      'AwsSolutions-APIG4',
      route.path.startsWith('/public/')
        ? 'The citizens’ routes (progress lookup, rating from the link, appointments) take no sign-in by design and answer nothing personal; they are limited per address by the edge web ACL, per client by the function and for everyone by the stage’s per-route ceiling.'
        : 'Health checks and the API description are public on purpose; they reveal no case data.',
    );
  }
}

export function acknowledgeDeadLetterQueue(queue: IConstruct): void {
  ack(queue, 'AwsSolutions-SQS3', 'This queue is itself the dead-letter destination of the projector’s event source; it needs none of its own.');
}

export function acknowledgeStaffPool(pool: IConstruct): void {
  ack(pool, 'AwsSolutions-COG8', 'Accounts are created by administrators only, with MFA required; the Plus plan’s threat protection costs per user and is the county’s choice to add.');
}

/** The wildcards aws-cdk-lib's BucketDeployment grants its handler: read the staged asset, sync (list, write, delete) the bucket. */
const deploymentActions = new Set(['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*']);

export function acknowledgeConsoleHosting(stack: Stack, hosting: ConsoleHosting): void {
  const distribution = hosting.distribution.node.defaultChild as CfnElement;
  ack(distribution, 'AwsSolutions-CFR1', 'Staff sign in, and citizens look their cases up, from wherever they are; the distribution serves the console’s public code and the citizens’ /public/ routes, which answer nothing personal; every other datum is behind the staff API’s JWT authorizer.');
  if (!hosting.webAclArn) {
    ack(distribution, 'AwsSolutions-CFR2', 'No AWS WAF for CloudFront in this partition (the China regions have regional AWS WAF only); the citizens’ routes are limited by the function’s token bucket and the stage’s per-route ceiling.');
  }
  ack(distribution, 'AwsSolutions-CFR4', 'The default *.cloudfront.net certificate has no choice of security policy (CloudFront fixes TLSv1 for it); a county domain with its own certificate would set TLSv1.2_2021.');

  // The deployment handler is a singleton at the stack's root, named by CDK.
  for (const handler of stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'))) {
    ack(handler, 'AwsSolutions-L1', 'aws-cdk-lib’s BucketDeployment picks its handler’s runtime; it runs only during a deployment and moves with CDK upgrades.');
  }
  const role = hosting.deploymentRole;
  if (!role) return;
  const policy = role.node.tryFindChild('DefaultPolicy') as Policy | undefined;
  const statements = (policy ? (stack.resolve(policy.document) as { Statement?: { Effect: string; Action: string | string[]; Resource: unknown }[] }).Statement : undefined) ?? [];
  const bucket = `<${stack.getLogicalId(hosting.bucket.node.defaultChild as CfnElement)}.Arn>/*`;
  for (const statement of statements.filter((s) => s.Effect === 'Allow')) {
    for (const action of [statement.Action].flat().filter((a) => a.includes('*') && deploymentActions.has(a))) {
      ack(role, `AwsSolutions-IAM5[Action::${action}]`, 'BucketDeployment’s grants: read the staged files, then sync them into the console’s bucket (list, put, delete, abort uploads); nothing else.');
    }
    for (const resource of [statement.Resource].flat().map(flatten).filter((r) => r.includes('*'))) {
      // Only the console's own objects and the CDK asset bucket's (where the staged build lies); anything else stays a finding.
      if (resource === bucket || /^arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-<AWS::AccountId>-[A-Za-z0-9:<>-]+\/\*$/.test(resource)) {
        ack(role, `AwsSolutions-IAM5[Resource::${resource}]`, 'Objects in the console’s bucket, and the staged build in the CDK asset bucket, whose keys are only known at deployment.');
      }
    }
  }
}

/** A CloudFormation value as cdk-nag names it in a finding: `<Logical.Attr>`, `<Ref>`, `${X}` as `<X>`, joins flattened. */
function flatten(value: unknown): string {
  if (typeof value === 'string') return value.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (value && typeof value === 'object') {
    const node = value as { Ref?: string; 'Fn::GetAtt'?: [string, string]; 'Fn::Join'?: [string, unknown[]]; 'Fn::Sub'?: unknown };
    if (node.Ref !== undefined) return `<${node.Ref}>`;
    if (node['Fn::Sub'] !== undefined) return flatten(node['Fn::Sub']);
    if (node['Fn::GetAtt']) return `<${node['Fn::GetAtt'][0]}.${node['Fn::GetAtt'][1]}>`;
    if (node['Fn::Join']) return node['Fn::Join'][1].map(flatten).join(node['Fn::Join'][0]);
  }
  return JSON.stringify(value);
}
