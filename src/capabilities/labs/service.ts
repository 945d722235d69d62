// What the laboratori keep in `services.labs`: their settings (from the environment). Commands,
// conversations and jobs call the functions of this folder directly.

export interface LabsSettings {
  /** Minutes before the start at which confirmed people are reminded (default: a day and an hour). */
  reminderOffsets: number[];
  /** Feedback is asked only for sessions ended within this many hours (not for old ones after an outage). */
  feedbackWindowHours: number;
}

export interface LabsService {
  settings: LabsSettings;
}

export function createLabsService(env: { LABS_REMINDERS: number[] }): LabsService {
  return { settings: { reminderOffsets: env.LABS_REMINDERS, feedbackWindowHours: 72 } };
}
