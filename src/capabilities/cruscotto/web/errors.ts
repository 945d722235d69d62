// An error page to show instead of the page asked for: 403 (another network's data), 404, 410.
export class WebError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}
