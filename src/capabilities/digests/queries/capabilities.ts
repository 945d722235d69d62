// Which capabilities' tables exist: the digest says what it can. Check-ins, laboratori and legami are
// separate capabilities; a section whose tables are absent is simply left out ("when that exists").
import type { Tx } from '../../../db/client.js';

export interface Installed {
  checkins: boolean;
  labs: boolean;
  legami: boolean;
}

export async function installedCapabilities(tx: Tx): Promise<Installed> {
  const [row] = await tx.$queryRaw<{ checkins: boolean; labs: boolean; legami: boolean }[]>`
    SELECT to_regclass('checkin_answer') IS NOT NULL AND to_regclass('checkin_round') IS NOT NULL AS checkins,
           to_regclass('lab') IS NOT NULL AND to_regclass('lab_feedback') IS NOT NULL AS labs,
           to_regclass('legami_introduction') IS NOT NULL AND to_regclass('legami_good_practice') IS NOT NULL AS legami`;
  return row ?? { checkins: false, labs: false, legami: false };
}
