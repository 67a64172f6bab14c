import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { County } from '../../domain/county.ts';
import { consoleCsp, withConnectPolicy } from '../console-csp.ts';
import type { StaffPool } from './staff-pool.ts';

/**
 * The viewer-request function of every path but the hashed assets: `/` goes to the console, a
 * client-side route (a path under `/console/` whose last segment has no extension) gets the SPA's
 * `index.html`, a file is fetched as it is, and anything outside `/console/` is not found. Unlike
 * 403/404 error responses turned into `index.html`, a missing script or `config.json` stays an error.
 */
export const consoleRoutesFunction = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/' || uri === '/console') {
    return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '/console/' } } };
  }
  if (uri.indexOf('/console/') !== 0) {
    return { statusCode: 404, statusDescription: 'Not Found' };
  }
  if (uri.slice(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
    request.uri = '/console/index.html';
  }
  return request;
}
`;

/** The console's runtime settings, fetched from `/console/config.json` (shape: console/src/config.ts). */
export interface ConsoleConfig {
  county: { key: string; name: string; timeZone: string };
  apiBase: string;
  auth: { kind: 'cognito'; domain: string; clientId: string; userPoolId: string; region: string };
}

export interface ConsoleHostingProps {
  county: County;
  /** The folder of the console's `aws` build (`scripts/build-console.ts`). */
  build: string;
  staff: StaffPool;
  /**
   * The ARN of the AWS WAF web ACL (scope CLOUDFRONT, in us-east-1: infra/edge-stack.ts) on the
   * distribution; absent where there is none (the China regions, where AWS WAF is regional only).
   */
  webAclArn?: string;
}

/**
 * The staff console on AWS: its build in a private bucket that only this distribution may read
 * (origin access control), served over HTTPS with security headers, signing in through the staff
 * pool's managed login. `publish` uploads the build with a `config.json` naming the API; it comes
 * after the API because the API's CORS origins name this distribution. `addPublicRoutes` forwards the
 * citizens' `/public/*` to their own API (not the staff API: that one's CORS origins name this
 * distribution, and the distribution naming it back would be a cycle), under the web ACL, if any.
 */
export class ConsoleHosting extends Construct {
  readonly bucket: Bucket;
  /** Access logs of the bucket and of the distribution. */
  readonly accessLogs: Bucket;
  readonly distribution: Distribution;
  readonly headers: ResponseHeadersPolicy;
  /** `https://<distribution>.cloudfront.net`, where the console is served. */
  readonly origin: string;
  /** The console's Cognito client (authorization code with PKCE). */
  readonly client: UserPoolClient;
  /** The web ACL on the distribution, if any. */
  readonly webAclArn: string | undefined;
  /** The role of aws-cdk-lib's deployment handler, which copies the files into the bucket (set by `publish`). */
  deploymentRole?: Role;
  private readonly props: ConsoleHostingProps;
  private readonly indexHtml: string;

  constructor(scope: Construct, id: string, props: ConsoleHostingProps) {
    super(scope, id);
    this.props = props;
    this.webAclArn = props.webAclArn;
    const index = join(props.build, 'index.html');
    if (!existsSync(index) || !existsSync(join(props.build, 'assets'))) {
      throw new Error(`No console build in ${props.build} (index.html and assets/): run \`npm run console -- aws\`, or synth through infra/app.ts, which builds it`);
    }
    this.indexHtml = readFileSync(index, 'utf8');

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with an ACL grant, which needs ACLs enabled on this bucket.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      // Six months, like the API's access logs.
      lifecycleRules: [{ expiration: Duration.days(180) }],
      // Logs outlive a deleted stack; the lifecycle rule empties the bucket in time.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'bucket/',
      // Every file is rebuilt from the repository; a deleted stack leaves the bucket rather than failing on its objects.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const signIn = props.staff.signInOrigin;
    this.headers = new ResponseHeadersPolicy(this, 'Headers', {
      comment: `Banjian console ${props.county.key}: security headers`,
      securityHeadersBehavior: {
        // The API's origin (https://<id>.execute-api…) cannot be named here: the API's CORS origins name this
        // distribution, and CloudFormation allows no cycle. The header allows the region's APIs; index.html
        // carries a second policy (withConnectPolicy) that narrows connect-src to the one API.
        contentSecurityPolicy: {
          contentSecurityPolicy: consoleCsp({ connect: [`https://*.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`, signIn], forms: [signIn] }),
          override: true,
        },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        // Case ids are in the console's paths; other origins (the API, the managed login) learn nothing of them.
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: true },
      },
    });

    const routes = new EdgeFunction(this, 'Routes', {
      comment: 'Console routes: / to the console, client-side routes to index.html',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(consoleRoutesFunction),
    });
    const files: BehaviorOptions = {
      origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
      // Nothing is served over plain HTTP: a request for http:// only gets the redirect to https://.
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      // Honours each object's Cache-Control (set by publish), at least 1 s, no cookies or query strings in the key.
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: this.headers,
      compress: true,
    };
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Banjian staff console, ${props.county.key} (${props.county.code})`,
      defaultBehavior: { ...files, functionAssociations: [{ function: routes, eventType: FunctionEventType.VIEWER_REQUEST }] },
      // Content-hashed files: straight to the bucket, no function.
      additionalBehaviors: { '/console/assets/*': files },
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: this.accessLogs,
      logFilePrefix: 'cloudfront/',
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;

    // The console signs in here, and at any origin the county lists for its own domain (Cognito takes https only).
    const origins = [this.origin, ...props.county.api.corsOrigins.filter((origin) => origin.startsWith('https://'))];
    this.client = props.staff.addConsoleClient(origins);
  }

  /**
   * Forwards `/public/*` to the citizens' API at `apiDomain` (its `$default` stage, so no origin path):
   * every method, nothing cached, every viewer header but Host (API Gateway answers to its own name),
   * over TLS 1.2 only. The public pages call these routes on the page's own origin, so the console's
   * `connect-src 'self'` already covers them, and the web ACL's per-address rule sees every call.
   */
  addPublicRoutes(apiDomain: string): void {
    this.distribution.addBehavior('/public/*', new HttpOrigin(apiDomain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY, originSslProtocols: [OriginSslPolicy.TLS_V1_2] }), {
      // An API call over plain HTTP is refused rather than redirected (a redirected POST would lose its body).
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // What the API reads of a request, and the viewer's own address: behind CloudFront the source is CloudFront's, so the lookup's per-client bucket keys on this.
      originRequestPolicy: new OriginRequestPolicy(this, 'PublicRequests', {
        comment: 'Citizens’ routes: their headers and query, and the viewer address (CloudFront-Viewer-Address)',
        headerBehavior: OriginRequestHeaderBehavior.allowList('content-type', 'idempotency-key', 'x-correlation-id', 'CloudFront-Viewer-Address'),
        queryStringBehavior: OriginRequestQueryStringBehavior.all(),
        cookieBehavior: OriginRequestCookieBehavior.none(),
      }),
      // HSTS, nosniff, DENY and the referrer policy on the answers too (the CSP is inert on JSON).
      responseHeadersPolicy: this.headers,
    });
  }

  /**
   * Uploads the console: content-hashed assets cached for a year and never pruned (a page open during a
   * release still loads its chunks), then `index.html` and a generated `config.json`, revalidated on
   * every load. Tokens in `config.json` are filled in by the deployment.
   */
  publish(apiUrl: string): void {
    if (this.deploymentRole) throw new Error('the console is published once');
    const { county, build, staff } = this.props;
    const logGroup = new LogGroup(this, 'DeploymentLogs', { retention: RetentionDays.SIX_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    // Its own role, allowed to write its own log group only (not the managed policy's every log group).
    this.deploymentRole = new Role(this, 'DeploymentRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: "Copies the console's files into its bucket" });
    logGroup.grantWrite(this.deploymentRole);
    // One handler serves both deployments: same role, same log group; object keys are not returned (a response is limited to 4 KB).
    const common = { destinationBucket: this.bucket, logGroup, role: this.deploymentRole, outputObjectKeys: false } as const;

    const assets = new BucketDeployment(this, 'Assets', {
      ...common,
      sources: [Source.asset(join(build, 'assets'))],
      destinationKeyPrefix: 'console/assets/',
      prune: false,
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
    });

    const config: ConsoleConfig = {
      county: { key: county.key, name: county.name, timeZone: county.timeZone },
      apiBase: apiUrl,
      auth: { kind: 'cognito', domain: staff.signInOrigin, clientId: this.client.userPoolClientId, userPoolId: staff.pool.userPoolId, region: Aws.REGION },
    };
    const pages: ISource[] = [
      Source.data('index.html', withConnectPolicy(this.indexHtml, [apiUrl, staff.signInOrigin])),
      Source.jsonData('config.json', config),
    ];
    // Anything else the build puts beside index.html (a favicon from console/public …), but not its
    // dot-files, which describe the build (the source hash, Vite's manifest) and are no part of the site.
    const others = readdirSync(build).filter((name) => name !== 'assets' && name !== 'index.html' && !name.startsWith('.'));
    if (others.length > 0) pages.push(Source.asset(build, { exclude: ['assets', 'index.html', '.*'] }));
    const deployment = new BucketDeployment(this, 'Pages', {
      ...common,
      sources: pages,
      destinationKeyPrefix: 'console/',
      // Prunes old pages, but leaves the assets above alone.
      exclude: ['assets/*'],
      cacheControl: [CacheControl.noCache()],
    });
    // index.html names the new assets: they are uploaded first.
    deployment.node.addDependency(assets);
  }
}
