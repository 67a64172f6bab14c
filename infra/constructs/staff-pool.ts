import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { AccountRecovery, CfnUserPoolGroup, ClientAttributes, FeaturePlan, Mfa, StringAttribute, UserPool } from 'aws-cdk-lib/aws-cognito';
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
} as const satisfies Record<Role, string>;

/** The attributes that bind an account to a place: only an administrator (AdminUpdateUserAttributes) may set them. */
const bindingAttributes = ['windowId', 'siteId'] as const;

/**
 * The county's staff directory: accounts are created by an administrator (no self sign-up), sign in
 * with a password and a one-time code, and carry their group and, for clerks, their window or site.
 */
export class StaffPool extends Construct {
  readonly pool: UserPool;
  readonly client: UserPoolClient;

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
      userPoolClientName: 'window-terminals-and-console',
      generateSecret: false,
      // Sign-in is SRP from the terminals and the console; no hosted UI, so no OAuth flows, scopes or callback URLs.
      authFlows: { userSrp: true },
      disableOAuth: true,
      // A user's own token may change their display name, never the window or site that decides what they see.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
      readAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }).withCustomAttributes(...bindingAttributes),
      // A working day; terminals refresh silently within it.
      idTokenValidity: Duration.hours(8),
      accessTokenValidity: Duration.hours(8),
      refreshTokenValidity: Duration.days(1),
      preventUserExistenceErrors: true,
    });
  }
}
