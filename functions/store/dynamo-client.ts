import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoOptions {
  /** Set for DynamoDB Local; unset on AWS. */
  endpoint?: string | undefined;
  region?: string | undefined;
}

/** The low-level client: DynamoDB Local (any credentials do) when `endpoint` is set, AWS otherwise. */
export function dynamoClient(options: DynamoOptions = {}): DynamoDBClient {
  const local = options.endpoint !== undefined;
  return new DynamoDBClient({
    region: options.region ?? process.env.AWS_REGION ?? 'cn-north-1',
    ...(local ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
}

/** A document client over `client` (or a new one): undefined attributes are left out. */
export function documentClient(options: DynamoOptions | DynamoDBClient = {}): DynamoDBDocumentClient {
  const client = options instanceof DynamoDBClient ? options : dynamoClient(options);
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/** The clients of local tools, tests and benchmarks on DynamoDB Local. */
export const localClient = (endpoint: string): DynamoDBClient => dynamoClient({ endpoint, region: 'local' });
