import { CreateTableCommand, DescribeTableCommand, ResourceInUseException, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { eventsTable, viewsTable, type TableNames } from '../functions/tables.ts';

async function exists(client: DynamoDBClient, name: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return false;
    throw error;
  }
}

/** Creates the Events and Views tables (with the Events stream) when missing, as the stateful stack does on AWS. */
export async function ensureTables(client: DynamoDBClient, names: TableNames): Promise<void> {
  const create = async (input: ConstructorParameters<typeof CreateTableCommand>[0]) => {
    if (await exists(client, input.TableName!)) return;
    try {
      await client.send(new CreateTableCommand(input));
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
  };
  await create({
    TableName: names.events,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: eventsTable.partitionKey, AttributeType: 'S' },
      { AttributeName: eventsTable.sortKey, AttributeType: 'N' },
    ],
    KeySchema: [
      { AttributeName: eventsTable.partitionKey, KeyType: 'HASH' },
      { AttributeName: eventsTable.sortKey, KeyType: 'RANGE' },
    ],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
  });
  await client
    .send(new UpdateTimeToLiveCommand({ TableName: names.events, TimeToLiveSpecification: { Enabled: true, AttributeName: eventsTable.ttlAttribute } }))
    .catch((error: Error) => {
      if (!/already enabled|TimeToLive is already/i.test(error.message)) throw error;
    });
  const index = viewsTable.touchedIndex;
  await create({
    TableName: names.views,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: viewsTable.partitionKey, AttributeType: 'S' },
      { AttributeName: viewsTable.sortKey, AttributeType: 'S' },
      { AttributeName: index.partitionKey, AttributeType: 'S' },
      { AttributeName: index.sortKey, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: viewsTable.partitionKey, KeyType: 'HASH' },
      { AttributeName: viewsTable.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.include] },
      },
    ],
  });
}
