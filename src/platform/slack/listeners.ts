// Bolt listeners: map the payload, record it (`await sink(event)`), then acknowledge. Nothing is
// handled here: the core handles recorded events after Slack has its answer. When recording fails
// the person is told (slash commands, modals) or Slack is left to deliver again (Events API).
import type { App } from '@slack/bolt';
import { itSlack } from './texts.js';
import type { Logger } from '../../log.js';
import type { EventSink, InboundEvent } from '../port.js';
import { fieldErrors, firstBlockId } from './forms.js';
import {
  actionEvent,
  commandEvent,
  formEvent,
  isPersonDirectMessage,
  messageEvent,
  teamOf,
  type ActionPayload,
  type BlockActionsBody,
  type MessagePayload,
  type ViewSubmissionBody,
} from './inbound.js';
import type { SlackPeople } from './user-directory.js';

export interface ListenerDeps {
  people: SlackPeople;
  logger: Logger;
  /** The sink while the adapter runs; undefined before start and after stop. */
  sink(): EventSink | undefined;
}

interface Acks {
  ok(): Promise<void>;
  refused(): Promise<void>;
  /** A form with wrong fields, not recorded: the modal stays open with each message under its field. */
  invalid?(errors: Record<string, string>): Promise<void>;
}

/** Records the event, then acknowledges. Without `acks` (Events API) a failure rethrows: no 2xx, Slack retries. */
async function record(deps: ListenerDeps, build: () => Promise<InboundEvent>, acks?: Acks): Promise<void> {
  try {
    const sink = deps.sink();
    if (!sink) throw new Error('Slack adapter is not running');
    const event = await build();
    const { duplicate, errors } = await sink(event);
    if (duplicate) deps.logger.debug({ event: event.id }, 'slack redelivery ignored');
    if (errors && acks?.invalid) {
      await acks.invalid(errors);
      return;
    }
  } catch (err) {
    deps.logger.error({ err }, 'slack event not recorded');
    if (!acks) throw err;
    await acks.refused();
    return;
  }
  await acks?.ok();
}

export function registerListeners(app: App, deps: ListenerDeps): void {
  const { people } = deps;

  app.command(/.*/, async ({ command, ack }) => {
    await record(deps, async () => commandEvent(command, await people.actor(command.team_id, command.user_id, command.user_name)), {
      ok: () => ack(),
      refused: () => ack({ response_type: 'ephemeral', text: itSlack.notRecorded }),
    });
  });

  app.event('message', async ({ event, body }) => {
    const message = event as MessagePayload;
    if (!isPersonDirectMessage(message)) return;
    people.rememberDm(message.user, message.channel);
    await record(deps, async () => messageEvent(body, message, await people.actor(body.team_id ?? '', message.user)));
  });

  app.action({ type: 'block_actions' }, async ({ body, action, ack, respond }) => {
    const b = body as BlockActionsBody;
    if (b.channel?.id) people.rememberDm(b.user.id, b.channel.id);
    await record(deps, async () => actionEvent(b, action as ActionPayload, await people.actor(teamOf(b), b.user.id, b.user.name ?? b.user.username)), {
      ok: () => ack(),
      refused: async () => {
        await ack();
        // Best effort: the press was lost, say so to the person who pressed.
        await respond?.({ response_type: 'ephemeral', replace_original: false, text: itSlack.notRecorded }).catch(() => undefined);
      },
    });
  });

  app.view({ type: 'view_submission' }, async ({ body, ack }) => {
    const b = body as ViewSubmissionBody;
    await record(deps, async () => formEvent(b, await people.actor(teamOf(b), b.user.id, b.user.name ?? b.user.username)), {
      ok: () => ack(),
      invalid: (errors) => ack({ response_action: 'errors', errors: fieldErrors(errors) }),
      refused: () => {
        const block = firstBlockId(b.view.state.values);
        return block ? ack({ response_action: 'errors', errors: { [block]: itSlack.formNotRecorded } }) : ack();
      },
    });
  });
}
