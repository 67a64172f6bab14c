import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { maskPhone } from '../../domain/privacy.ts';
import type { SendResult, SmsProvider } from './provider.ts';

/** One message in the local outbox (one JSON line each). */
export interface SinkLine {
  id: string;
  at: string;
  /** Masked: 138****8000. */
  phone: string;
  signName: string;
  templateCode: string;
  params: { name: string; value: string }[];
  text: string;
  providerMessageId: string;
}

/** The default outbox of the local runtime. */
export const defaultSinkFile = '.data/sms/outbox.jsonl';


/** The outbox's lines, oldest first; none when the file does not exist. */
export async function readSinkOutbox(file: string): Promise<SinkLine[]> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return content
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SinkLine);
}

/** The tail of the appends to each file in this process: each append waits for the one before. */
const tails = new Map<string, Promise<unknown>>();

function serialised<T>(file: string, task: () => Promise<T>): Promise<T> {
  const run = (tails.get(file) ?? Promise.resolve()).then(task);
  tails.set(file, run.catch(() => undefined));
  return run;
}

/**
 * The local provider: each message becomes a line of `file` instead of a text. Idempotent by id: a
 * message whose id is in the file already is not written again, and gets the same `sink-<id>`.
 */
export function sinkProvider({ file, now = () => new Date() }: { file: string; now?: () => Date }): SmsProvider {
  return {
    name: 'sink',
    send: (sms) =>
      serialised(file, async (): Promise<SendResult> => {
        const providerMessageId = `sink-${sms.id}`;
        try {
          if ((await readSinkOutbox(file)).some((line) => line.id === sms.id)) return { ok: true, providerMessageId };
          const line: SinkLine = { id: sms.id, at: now().toISOString(), phone: maskPhone(sms.phone), signName: sms.signName, templateCode: sms.templateCode, params: sms.params, text: sms.text, providerMessageId };
          await mkdir(dirname(file), { recursive: true });
          await appendFile(file, `${JSON.stringify(line)}\n`, 'utf8');
          return { ok: true, providerMessageId };
        } catch (error) {
          return { ok: false, transient: true, code: 'SinkWriteFailed', message: error instanceof Error ? error.message : String(error) };
        }
      }),
  };
}
