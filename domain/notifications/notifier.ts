import type { CountyIndex, SmsKind } from '../county.ts';
import type { Envelope } from '../projections/projection.ts';

/**
 * A text message (短信) an event asks for: the template's kind, its parameters, and the earliest it
 * may go (the event's time, or later: an appointment's reminder the evening before). Quiet hours are
 * the sender's to apply. The number is not in it: the sender reads it from the stream when it sends.
 */
export interface SmsIntent {
  kind: SmsKind;
  params: Record<string, string>;
  /** UTC instant, ISO-8601. */
  notBefore: string;
}

/**
 * What an aggregate tells its applicant by SMS: the messages each event asks for (at most one per
 * kind), and who gets them when they go. The projector writes the messages exactly once with the
 * event's view changes, keyed by stream, version and kind; a rebuild writes none.
 */
export interface Notifier<E extends { type: string }, S> {
  /** The event types that may ask for a message. */
  canHandle: readonly E['type'][];
  messages(envelope: Envelope<E, S>, county: CountyIndex): SmsIntent[];
  /**
   * The mobile number a message goes to, from the stream's state when it is sent; null when there
   * is none, the applicant opted out, or the message is no longer wanted (a cancelled appointment's reminder).
   * `subject`: which of the stream's parties (an appointment slot's booking: the intent's `appointmentId` parameter).
   */
  recipient(state: S, kind: SmsKind, subject?: string): string | null;
}

/**
 * Whether a number, whole or masked as the views keep it (138****8000), is a mainland mobile: the
 * projector sees only masked numbers, and decides from them whether there is anyone to tell.
 */
export const hasMobile = (phone: string | null | undefined): boolean => phone !== null && phone !== undefined && /^1[3-9][\d*]{5}\d{4}$/.test(phone.replace(/^\+?86/, ''));

/** A mainland mobile number (the only kind an SMS reaches). */
export const isMobile = (phone: string | null | undefined): phone is string => phone !== null && phone !== undefined && /^1[3-9]\d{9}$/.test(phone.replace(/^\+?86/, ''));
