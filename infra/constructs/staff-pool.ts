import { Aws, CfnMapping, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import type { UserPoolClient, UserPoolClientOptions, UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { County } from '../../domain/county.ts';
import type { Role } from '../../domain/meta.ts';

/** The roles, one Cognito group each: people, and each kind of machine with its own. */
export const staffGroups = {
  clerk: 'Window clerks and grassroots site staff (bound to a window or site by custom:windowId / custom:siteId)',
  director: 'Window directors and the center’s management: every queue, the statistics, supervision',
  callback: 'Callback staff: callback lists with full phone numbers, callback results',
  admin: 'Administrators: everything, plus the calendar and county data',
  'sms-gateway': 'The SMS gateway: posts replies to rating invitations, learns nothing back',
  kiosk: 'Ticket kiosks in the hall: issue tickets',
  'rating-device': 'A window’s rating device (评价器, bound to its window by custom:windowId): rates that window’s cases',
  'hall-screen': 'Hall screens: the calls and the waiting lists',
  agent: 'An agent (代办员, bound to a site by custom:siteId): the agency projects of that site, filing their steps as cases',
  reviewer: 'A department’s reviewer of joint cases (联合审批, bound to the department by custom:departmentId): its inbox and opinions',
  intermediary: 'An intermediary (中介机构, bound to its registration by custom:intermediaryId): the marketplace projects open to it, its quotes, objections and trust score',
  owner: 'A state-funded project’s owner (业主单位, bound by custom:ownerId): drafting, publishing, selecting, contract, completion and evaluation of its marketplace projects',
} as const satisfies Record<Role, string>;

/**
 * The attributes that bind an account to a place or a department, and the badge number (工号) a window's display
 * shows beside the clerk's name: only an administrator (AdminUpdateUserAttributes) may set them.
 */
const bindingAttributes = ['windowId', 'siteId', 'departmentId', 'intermediaryId', 'ownerId', 'badgeNo'] as const;

/** What every staff client shares: which attributes a token may read and write, and how long it lasts. */
const staffClientSettings = {
  generateSecret: false,
  // A user's own token may change their display name, never the window or site that decides what they see.
  writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
  readAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }).withCustomAttributes(...bindingAttributes),
  // A working day; terminals refresh silently within it.
  idTokenValidity: Duration.hours(8),
  accessTokenValidity: Duration.hours(8),
  refreshTokenValidity: Duration.days(1),
  preventUserExistenceErrors: true,
} as const satisfies UserPoolClientOptions;

/** Where the console's managed-login pages come back to, under each origin that serves the console. */
const consoleCallbackPath = '/console/auth/callback';
const consoleSignedOutPath = '/console/sign-in';

/**
 * The county's staff directory: accounts are created by an administrator (no self sign-up), sign in
 * with a password and a one-time code, and carry their group and, for clerks, their window or site.
 */
export class StaffPool extends Construct {
  readonly pool: UserPool;
  /** The terminals' client: SRP sign-in, no OAuth. */
  readonly client: UserPoolClient;
  /** The managed login (sign-in pages with MFA, hosted by Cognito) at a Cognito prefix domain. */
  readonly signInDomain: UserPoolDomain;
  /** The managed login's origin, `https://<prefix>.auth.<region>.amazoncognito.com` (`.com.cn` in China). */
  readonly signInOrigin: string;

  constructor(scope: Construct, id: string, props: { county: County }) {
    super(scope, id);
    this.pool = new UserPool(this, 'Pool', {
      userPoolName: `banjian-${props.county.key}-staff`,
      selfSignUpEnabled: false,
      // Usernames only: phone sign-in would need an SMS role and SMS costs; codes come from an authenticator app.
      signInAliases: { username: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true, tempPasswordValidity: Duration.days(3) },
      accountRecovery: AccountRecovery.NONE,
      featurePlan: FeaturePlan.ESSENTIALS,
      // Mutable so that an administrator can move a clerk to another window; no app client may write them.
      customAttributes: Object.fromEntries(bindingAttributes.map((name) => [name, new StringAttribute({ minLen: 1, maxLen: 40, mutable: true })])),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const [name, description] of Object.entries(staffGroups)) {
      new CfnUserPoolGroup(this, `Group-${name}`, { userPoolId: this.pool.userPoolId, groupName: name, description });
    }
    this.client = this.pool.addClient('Terminals', {
      ...staffClientSettings,
      userPoolClientName: 'window-terminals-and-console',
      // Sign-in is SRP from the terminals; no hosted UI, so no OAuth flows, scopes or callback URLs.
      authFlows: { userSrp: true },
      disableOAuth: true,
    });

    // The prefix must be free across every AWS account in the region: the account id makes it ours.
    this.signInDomain = this.pool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: Fn.join('-', ['banjian', props.county.key, Aws.ACCOUNT_ID]) },
      // The managed login (version 2) rather than the classic hosted UI: it sets up the authenticator app the pool requires.
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // CDK's own baseUrl() assumes amazoncognito.com, which is wrong in the China partition.
    const suffix = new CfnMapping(this, 'SignInDomainSuffix', { mapping: { aws: { suffix: 'amazoncognito.com' }, 'aws-cn': { suffix: 'amazoncognito.com.cn' } } });
    this.signInOrigin = `https://${this.signInDomain.domainName}.auth.${Aws.REGION}.${suffix.findInMap(Aws.PARTITION, 'suffix')}`;
  }

  /**
   * The staff console's client: the managed login's authorization code grant, with PKCE since a
   * browser cannot keep a secret (so it has none), returning to the console under each of `origins`.
   * Tokens carry and guard the same attributes as the terminals'.
   */
  addConsoleClient(origins: readonly string[]): UserPoolClient {
    const client = this.pool.addClient('Console', {
      ...staffClientSettings,
      userPoolClientName: 'staff-console',
      // The managed login's password step; its MFA step follows from the pool.
      authFlows: { userSrp: true },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        // The ID token with the groups and the window is what the API checks; `profile` adds the display name.
        scopes: [OAuthScope.OPENID, OAuthScope.PROFILE],
        callbackUrls: origins.map((origin) => `${origin}${consoleCallbackPath}`),
        logoutUrls: origins.map((origin) => `${origin}${consoleSignedOutPath}`),
      },
    });
    // Managed login v2 shows a client's pages only once the client has a style; Cognito's own will do.
    new CfnManagedLoginBranding(this, 'ConsoleSignInStyle', { userPoolId: this.pool.userPoolId, clientId: client.userPoolClientId, useCognitoProvidedValues: true });
    return client;
  }
}
