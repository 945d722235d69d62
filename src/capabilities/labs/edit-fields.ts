// One field of a laboratorio changed by name, as typed after /laboratori modifica N (and by the
// CLI): "posti 30", "inizio 19/03/2027 14:30", "dove https://…".
import { AppError } from '../../errors.js';
import { itLabs } from './texts.js';
import type { LabInput, LabRecord } from './model.js';
import { parseAudience, parseCapacity, parseEnd, parseStart, parseWhere } from './validation.js';

type Patcher = (value: string, lab: LabRecord) => Partial<LabInput>;

const patchers: Record<string, Patcher> = {
  titolo: (v) => ({ title: v }),
  tema: (v) => ({ theme: v }),
  descrizione: (v) => ({ description: v }),
  // A new start moves the whole session: the duration stays the same.
  inizio: (v, lab) => {
    const startsAt = parseStart(v);
    return { startsAt, endsAt: new Date(startsAt.getTime() + (lab.endsAt.getTime() - lab.startsAt.getTime())) };
  },
  fine: (v, lab) => ({ endsAt: parseEnd(v, lab.startsAt) }),
  dove: (v) => parseWhere(v),
  posti: (v) => ({ capacity: parseCapacity(v) }),
  reti: (v) => ({ audience: parseAudience(v) }),
  organizzatore: (v) => ({ organiser: v }),
};

const synonyms: Record<string, string> = {
  data: 'inizio',
  quando: 'inizio',
  luogo: 'dove',
  link: 'dove',
  capienza: 'posti',
  organizza: 'organizzatore',
};

/** The change a field name and a typed value make; AppError in Italian when either is wrong. */
export function patchFor(field: string, value: string, lab: LabRecord): Partial<LabInput> {
  const key = synonyms[field.toLowerCase()] ?? field.toLowerCase();
  const patcher = patchers[key];
  if (!patcher) throw new AppError('invalid_input', `${itLabs.admin.unknownField(field)}\n${itLabs.admin.editUsage}`);
  return patcher(value.trim(), lab);
}
