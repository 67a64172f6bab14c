import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import type { County } from '../domain/county.ts';
import { pack } from '../functions/packed.ts';

/**
 * How every function is bundled, once: the CDK app hands these settings to NodejsFunction
 * (which runs the local esbuild), and `npm run bench:cold` builds with the same ones through
 * esbuild's API, so what the benchmark measures is what is deployed.
 */
/** Issue 18's ceiling on a function's bundle, minified (`npm run bench:cold` and test/infra/bundles.test.ts hold every function to it). */
export const MAX_BUNDLE_KB = 350;

export interface FunctionBundling {
  format: 'esm';
  target: string;
  minify: true;
  /** Only the module/main fields: the SDK's ESM builds tree-shake. */
  mainFields: string[];
  /** Chinese text stays UTF-8 (escaped ASCII would make it three to six times longer). */
  charset: 'utf8';
  /** Source maps are not shipped: with `--enable-source-maps` every cold start paid about 100 ms to load them. */
  sourcemap: false;
  /** ESM bundles of CommonJS packages still call `require` for Node built-ins. */
  banner: string;
  /**
   * Compiled-in constants (each JSON value `pack`ed, functions/packed.ts): the county file, so nothing
   * county-specific is read at run time, and the OpenAPI document the system function serves (only
   * that bundle refers to it, so only it carries it).
   */
  define: Record<string, string>;
  /** Module replacements at build time (`alias` in esbuild). */
  alias: Record<string, string>;
}

/**
 * Lambda gives a function its role's credentials in environment variables; the SDK's default
 * chain would also bundle the SSO, STS, INI-file and IMDS providers (about 135 KB minified) for nothing.
 */
export const LAMBDA_CREDENTIALS = 'functions/store/lambda-credentials.ts';

/** The SDK's event-stream codec, which no operation Banjian calls uses (see the stub's comment). */
export const NO_EVENT_STREAMS = 'functions/store/no-event-streams.ts';

export function functionBundling(county: County, repositoryRoot: string): FunctionBundling {
  return {
    format: 'esm',
    target: 'node24',
    minify: true,
    mainFields: ['module', 'main'],
    charset: 'utf8',
    sourcemap: false,
    banner: "import { createRequire as __banjianRequire } from 'module'; const require = __banjianRequire(import.meta.url);",
    define: {
      BANJIAN_COUNTY: JSON.stringify(pack(county)),
      BANJIAN_OPENAPI: JSON.stringify(pack(JSON.parse(readFileSync(join(repositoryRoot, 'openapi.json'), 'utf8')))),
      BANJIAN_BUNDLED: 'true',
    },
    alias: {
      '@aws-sdk/credential-provider-node': `${repositoryRoot}/${LAMBDA_CREDENTIALS}`,
      '@smithy/core/event-streams': `${repositoryRoot}/${NO_EVENT_STREAMS}`,
    },
  };
}

/**
 * Bundles one entry file as the CDK app does (esbuild's API with the same settings), for the cold-start
 * benchmark and the bundle-size test. Returns the bundle's size, gzipped size and esbuild's metafile.
 */
export async function bundleEntry(file: string, outfile: string, county: County, repositoryRoot: string): Promise<{ outfile: string; kb: number; gzipKb: number; metafile: Metafile }> {
  const settings = functionBundling(county, repositoryRoot);
  const result = await build({
    entryPoints: [join(repositoryRoot, file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: settings.format,
    target: settings.target,
    minify: settings.minify,
    mainFields: settings.mainFields,
    charset: settings.charset,
    sourcemap: settings.sourcemap,
    banner: { js: settings.banner },
    define: settings.define,
    alias: settings.alias,
    metafile: true,
    logLevel: 'error',
  });
  const bytes = readFileSync(outfile);
  return { outfile, kb: bytes.length / 1024, gzipKb: gzipSync(bytes).length / 1024, metafile: result.metafile };
}
