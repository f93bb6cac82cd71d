/** An RFC 7807 problem as the platform writes it: a stable `code`, and field errors keyed by JSON path on a 400. */
export interface ProblemBody {
  status?: number;
  title?: string;
  detail?: string;
  code?: string;
  correlationId?: string;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

export class ProblemError extends Error {
  readonly status: number;
  readonly body: ProblemBody;

  constructor(status: number, body: ProblemBody) {
    super(body.detail ?? body.title ?? `The request failed (${status}).`);
    this.status = status;
    this.body = body;
  }

  get code(): string {
    return this.body.code ?? `http.${this.status}`;
  }

  /** The field errors of a validation problem, keyed by the field's JSON path. */
  get fieldErrors(): Record<string, string[]> {
    return this.body.errors ?? {};
  }
}

export function asProblem(error: unknown): ProblemError | null {
  return error instanceof ProblemError ? error : null;
}
