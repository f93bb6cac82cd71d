import { asProblem } from "../api/problem";

/**
 * A failed request as the user should read it: a 403 says plainly that the role may not do it; any other problem
 * shows its title, detail and stable code. Field errors of a 400 render next to their fields, not here.
 */
export function ProblemMessage({ error, hideFieldErrors = true }: { error: unknown; hideFieldErrors?: boolean }) {
  if (!error) return null;
  const problem = asProblem(error);
  if (!problem) {
    return (
      <div role="alert" className="problem">
        {error instanceof Error ? error.message : "Something went wrong."}
      </div>
    );
  }
  if (problem.status === 403) {
    return (
      <div role="alert" className="problem forbidden">
        <strong>Not allowed.</strong> Your role may not do this (403, <code>{problem.code}</code>).
      </div>
    );
  }
  const fields = Object.keys(problem.fieldErrors);
  if (hideFieldErrors && problem.status === 400 && fields.length > 0) {
    return (
      <div role="alert" className="problem">
        {problem.body.title ?? "Some fields are invalid."} See the marked fields.
      </div>
    );
  }
  return (
    <div role="alert" className="problem">
      <strong>{problem.body.title ?? `The request failed (${problem.status}).`}</strong>
      {problem.body.detail && <span> {problem.body.detail}</span>} <code>{problem.code}</code>
    </div>
  );
}

/** The field errors of a failed request, by JSON path (e.g. "name", "tiers[0].price"). */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  return asProblem(error)?.fieldErrors ?? {};
}
