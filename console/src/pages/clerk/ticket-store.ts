import type { Schemas } from '../../../../client/index.ts';

/**
 * The ticket a window is serving, as this tab last saw it (the server's answer to
 * `GET /windows/{id}/ticket` replaces it when the desk opens): its number, state and version, and the
 * cases registered while serving it, which the finish links to the ticket. Nothing personal.
 */
export interface HeldTicket {
  ticketId: string;
  number: string;
  category: string;
  status: Schemas['Ticket']['status'];
  /** Absent right after a call (the call answers without it). */
  version?: number;
  caseIds: string[];
}

const key = (windowId: string) => `banjian.ticket.${windowId}`;

export function heldTicket(windowId: string): HeldTicket | undefined {
  const raw = sessionStorage.getItem(key(windowId));
  return raw ? (JSON.parse(raw) as HeldTicket) : undefined;
}

export function holdTicket(windowId: string, ticket: HeldTicket | undefined): void {
  if (ticket) sessionStorage.setItem(key(windowId), JSON.stringify(ticket));
  else sessionStorage.removeItem(key(windowId));
}

/** A case registered while a ticket is being served belongs to that visit. */
export function linkCase(windowId: string, caseId: string): void {
  const ticket = heldTicket(windowId);
  if (ticket && ticket.status === 'serving' && !ticket.caseIds.includes(caseId)) holdTicket(windowId, { ...ticket, caseIds: [...ticket.caseIds, caseId] });
}
