import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/**
 * JSON compiled into a bundle as a string constant (esbuild `define`, infra/bundling.ts): Brotli at
 * its best quality, in base64. The county file shrinks from about 39 KB to about 12 KB and the
 * OpenAPI document from about 410 KB to about 23 KB; inflating either takes a few milliseconds, once
 * per container.
 */
export function pack(value: unknown): string {
  return brotliCompressSync(Buffer.from(JSON.stringify(value), 'utf8'), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).toString('base64');
}

/** The value `pack` packed. */
export function unpack(packed: string): unknown {
  return JSON.parse(brotliDecompressSync(Buffer.from(packed, 'base64')).toString('utf8')) as unknown;
}
