// The services commands, conversations, jobs and failure listeners reach through `ctx.services`.
// The kernel declares only its own; each capability adds its service to this interface by module
// augmentation in its index.ts (`declare module '../../services.js' { interface Services { labs: LabsService } }`)
// and builds it in its `services()` contribution, so the kernel never imports a capability.
import type { Clock } from './clock.js';
import type { Conversations } from './conversation/engine.js';
import type { DomainEventBus } from './events.js';
import type { PlatformCapabilities } from './platform/port.js';

/** What the domain may know of the connected platforms, without knowing their SDKs or names. */
export interface Platforms {
  /** Platforms connected now (their ids, to address messages; never to branch on). */
  connected(): string[];
  /** A link that opens a private chat with the bot carrying a payload, where the platform has one. */
  privateChatLink(platform: string, payload: string): string | undefined;
  /** What a platform can do (forms, ephemeral replies, group DMs, deep links…); undefined when not connected. */
  capabilities(platform: string): PlatformCapabilities | undefined;
  /** The platform's name as people know it ("Telegram"), for messages that say where to look (the id when not connected). */
  label(platform: string): string;
  /** A public link to someone's profile by username, where the platform has one. */
  profileLink(platform: string, username: string): string | undefined;
}

export interface Services {
  /** The persisted dialogue engine (check-ins, guided forms). */
  conversations: Conversations;
  platforms: Platforms;
  clock: Clock;
  /** Domain events between capabilities (emit inside the transaction that causes them). */
  events: DomainEventBus;
}
