import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildConsole } from './build-console.ts';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** The pages a person lands on, by the source files of what their first screen shows (a page's own chunk first). */
export const pages = {
  'sign-in': ['src/auth/SignIn.tsx'],
  clerk: ['src/pages/clerk/ClerkDesk.tsx'],
  // The call form comes up beside the list as soon as the list is there.
  callback: ['src/pages/callback/Callbacks.tsx', 'src/pages/callback/CallPanel.tsx'],
  director: ['src/pages/director/Director.tsx'],
  admin: ['src/pages/admin/Admin.tsx'],
  // The cards first; ECharts (its own chunk, about 190 KB gzipped) comes while they show.
  dashboard: ['src/pages/dashboard/Dashboard.tsx'],
  hall: ['src/pages/hall/HallScreen.tsx'],
  window: ['src/pages/window/WindowDisplay.tsx'],
  joint: ['src/pages/joint/JointInbox.tsx'],
  agent: ['src/pages/agent/AgentWorklist.tsx'],
  intermediary: ['src/pages/market/IntermediaryDesk.tsx'],
  owner: ['src/pages/market/OwnerDesk.tsx'],
  market: ['src/pages/market/MarketAdmin.tsx'],
  assessment: ['src/pages/assessment/Assessment.tsx'],
  'my-assessment': ['src/pages/assessment/MyAssessment.tsx'],
  // The citizens' pages, on a phone's connection.
  'public-progress': ['src/pages/public/Progress.tsx'],
  'public-booking': ['src/pages/public/Appointments.tsx'],
  'public-rate': ['src/pages/public/Rate.tsx'],
} as const;

export interface PageWeight {
  page: keyof typeof pages;
  /** The files downloaded, by their built names. */
  files: string[];
  /** The page's own chunk. */
  chunk: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * What a browser downloads before a page's first screen: the entry chunk and everything it imports
 * statically, plus the page's own lazy chunk and its static imports (each file counted once, gzipped).
 */
export function pageWeights(outDir: string): PageWeight[] {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const closure = (key: string, into: Set<string>) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`no chunk ${key} in the manifest`);
    if (into.has(key)) return;
    into.add(key);
    for (const next of chunk.imports ?? []) closure(next, into);
  };
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry) throw new Error('no entry in the manifest');
  return (Object.entries(pages) as [keyof typeof pages, readonly string[]][]).map(([page, sources]) => {
    const keys = new Set<string>();
    closure(entry, keys);
    for (const src of sources) closure(src, keys);
    const files = [...keys].flatMap((k) => [manifest[k]!.file, ...(manifest[k]!.css ?? [])]);
    const contents = files.map((f) => readFileSync(join(outDir, f)));
    return { page, files, chunk: manifest[sources[0]!]!.file, bytes: contents.reduce((n, c) => n + c.length, 0), gzipBytes: contents.reduce((n, c) => n + gzipSync(c, { level: 9 }).length, 0) };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = await buildConsole('aws', { log: (line) => console.error(line) });
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log('first screen of each page (the AWS build): JavaScript and CSS downloaded before it shows');
  console.log('page            files   minified    gzipped');
  for (const w of pageWeights(outDir)) console.log(`${w.page.padEnd(15)} ${String(w.files.length).padStart(5)} ${kb(w.bytes).padStart(10)} ${kb(w.gzipBytes).padStart(10)}`);
}
