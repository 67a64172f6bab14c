import middy from '@middy/core';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
// The naive handler of the issue: all of zod, the way most code imports it.
import { z } from 'zod';

/**
 * The yardstick of `npm run bench:cold`: what a plain handler looks like — the DynamoDB document
 * client, middy and zod, one validated request and one Query. Every function is measured against it.
 */
const Params = z.object({ id: z.string().min(1).max(64) });
const db = DynamoDBDocumentClient.from(new DynamoDBClient({ ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}) }));

export const handler = middy(async (event: { pathParameters?: Record<string, string> }) => {
  const { id } = Params.parse(event.pathParameters ?? {});
  const result = await db.send(new QueryCommand({ TableName: process.env.EVENTS_TABLE, KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'stream' }, ExpressionAttributeValues: { ':s': `case#${id}` } }));
  return { statusCode: 200, body: JSON.stringify({ items: result.Items?.length ?? 0 }) };
});
