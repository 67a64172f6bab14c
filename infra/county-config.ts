import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { countySchema, type County } from '../domain/county.ts';

export const countiesDir = join(import.meta.dirname, 'counties');

/** Reads and validates `infra/counties/<key>.json`; a bad file fails synth naming the field. */
export function readCounty(key: string, dir: string = countiesDir): County {
  const file = join(dir, `${key}.json`);
  if (!/^[a-z][a-z0-9-]*$/.test(key) || !existsSync(file)) {
    const known = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    throw new Error(`Unknown county "${key}": no infra/counties/${key}.json (known: ${known.join(', ')})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${relative(process.cwd(), file)} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = countySchema().safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
    throw new Error(`${relative(process.cwd(), file)} is invalid:\n${issues}`);
  }
  if (parsed.data.key !== key) throw new Error(`${relative(process.cwd(), file)}: field "key" is "${parsed.data.key}", expected "${key}"`);
  return parsed.data;
}
