// The life of a request: nuova → presa in carico (by a named coordinator) → in corso → svolta, or
// chiusa with a reason from any open state. The network may reopen a request marked svolta
// («Non ancora»): it goes back to in corso.
export const STATES = ['nuova', 'presa_in_carico', 'in_corso', 'svolta', 'chiusa'] as const;
export type RequestState = (typeof STATES)[number];

export const OPEN_STATES: RequestState[] = ['nuova', 'presa_in_carico', 'in_corso'];

export function isOpen(state: string): boolean {
  return (OPEN_STATES as string[]).includes(state);
}

/** The key that keeps one open request per network and kind. */
export function openKeyOf(networkId: number, kind: string): string {
  return `${networkId}:${kind}`;
}
