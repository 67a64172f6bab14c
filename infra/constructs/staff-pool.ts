import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { AccountRecovery, CfnUserPoolGroup, FeaturePlan, Mfa, StringAttribute, UserPool } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { County } from '../../domain/county.ts';

/** The staff roles, one Cognito group each. */
export const staffGroups = {
  clerk: 'Window clerks and grassroots site staff (bound to a window or site by custom:windowId / custom:siteId)',
  director: 'Window directors and the center’s management: every queue, the statistics, supervision',
  callback: 'Callback staff: callback lists with full phone numbers, callback results',
  admin: 'Administrators: everything, plus the calendar and county data',
  system: 'Machine clients: the SMS gateway posting replies, rating devices posting reviews',
} as const;

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
      customAttributes: {
        windowId: new StringAttribute({ minLen: 1, maxLen: 40, mutable: true }),
        siteId: new StringAttribute({ minLen: 1, maxLen: 40, mutable: true }),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const [name, description] of Object.entries(staffGroups)) {
      new CfnUserPoolGroup(this, `Group-${name}`, { userPoolId: this.pool.userPoolId, groupName: name, description });
    }
    this.client = this.pool.addClient('Terminals', {
      userPoolClientName: 'window-terminals-and-console',
      generateSecret: false,
      authFlows: { userSrp: true },
      // A working day; terminals refresh silently within it.
      idTokenValidity: Duration.hours(8),
      accessTokenValidity: Duration.hours(8),
      refreshTokenValidity: Duration.days(1),
      preventUserExistenceErrors: true,
      readAttributes: undefined,
    });
  }
}
