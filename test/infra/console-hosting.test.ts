import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { consoleCsp, withConnectPolicy } from '../../infra/console-csp.ts';
import { consoleRoutesFunction } from '../../infra/constructs/console-hosting.ts';
import { cfnText, fakeConsoleBuild, fixtureIndexHtml } from './console-fixture.ts';

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] };

/** Synthesises a county with a fixture build; returns the stateless template and the assembly's folder (staged assets). */
function synth(county: string, build: string) {
  const app = buildApp(new App({ context: { county, 'aws:cdk:bundling-stacks': [] } }), build);
  // The whole app, as cdk synth does: cdk-nag's findings fail it.
  const assembly = app.synth();
  const stack = app.node.findChild(`Banjian-${county}-Stateless`) as Stack;
  return { template: Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template as Record<string, unknown>), dir: assembly.directory };
}

const one = (template: Template, type: string, props: Record<string, unknown> = {}): [string, Resource] => {
  const found = Object.entries(template.findResources(type, { Properties: props })) as [string, Resource][];
  expect(found, type).toHaveLength(1);
  return found[0]!;
};
const idOf = (template: Template, type: string, props: Record<string, unknown> = {}) => one(template, type, props)[0];

/** A deployment's files as they will land in the bucket: each staged source, its markers replaced by the values' text. */
function deployedFiles(dir: string, deployment: Resource): Map<string, string> {
  const files = new Map<string, string>();
  const keys = deployment.Properties.SourceObjectKeys as string[];
  const markers = (deployment.Properties.SourceMarkers as Record<string, unknown>[] | undefined) ?? [];
  keys.forEach((key, i) => {
    const staged = join(dir, `asset.${key.replace(/\.zip$/, '')}`);
    expect(existsSync(staged), staged).toBe(true);
    for (const name of readdirSync(staged)) {
      let text = readFileSync(join(staged, name), 'utf8');
      for (const [marker, value] of Object.entries(markers[i] ?? {})) text = text.split(marker).join(cfnText(value));
      files.set(name, text);
    }
  });
  return files;
}

/** `directive -> sources` of a policy string. */
const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));

let template: Template;
let dir: string;
let ids: { distribution: string; api: string; pool: string; consoleClient: string; terminalsClient: string; domain: string; files: string; logs: string };
let signIn: string;
let mapping: string;

beforeAll(() => {
  ({ template, dir } = synth('sanmen', fakeConsoleBuild()));
  ids = {
    distribution: idOf(template, 'AWS::CloudFront::Distribution'),
    api: idOf(template, 'AWS::ApiGatewayV2::Api', { Name: 'banjian-sanmen' }),
    pool: idOf(template, 'AWS::Cognito::UserPool'),
    consoleClient: idOf(template, 'AWS::Cognito::UserPoolClient', { ClientName: 'staff-console' }),
    terminalsClient: idOf(template, 'AWS::Cognito::UserPoolClient', { ClientName: 'window-terminals-and-console' }),
    domain: idOf(template, 'AWS::Cognito::UserPoolDomain'),
    files: Object.keys(template.findResources('AWS::S3::Bucket')).find((id) => id.startsWith('ConsoleFiles'))!,
    logs: Object.keys(template.findResources('AWS::S3::Bucket')).find((id) => id.startsWith('ConsoleAccessLogs'))!,
  };
  mapping = Object.keys(template.toJSON().Mappings as Record<string, unknown>).find((m) => m.startsWith('StaffSignInDomainSuffix'))!;
  signIn = `https://\${${ids.domain}}.auth.\${AWS::Region}.\${${mapping}:\${AWS::Partition}}`;
}, 120_000);

describe('the console’s bucket', () => {
  it('is private, encrypted, TLS-only and logged, and readable by this distribution alone (origin access control, no OAI)', () => {
    const buckets = template.findResources('AWS::S3::Bucket') as Record<string, Resource>;
    expect(buckets[ids.files]!.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: ids.logs } },
    });
    expect(buckets[ids.files]!.Properties.WebsiteConfiguration).toBeUndefined();

    const [, policy] = one(template, 'AWS::S3::BucketPolicy', { Bucket: { Ref: ids.files } });
    const statements = (policy.Properties.PolicyDocument as { Statement: { Effect: string; Principal: unknown; Action: unknown; Condition?: Record<string, Record<string, unknown>> }[] }).Statement;
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' });
    expect(cfnText(allows[0]!.Condition?.StringEquals?.['AWS:SourceArn'])).toContain(`:distribution/\${${ids.distribution}}`);
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));

    template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', { OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' } });
    const origins = (one(template, 'AWS::CloudFront::Distribution')[1].Properties.DistributionConfig as { Origins: Record<string, unknown>[] }).Origins;
    // The bucket, and the citizens' API for /public/* (test/infra/stacks.test.ts).
    expect(origins).toEqual([
      expect.objectContaining({ DomainName: { 'Fn::GetAtt': [ids.files, 'RegionalDomainName'] }, OriginAccessControlId: expect.any(Object) as unknown }),
      expect.objectContaining({ CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] } }),
    ]);
  });
});

describe('the console’s distribution', () => {
  it('serves GET and HEAD over HTTPS only, with the headers policy on every path, the route function on all but the hashed assets, and logs (the citizens’ /public/* aside)', () => {
    const config = one(template, 'AWS::CloudFront::Distribution')[1].Properties.DistributionConfig as {
      DefaultCacheBehavior: Record<string, unknown>;
      CacheBehaviors: Record<string, unknown>[];
      Logging: unknown;
    };
    const headers = idOf(template, 'AWS::CloudFront::ResponseHeadersPolicy');
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors.filter((b) => b.PathPattern !== '/public/*')]) {
      expect(behavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'], ResponseHeadersPolicyId: { Ref: headers } });
    }
    // /public/* goes to the citizens' API (test/infra/stacks.test.ts), with the same headers policy.
    expect(config.CacheBehaviors.map((b) => b.PathPattern)).toEqual(['/console/assets/*', '/public/*']);
    expect(config.CacheBehaviors[1]).toMatchObject({ ResponseHeadersPolicyId: { Ref: headers } });
    expect(config.CacheBehaviors[0]!.FunctionAssociations).toBeUndefined();
    const fn = idOf(template, 'AWS::CloudFront::Function');
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fn, 'FunctionARN'] } }]);
    expect(config.Logging).toEqual({ Bucket: { 'Fn::GetAtt': [ids.logs, 'RegionalDomainName'] }, Prefix: 'cloudfront/' });
    template.hasResourceProperties('AWS::CloudFront::Function', { FunctionCode: consoleRoutesFunction, FunctionConfig: { Runtime: 'cloudfront-js-2.0' } });
  });

  it('sends a strict CSP naming the managed login and the region’s APIs, HSTS, nosniff, DENY and a same-origin referrer', () => {
    const config = (one(template, 'AWS::CloudFront::ResponseHeadersPolicy')[1].Properties.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, Record<string, unknown>> }).SecurityHeadersConfig;
    const csp = cfnText(config.ContentSecurityPolicy!.ContentSecurityPolicy);
    expect(csp).toBe(
      [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        `connect-src 'self' https://*.execute-api.\${AWS::Region}.\${AWS::URLSuffix} ${signIn}`,
        "object-src 'none'",
        "base-uri 'self'",
        `form-action 'self' ${signIn}`,
        "frame-ancestors 'none'",
      ].join('; '),
    );
    expect(config.ContentSecurityPolicy!.Override).toBe(true);
    expect(config.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true });
    expect(config.ContentTypeOptions).toEqual({ Override: true });
    expect(config.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(config.ReferrerPolicy).toEqual({ ReferrerPolicy: 'same-origin', Override: true });
  });

  it('routes / to the console, client-side routes to index.html, files as they are, and nothing else', () => {
    const handler = runInNewContext(`${consoleRoutesFunction}; handler`, {}) as (event: { request: { uri: string } }) => { uri?: string; statusCode?: number; headers?: Record<string, { value: string }> };
    const at = (uri: string) => handler({ request: { uri } });
    expect(at('/')).toMatchObject({ statusCode: 302, headers: { location: { value: '/console/' } } });
    expect(at('/console')).toMatchObject({ statusCode: 302, headers: { location: { value: '/console/' } } });
    for (const route of ['/console/', '/console/clerk', '/console/clerk/register', '/console/cases/01J9ZQ4T8M', '/console/auth/callback', '/console/sign-in']) {
      expect(at(route), route).toEqual({ uri: '/console/index.html' });
    }
    for (const file of ['/console/index.html', '/console/config.json', '/console/assets/index-Fx7aB2c9.js', '/console/favicon.ico']) expect(at(file), file).toEqual({ uri: file });
    for (const elsewhere of ['/favicon.ico', '/cases/01J9ZQ4T8M', '/consoles/x']) expect(at(elsewhere), elsewhere).toMatchObject({ statusCode: 404 });
  });
});

describe('publishing the console', () => {
  const deployments = () => Object.values(template.findResources('Custom::CDKBucketDeployment')) as Resource[];
  const byPrefix = (prefix: string) => deployments().find((d) => d.Properties.DestinationBucketKeyPrefix === prefix)!;

  it('uploads the hashed assets for a year without pruning, then index.html and config.json revalidated on every load', () => {
    expect(deployments()).toHaveLength(2);
    const assets = byPrefix('console/assets/');
    expect(assets.Properties).toMatchObject({ DestinationBucketName: { Ref: ids.files }, Prune: false, SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' } });
    expect([...deployedFiles(dir, assets).keys()]).toEqual(['index-Fx7aB2c9.js']);

    const pages = byPrefix('console/');
    expect(pages.Properties).toMatchObject({ DestinationBucketName: { Ref: ids.files }, Prune: true, Exclude: ['assets/*'], SystemMetadata: { 'cache-control': 'no-cache' } });
    // index.html names the new assets: they are in the bucket before it is.
    const assetsId = idOf(template, 'Custom::CDKBucketDeployment', { DestinationBucketKeyPrefix: 'console/assets/' });
    expect(pages.DependsOn).toEqual(expect.arrayContaining([assetsId]));
    // The build's own stamp and Vite's manifest are no pages.
    expect([...deployedFiles(dir, pages).keys()].sort()).toEqual(['config.json', 'index.html']);
  });

  it('writes config.json with the county, the API’s URL and the pool, client, managed login and region, filled in at deployment', () => {
    const config = JSON.parse(deployedFiles(dir, byPrefix('console/')).get('config.json')!) as unknown;
    expect(config).toEqual({
      county: { key: 'sanmen', name: '三门县', timeZone: 'Asia/Shanghai' },
      apiBase: `\${${ids.api}.ApiEndpoint}`,
      auth: { kind: 'cognito', domain: signIn, clientId: `\${${ids.consoleClient}}`, userPoolId: `\${${ids.pool}}`, region: '${AWS::Region}' },
    });
  });

  it('narrows connect-src in index.html to the one API and the managed login, leaving the build’s page otherwise as it was', () => {
    const html = deployedFiles(dir, byPrefix('console/')).get('index.html')!;
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)" \/>/.exec(html);
    expect(meta?.[1]).toBe(`connect-src 'self' \${${ids.api}.ApiEndpoint} ${signIn}`);
    expect(html.indexOf(meta![0])).toBeLessThan(html.indexOf('<script'));
    expect(html.replace(`\n    ${meta![0]}`, '')).toBe(fixtureIndexHtml);
  });

  it('also uploads files the build puts beside index.html, revalidated like it', () => {
    const { template: withFavicon, dir: out } = synth('sanmen', fakeConsoleBuild({ 'favicon.ico': 'icon' }));
    const pages = (Object.values(withFavicon.findResources('Custom::CDKBucketDeployment')) as Resource[]).find((d) => d.Properties.DestinationBucketKeyPrefix === 'console/')!;
    expect([...deployedFiles(out, pages).keys()].sort()).toEqual(['config.json', 'favicon.ico', 'index.html']);
  }, 120_000);

  it('fails synth without a console build, saying how to make one', () => {
    const empty = fakeConsoleBuild();
    expect(() => buildApp(new App({ context: { county: 'sanmen', 'aws:cdk:bundling-stacks': [] } }), join(empty, 'missing'))).toThrow(/No console build in .*missing.*npm run console -- aws/);
  });
});

describe('the API and the sign-in, for the console', () => {
  it('lets the distribution’s origin and the county’s own call the API', () => {
    const cors = (one(template, 'AWS::ApiGatewayV2::Api', { Name: 'banjian-sanmen' })[1].Properties.CorsConfiguration as { AllowOrigins: unknown[] }).AllowOrigins.map(cfnText);
    expect(cors).toEqual([`https://\${${ids.distribution}.DomainName}`, 'https://banjian.sanmen.gov.cn']);
  });

  it('accepts ID tokens of the console’s client as well as the terminals’', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { JwtConfiguration: { Audience: [{ Ref: ids.terminalsClient }, { Ref: ids.consoleClient }] } });
  });

  it('gives the console a public client (no secret) with the code grant, openid and profile, returning to the distribution and the county’s domain', () => {
    const client = one(template, 'AWS::Cognito::UserPoolClient', { ClientName: 'staff-console' })[1].Properties;
    expect(client).toMatchObject({ GenerateSecret: false, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'profile'], SupportedIdentityProviders: ['COGNITO'] });
    const origins = [`https://\${${ids.distribution}.DomainName}`, 'https://banjian.sanmen.gov.cn'];
    expect((client.CallbackURLs as unknown[]).map(cfnText)).toEqual(origins.map((o) => `${o}/console/auth/callback`));
    expect((client.LogoutURLs as unknown[]).map(cfnText)).toEqual(origins.map((o) => `${o}/console/sign-in`));
    // Like the terminals': a token may change the display name only, never the window or site.
    expect(client.WriteAttributes).toEqual(['name']);
  });

  it('hosts the managed login (version 2, styled for the console’s client) on a domain of the county and account, the pool still requiring MFA', () => {
    const domain = one(template, 'AWS::Cognito::UserPoolDomain')[1].Properties;
    expect(domain).toMatchObject({ ManagedLoginVersion: 2, UserPoolId: { Ref: ids.pool } });
    expect(cfnText(domain.Domain)).toBe('banjian-sanmen-${AWS::AccountId}');
    template.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', { ClientId: { Ref: ids.consoleClient }, UserPoolId: { Ref: ids.pool }, UseCognitoProvidedValues: true });
    template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON' });
    // The managed login's host ends in amazoncognito.com, or amazoncognito.com.cn in the China partition.
    expect(template.toJSON().Mappings).toMatchObject({ [mapping]: { aws: { suffix: 'amazoncognito.com' }, 'aws-cn': { suffix: 'amazoncognito.com.cn' } } });
  });
});

describe('the console’s CSP', () => {
  it('allows only its own scripts and the origins it is given', () => {
    const policy = directives(consoleCsp({ connect: ['https://api.example'], forms: ['https://login.example'] }));
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://api.example']);
    expect(policy.get('form-action')).toEqual(["'self'", 'https://login.example']);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it('refuses a page whose scripts come before any head to put the policy in', () => {
    expect(() => withConnectPolicy('<script src="/x.js"></script><head></head>', ['https://api.example'])).toThrow(/no <head> before its scripts/);
  });
});
