// The Bolt app and its receiver. HTTP mode: Bolt's HTTPReceiver verifies signatures (401 for a bad
// or stale one) and answers url_verification; its node-style request listener is mounted on
// Reti's own HTTP server at POST /slack/events. Socket Mode (SLACK_APP_TOKEN): Bolt's
// SocketModeReceiver, and no HTTP route.
//
// In both modes Slack gets its acknowledgement only after the event is recorded: HTTP with
// `processBeforeResponse` (our listeners only record, so the answer still leaves in milliseconds),
// Socket Mode by holding Bolt's ack until processing returned.
import { App, HTTPReceiver, SocketModeReceiver, type AuthorizeResult, type Logger as BoltLogger, type ReceiverEvent, type webApi } from '@slack/bolt';
import type { Env } from '../../config.js';
import type { HttpRoute } from '../port.js';

export const EVENTS_PATH = '/slack/events';

export interface BoltHandle {
  app: App;
  /** HTTP mode only. */
  route?: HttpRoute;
  /** Socket Mode only: the socket client, to follow the connection. */
  socket?: SocketModeReceiver['client'];
}

export interface BoltOptions {
  env: Env;
  logger: BoltLogger;
  clientOptions: webApi.WebClientOptions;
  authorize(): Promise<AuthorizeResult>;
}

/** A SocketModeReceiver whose acknowledgements wait until the listeners have recorded the event. */
class RecordFirstSocketModeReceiver extends SocketModeReceiver {
  override init(app: App): void {
    const deferring = Object.create(app) as App;
    deferring.processEvent = async (event: ReceiverEvent) => {
      let answer: { response: unknown } | undefined;
      await app.processEvent({
        ...event,
        ack: async (response?: unknown) => {
          answer = { response };
        },
      });
      // Not acknowledged (recording failed): Slack delivers the envelope again.
      if (answer) await event.ack(answer.response);
    };
    super.init(deferring);
  }
}

export function createBolt(options: BoltOptions): BoltHandle {
  const { env, logger, clientOptions } = options;
  const common = { logger, clientOptions, authorize: options.authorize, ignoreSelf: true } as const;

  if (env.SLACK_APP_TOKEN) {
    const receiver = new RecordFirstSocketModeReceiver({
      appToken: env.SLACK_APP_TOKEN,
      logger,
      installerOptions: { clientOptions },
    });
    return { app: new App({ ...common, receiver }), socket: receiver.client };
  }

  if (!env.SLACK_SIGNING_SECRET) throw new Error('SLACK_SIGNING_SECRET è obbligatoria per Slack in modalità HTTP');
  const receiver = new HTTPReceiver({
    signingSecret: env.SLACK_SIGNING_SECRET,
    endpoints: EVENTS_PATH,
    processBeforeResponse: true,
    logger,
  });
  const app = new App({ ...common, receiver });
  const route: HttpRoute = {
    path: EVENTS_PATH,
    handler(req, res, next) {
      try {
        receiver.requestListener(req, res);
      } catch {
        // HTTPReceiverDeferredRequestError: not a Slack endpoint, let the server answer.
        next();
      }
    },
  };
  return { app, route };
}
