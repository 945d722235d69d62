// Who is looking at the cruscotto, and what they may see. Coordinators see every network; referents
// and members see their own networks only. Free text (obstacles, proposals not yet published) is
// for coordinators and the network's own referents. Read again at every request, so a role taken
// away ends its access at once.
import type { Tx } from '../../db/client.js';
import type { Viewer } from '../../reports/network-page.js';

export interface WebNetwork {
  id: number;
  code: string;
  name: string;
  role: 'referente' | 'membro';
}

export interface WebUser {
  personId: number;
  name: string;
  coordinator: boolean;
  /** The networks the person belongs to (for a coordinator too: their own). */
  networks: WebNetwork[];
}

export async function loadUser(tx: Tx, personId: number): Promise<WebUser | null> {
  const person = await tx.person.findUnique({
    where: { id: personId },
    select: {
      id: true,
      name: true,
      coordinator: true,
      memberships: { select: { role: true, network: { select: { id: true, code: true, name: true } } }, orderBy: { networkId: 'asc' } },
    },
  });
  if (!person) return null;
  return {
    personId: person.id,
    name: person.name,
    coordinator: person.coordinator,
    networks: person.memberships.map((m) => ({ ...m.network, role: m.role === 'referente' ? 'referente' : 'membro' })),
  };
}

/** How the person sees one network: null when they may not see it at all. */
export function viewerOf(user: WebUser, networkId: number): Viewer | null {
  if (user.coordinator) return 'coordinator';
  const membership = user.networks.find((n) => n.id === networkId);
  if (!membership) return null;
  return membership.role === 'referente' ? 'referent' : 'member';
}

/** The networks whose data the person may see: null means every network (coordinators). */
export function visibleNetworkIds(user: WebUser): number[] | null {
  return user.coordinator ? null : user.networks.map((n) => n.id);
}

/** Referents of at least one network (and coordinators) may download exports. */
export function mayExport(user: WebUser): boolean {
  return user.coordinator || user.networks.some((n) => n.role === 'referente');
}
