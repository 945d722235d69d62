// One error family. A handler throws AppError with the Italian message the person should read;
// the dispatch boundary rolls back, replies with it and never rethrows to the platform.
export type AppErrorCode = 'forbidden' | 'not_found' | 'invalid_input' | 'conflict' | 'unknown_command' | 'unavailable' | 'internal';

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  constructor(code: AppErrorCode, userMessage: string, options?: { cause?: unknown }) {
    super(`${code}: ${userMessage}`, options);
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
