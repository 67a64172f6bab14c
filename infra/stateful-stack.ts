import { CfnOutput, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { eventsTable, viewsTable } from '../functions/tables.ts';

/**
 * Tables live apart from the functions, with termination protection and RETAIN, so that no
 * redeploy of code can ever take a county's case history with it.
 */
export class StatefulStack extends Stack {
  readonly events: Table;
  readonly views: Table;
  readonly secret: Secret;
  /** The SMS provider's AccessKey pair (JSON `{accessKeyId, accessKeySecret}`), filled in by the operator. */
  readonly smsCredentials: Secret;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, { ...props, terminationProtection: true });
    this.events = new Table(this, eventsTable.logicalName, {
      partitionKey: { name: eventsTable.partitionKey, type: AttributeType.STRING },
      sortKey: { name: eventsTable.sortKey, type: AttributeType.NUMBER },
      billingMode: BillingMode.PAY_PER_REQUEST,
      // The projector reads new events from the stream; NEW_IMAGE is all it needs.
      stream: StreamViewType.NEW_IMAGE,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      // Only idempotency records carry this attribute; events never expire.
      timeToLiveAttribute: eventsTable.ttlAttribute,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.views = new Table(this, viewsTable.logicalName, {
      partitionKey: { name: viewsTable.partitionKey, type: AttributeType.STRING },
      sortKey: { name: viewsTable.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The salt of callback sampling and phone keys, the seed of video-check times: random, never rotated.
    this.secret = new Secret(this, 'CountySecret', {
      description: 'Banjian county secret: callback sampling salt, SMS phone keys, supervision roster seed',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason: 'Rotating this salt would change past callback samples, phone keys and roster times that auditors must be able to reproduce.',
    });
    // The SMS provider's AccessKey pair (Alibaba Cloud or Tencent Cloud, per the county file's `sms.provider`),
    // read by the functions that send (functions/sms/credentials.ts). It is created with an empty accessKeyId,
    // which the functions refuse as malformed, so nothing is sent until the operator puts the real pair
    // (docs/deploy.md, "SMS provider"). Generated once: a later deployment never overwrites what was put.
    this.smsCredentials = new Secret(this, 'SmsCredentials', {
      description: `Banjian SMS provider AccessKey pair for ${id}: JSON {"accessKeyId": "...", "accessKeySecret": "..."}; replace the placeholder`,
      generateSecretString: { secretStringTemplate: JSON.stringify({ accessKeyId: '' }), generateStringKey: 'accessKeySecret', passwordLength: 32, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.smsCredentials).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason: 'The AccessKey pair is issued in the SMS provider’s console (Alibaba Cloud RAM, Tencent Cloud CAM), outside AWS: it is rotated there and put here by hand; no Lambda can rotate it.',
    });
    new CfnOutput(this, 'SmsCredentialsSecret', { value: this.smsCredentials.secretArn, description: 'Put the SMS provider’s AccessKey pair here (docs/deploy.md, "SMS provider")' });
    const index = viewsTable.touchedIndex;
    this.views.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: index.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.INCLUDE,
      nonKeyAttributes: [...index.include],
    });
  }
}
