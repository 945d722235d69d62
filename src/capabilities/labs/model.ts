// What a laboratorio is, in the domain's own terms (the stored rows are structurally the same).

/** The validated description of a laboratorio: what create and edit take. */
export interface LabInput {
  title: string;
  theme: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  onlineUrl: string;
  /** Null: no limit. */
  capacity: number | null;
  /** 'all', or network codes ("BG01"). */
  audience: 'all' | string[];
  organiser: string;
}

export interface LabRecord {
  id: number;
  key: string | null;
  title: string;
  theme: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  onlineUrl: string;
  capacity: number | null;
  allNetworks: boolean;
  organiser: string;
  status: string;
  revision: number;
}

/** Seats of a laboratorio now. */
export interface Seats {
  confirmed: number;
  waiting: number;
  capacity: number | null;
}

/** A person's place in a laboratorio, as shown to them. */
export type MySignup = { status: 'confirmed' } | { status: 'waiting'; position: number } | null;

export function seatsLeft(s: Seats): number | null {
  return s.capacity === null ? null : Math.max(0, s.capacity - s.confirmed);
}

/** Who signs up, from a chat or from a job acting for them. */
export interface Participant {
  personId: number;
  coordinator: boolean;
  networkIds: number[];
  platform: string;
}
