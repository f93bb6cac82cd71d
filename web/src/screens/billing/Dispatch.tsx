import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { useSession } from "../../auth/session";
import { ProblemMessage } from "../../components/ProblemMessage";
import { ProgressBar } from "../../components/ProgressBar";
import { idTail, when } from "../../components/format";
import { useCommand } from "../../components/useCommand";
import { dispatches, type DispatchProgress } from "./billingApi";

interface Outcome {
  invoiceId: string;
  position: number;
  status: string;
  recipient: string | null;
  reason: string | null;
  attempts: number;
}

export function Dispatch() {
  const { dispatchId } = useParams();
  const { call } = useSession();
  const path = `${dispatches}/${dispatchId}`;
  const progress = useQuery({
    queryKey: [path],
    queryFn: () => call<DispatchProgress>(path),
    // Read again every second while it runs, so the bar and the outcomes move by themselves.
    refetchInterval: (q) => (q.state.data?.status === "Running" ? 1000 : false),
  });
  // The outcomes are read again whenever the progress moves (its counts are in the key), and once more when it ends.
  const dispatch = progress.data;
  const outcomes = useQuery({
    queryKey: [`${path}/invoices`, dispatch?.status, dispatch?.done, dispatch?.failed],
    queryFn: () => call<Outcome[]>(`${path}/invoices`),
    enabled: dispatch !== undefined,
    placeholderData: keepPreviousData,
  });
  const retry = useCommand<DispatchProgress>(() => ({ path: `${path}/retry` }), [path]);
  const cancel = useCommand<DispatchProgress>(() => ({ path: `${path}/cancel` }), [path]);
  return (
    <section>
      <h1>Dispatch {dispatchId && idTail(dispatchId)}</h1>
      <ProblemMessage error={progress.error} />
      {dispatch && (
        <>
          <dl className="facts" aria-label="Dispatch">
            <dt>Status</dt>
            <dd>{dispatch.status}</dd>
            <dt>Sent</dt>
            <dd>{dispatch.sent}</dd>
            <dt>Failed</dt>
            <dd>{dispatch.failed}</dd>
            <dt>Skipped</dt>
            <dd>{dispatch.skipped}</dd>
            <dt>Cancelled</dt>
            <dd>{dispatch.cancelled}</dd>
            <dt>Left</dt>
            <dd>{dispatch.left}</dd>
            <dt>Started</dt>
            <dd>{when(dispatch.createdAt)}</dd>
            <dt>Finished</dt>
            <dd>{when(dispatch.finishedAt)}</dd>
          </dl>
          <ProgressBar label="Dispatch progress" done={dispatch.done} total={dispatch.total} />
          <p>
            <button type="button" disabled={dispatch.failed === 0 || retry.isPending} onClick={() => retry.mutate()}>
              Retry failed ({dispatch.failed})
            </button>{" "}
            <button type="button" disabled={dispatch.status !== "Running" || cancel.isPending} onClick={() => cancel.mutate()}>
              Cancel
            </button>
          </p>
          <ProblemMessage error={retry.error ?? cancel.error} />
        </>
      )}
      <h2>Invoices</h2>
      <ProblemMessage error={outcomes.error} />
      <table aria-label="Outcomes">
        <thead>
          <tr>
            <th>#</th>
            <th>Invoice</th>
            <th>Outcome</th>
            <th>Recipient</th>
            <th>Reason</th>
            <th>Attempts</th>
          </tr>
        </thead>
        <tbody>
          {outcomes.data?.map((outcome) => (
            <tr key={outcome.invoiceId}>
              <td>{outcome.position}</td>
              <td>
                <Link to={`/billing/invoices/${outcome.invoiceId}`}>{idTail(outcome.invoiceId)}</Link>
              </td>
              <td>{outcome.status}</td>
              <td>{outcome.recipient ?? "—"}</td>
              <td>{outcome.reason ?? "—"}</td>
              <td>{outcome.attempts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
