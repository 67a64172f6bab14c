import { banjianClient, type BanjianClient, type Schemas } from '../../../../client/index.ts';
import type { paths } from '../../../../client/schema.d.ts';
import { read, send, withDevClock } from '../../api/client.ts';

let client: BanjianClient | undefined;

/**
 * The typed client for the citizens' pages: no token (the public routes take none, and a staff
 * session in the same browser is never sent with them); the simulated clock in the local build.
 * Always the page's own origin, never `apiBase`: on AWS the distribution forwards `/public/*` to the
 * citizens' own API under the web ACL (infra/constructs/console-hosting.ts `addPublicRoutes`), and
 * locally `npm start` serves both.
 */
export function publicApi(): BanjianClient {
  if (!client) {
    client = banjianClient({
      baseUrl: window.location.origin,
      token: () => undefined,
      // Never from the browser's cache: Chromium keeps a 410 without Cache-Control for good, and places and progress change.
      fetch: (request) => globalThis.fetch(new Request(request, { cache: 'no-store' })),
    });
    withDevClock(client);
  }
  return client;
}

/** 办件进度: what the lookup answers (no names, no numbers). */
export type Progress = Schemas['PublicProgress'];
export type Slots = Schemas['AppointmentSlots'];
export type Slot = Slots['slots'][number];
export type Booking = Schemas['Appointment'];
export type BookBody = NonNullable<paths['/public/appointments']['post']['requestBody']>['content']['application/json'];
export type ReviewLink = Schemas['PublicReviewLink'];
export type ReviewBody = NonNullable<paths['/public/reviews/{token}']['post']['requestBody']>['content']['application/json'];
export type Category = Schemas['AppointmentCategory'];

/** A resend after a lost answer: a few, since a citizen's phone drops more often than an office PC. */
const backoffMs = [800, 2000, 4000];

export const lookUpProgress = (caseNo: string, code: string): Promise<Progress> => read(publicApi().GET('/public/progress', { params: { query: { caseNo, code } } }));

export const listCategories = (): Promise<Category[]> => read(publicApi().GET('/public/appointments/categories'));

export const listSlots = (category: string, date: string, signal?: AbortSignal): Promise<Slots> => read(publicApi().GET('/public/appointments/slots', { params: { query: { category, date } }, ...(signal ? { signal } : {}) }));

/** Books once: the same key on every resend (the API scopes it by the phone), so a lost answer never books twice. */
export const book = (body: BookBody, key: string): Promise<Booking> => send((headers) => publicApi().POST('/public/appointments', { body, headers }), { key, backoffMs });

export const cancelBooking = (id: string, code: string): Promise<unknown> => send((headers) => publicApi().POST('/public/appointments/{id}/cancel', { params: { path: { id } }, body: { code }, headers }), { backoffMs });

export const readReviewLink = (token: string): Promise<ReviewLink> => read(publicApi().GET('/public/reviews/{token}', { params: { path: { token } } }));

export const postReview = (token: string, body: ReviewBody, key: string): Promise<unknown> => send((headers) => publicApi().POST('/public/reviews/{token}', { params: { path: { token } }, body, headers }), { key, backoffMs });
