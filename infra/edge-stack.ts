import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { County } from '../domain/county.ts';

/** The region every CloudFront-scoped AWS WAF web ACL lives in, wherever the distribution's stack is. */
export const edgeRegion = 'us-east-1';

/** The rate-based rule counts over this window (AWS WAF allows 60, 120, 300 or 600 s). */
export const publicWindowSeconds = 300;

/**
 * Clients an address may stand for: citizens reach the pages from mobile networks behind carrier NAT
 * and from offices behind one address, so the edge limit is a flood guard worth this many clients'
 * lookup buckets; fairness between clients is the function's own token bucket (functions/public/rate-limit.ts).
 */
const clientsPerAddress = 5;

/**
 * Requests one address may make to `/public/*` in a window: as many as the county's lookup bucket
 * lets `clientsPerAddress` clients make (a full bucket, then the refill), never under AWS WAF's
 * minimum of 10.
 */
export function publicRequestLimit(county: Pick<County, 'public'>): number {
  const { perMinute, burst } = county.public.lookups;
  return Math.max(10, clientsPerAddress * (burst + Math.ceil((perMinute * publicWindowSeconds) / 60)));
}

export interface EdgeStackProps extends StackProps {
  county: County;
}

/**
 * The county's AWS WAF web ACL for the console's CloudFront distribution, which carries the citizens'
 * `/public/*` routes (infra/constructs/console-hosting.ts). AWS WAF cannot be associated with an API
 * Gateway HTTP API — only with REST APIs, CloudFront distributions, Application Load Balancers,
 * AppSync, Cognito user pools, App Runner, Verified Access and Amplify — so the per-client limit that
 * the issue puts "on the API" sits at the edge, on the distribution in front of it. A web ACL for
 * CloudFront must be created in us-east-1 (scope CLOUDFRONT), hence this small stack of its own.
 */
export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const { county } = props;
    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `banjian-${county.key}-edge`,
      description: `Banjian ${county.key} ${county.code}: per-address limit on /public/ routes, AWS common rules`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      // What a blocked citizen's page reads: a problem like the API's own 429s.
      customResponseBodies: {
        'too-many-requests': {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify({ type: 'about:blank', title: 'Too many requests from this address; try again in a few minutes', status: 429 }),
        },
      },
      visibilityConfig: visibility(`banjian-${county.key}-edge`),
      rules: [
        {
          // Too many requests from one address to the citizens' routes: blocked until its count over the window falls
          // under the limit again (a minute is a fair first wait).
          name: 'PublicRatePerAddress',
          priority: 0,
          action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: 'too-many-requests', responseHeaders: [{ name: 'retry-after', value: '60' }] } } },
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              evaluationWindowSec: publicWindowSeconds,
              limit: publicRequestLimit(county),
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'STARTS_WITH',
                  searchString: '/public/',
                  textTransformations: [{ priority: 0, type: 'NONE' }],
                },
              },
            },
          },
          visibilityConfig: visibility(`banjian-${county.key}-public-rate`),
        },
        {
          // AWS's baseline rules (bad inputs, known exploits in paths, query strings and bodies): no extra charge beyond the rule's.
          name: 'AwsCommonRules',
          priority: 1,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } },
          visibilityConfig: visibility(`banjian-${county.key}-common`),
        },
      ],
    });
  }
}

