// Field schemas every section of the YAML configuration shares (messages in Italian, read with the
// line at fault).
import { z } from 'zod';

/** A network code such as BG01, upper-cased. */
export const networkCode = z
  .string({ message: 'serve un codice (es. BG01)' })
  .trim()
  .regex(/^[A-Za-z0-9_-]{2,20}$/, 'il codice deve avere da 2 a 20 lettere, cifre, - o _')
  .transform((c) => c.toUpperCase());

/** A required text; `what` completes "serve …" ("il nome della rete"). */
export const requiredText = (what: string) =>
  z
    .string({ message: `serve ${what}` })
    .trim()
    .min(1, `serve ${what}`);
