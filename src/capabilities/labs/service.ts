// The laboratori service reached through ctx.services.labs (commands, conversations, jobs): one
// object holding the settings, delegating to the functions of this folder.
import type { Actor } from '../../bus/types.js';
import type { Db, Tx } from '../../db/client.js';
import { labIcsAttachment } from './ics.js';
import { upcomingLabs, type ListScope } from './listing.js';
import { cancelLab, createLab, updateLab, type CreateOptions } from './manage.js';
import type { LabInput, LabRecord, Participant } from './model.js';
import { sendDueReminders, sendFeedbackPrompts } from './reminders.js';
import { findLab, mySignups, seatsOf } from './repository.js';
import { join, leave } from './signups.js';

export interface LabsOptions {
  /** Minutes before the start at which confirmed people are reminded (default: a day and an hour). */
  reminderOffsets: number[];
  /** Feedback is asked only for sessions ended within this many hours (not for old ones after an outage). */
  feedbackWindowHours: number;
}

export const defaultLabsOptions: LabsOptions = { reminderOffsets: [24 * 60, 60], feedbackWindowHours: 72 };

export function participantOf(actor: Actor): Participant {
  return {
    personId: actor.personId,
    coordinator: actor.coordinator,
    networkIds: actor.memberships.map((m) => m.networkId),
    platform: actor.account.platform,
  };
}

export class Labs {
  constructor(readonly options: LabsOptions = defaultLabsOptions) {}

  create(tx: Tx, now: Date, input: LabInput, opts?: CreateOptions) {
    return createLab(tx, now, input, opts);
  }

  update(tx: Tx, now: Date, id: number, patch: Partial<LabInput>) {
    return updateLab(tx, now, id, patch);
  }

  cancel(tx: Tx, now: Date, id: number, reason?: string) {
    return cancelLab(tx, now, id, reason);
  }

  get(tx: Tx, id: number) {
    return findLab(tx, id);
  }

  join(tx: Tx, now: Date, labId: number, who: Participant) {
    return join(tx, now, labId, who);
  }

  leave(tx: Tx, now: Date, labId: number, personId: number) {
    return leave(tx, now, labId, personId);
  }

  /** Upcoming laboratori for a scope, with their seats and the person's own sign-ups. */
  async upcoming(tx: Tx, now: Date, scope: ListScope, personId: number, theme?: string) {
    const labs = await upcomingLabs(tx, now, scope, theme);
    const seats = await seatsOf(tx, labs);
    const mine = await mySignups(
      tx,
      personId,
      labs.map((l) => l.id),
    );
    return labs.map((lab) => ({ lab, seats: seats.get(lab.id)!, mine: mine.get(lab.id) ?? null }));
  }

  calendarFile(lab: LabRecord, now: Date) {
    return labIcsAttachment(lab, { now });
  }

  sendReminders(db: Db, now: Date) {
    return sendDueReminders(db, now, this.options.reminderOffsets);
  }

  sendFeedbackPrompts(db: Db, now: Date) {
    return sendFeedbackPrompts(db, now, this.options.feedbackWindowHours);
  }
}
