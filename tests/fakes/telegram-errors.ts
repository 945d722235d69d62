// Bot API failures as the stand-in answers them, with Telegram's own descriptions.

export interface ApiError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.description);
  }
}

/** Telegram's own answers for the failures tests inject most. */
export const tgErrors = {
  tooManyRequests: (seconds: number): ApiError => ({
    error_code: 429,
    description: `Too Many Requests: retry after ${seconds}`,
    parameters: { retry_after: seconds },
  }),
  neverStarted: { error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" } as ApiError,
  blocked: { error_code: 403, description: 'Forbidden: bot was blocked by the user' } as ApiError,
  chatNotFound: { error_code: 400, description: 'Bad Request: chat not found' } as ApiError,
  conflict: { error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' } as ApiError,
  webhookActive: {
    error_code: 409,
    description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
  } as ApiError,
  badGateway: { error_code: 502, description: 'Bad Gateway' } as ApiError,
  badRequest: (what: string): ApiError => ({ error_code: 400, description: `Bad Request: ${what}` }),
  upgradedToSupergroup: (newChatId: string): ApiError => ({
    error_code: 400,
    description: 'Bad Request: group chat was upgraded to a supergroup chat',
    parameters: { migrate_to_chat_id: Number(newChatId) },
  }),
};
