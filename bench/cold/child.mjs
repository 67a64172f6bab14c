// One cold start, in a fresh Node process: import a bundle, handle its first event, then a second
// one of the same kind (warm), and print the times. Plain JavaScript run by `node` itself, so that
// no loader (tsx) sits between the clock and the import.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, eventFile, warmFile] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const warmEvent = JSON.parse(readFileSync(warmFile, 'utf8'));
const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 10_000, callbackWaitsForEmptyEventLoop: false };
const statusOf = (result) => (result && typeof result === 'object' && 'statusCode' in result ? result.statusCode : 'ok');

const started = performance.now();
const module = await import(pathToFileURL(bundle).href);
const imported = performance.now();
const result = await module.handler(event, context);
const handled = performance.now();
const warm = await module.handler(warmEvent, context);
const warmHandled = performance.now();
const body = typeof result?.body === 'string' ? result.body.slice(0, 300) : undefined;
process.stdout.write(`${JSON.stringify({ bootMs: started, importMs: imported - started, firstEventMs: handled - imported, warmEventMs: warmHandled - handled, status: statusOf(result), warmStatus: statusOf(warm), body })}\n`);
process.exit(0);
