// What requests and meetings are, in the domain's own terms (the stored rows are structurally the same).
import type { RequestState } from './states.js';

export interface RequestRecord {
  id: number;
  networkId: number;
  kind: string;
  state: string;
  openKey: string | null;
  need: string;
  dueBy: Date | null;
  source: string;
  period: string | null;
  openedById: number | null;
  openedAt: Date;
  assigneeId: number | null;
  takenAt: Date | null;
  doneAt: Date | null;
  closedAt: Date | null;
  closeReason: string;
  updatedAt: Date;
}

export interface NetworkRef {
  id: number;
  code: string;
  name: string;
}

/** Who acts on a request. */
export interface Author {
  personId: number;
  name: string;
}

/** What opens a request (a check-in, /richiesta). */
export interface OpenInput {
  networkId: number;
  kind: string;
  need: string;
  dueBy: Date | null;
  source: 'checkin' | 'comando';
  /** The check-in's ISO week. */
  period?: string | null;
  personId: number | null;
}

export interface Transition {
  from: RequestState;
  to: RequestState;
}

export interface MeetingInput {
  startsAt: Date;
  endsAt: Date;
  place: string;
  onlineUrl: string;
  anci: string;
  agenda: string;
}

export interface MeetingRecord extends MeetingInput {
  id: number;
  networkId: number;
  requestId: number | null;
  status: string;
  revision: number;
  createdById: number;
  createdAt: Date;
  cancelledAt: Date | null;
  cancelReason: string;
  decisions: string | null;
  nextSteps: string;
  noteById: number | null;
  noteAt: Date | null;
  notePromptedAt: Date | null;
}
