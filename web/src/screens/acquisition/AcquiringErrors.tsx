import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { useSession } from "../../auth/session";
import { Field } from "../../components/Field";
import { ChoiceFilter, DayRange, withDayRange } from "../../components/Filters";
import { LoadMore, useKeysetList } from "../../components/keysetList";
import { ProblemMessage, fieldErrorsOf } from "../../components/ProblemMessage";
import { shortId, when } from "../../components/format";
import { useCommand } from "../../components/useCommand";

interface AcquiringError {
  id: string;
  transactionId: string;
  type: string;
  merchantId: string | null;
  code: string;
  codes: string[];
  message: string;
  retryCount: number;
  status: string;
  firstSeenAt: string;
  lastSeenAt: string;
  nextRetryAt: string | null;
  note: string | null;
}

interface AcquiringErrorDetailView {
  error: AcquiringError;
  reasons: unknown;
  payload: unknown;
  alertedAt: string | null;
  closedAt: string | null;
}

const errors = "/api/acquisition/acquiring-errors";

/** Retries the errors on the loop's next run; all or none (an unknown or resolved one refuses the lot). */
function useRetry(onDone?: (result: { retried: number }) => void) {
  return useCommand<{ retried: number }, string[]>((ids) => ({ path: `${errors}/retries`, body: { ids } }), [errors], onDone);
}

export function AcquiringErrors() {
  const { filters, setFilters, list, rows } = useKeysetList<AcquiringError, "status" | "code" | "merchantId" | "from" | "to">(
    errors,
    ["status", "code", "merchantId", "from", "to"],
    withDayRange,
  );
  const [code, setCode] = useState(filters.code ?? "");
  const [merchantId, setMerchantId] = useState(filters.merchantId ?? "");
  const [selected, setSelected] = useState<string[]>([]);
  const retry = useRetry(() => setSelected([]));
  const toggle = (id: string) => setSelected((ids) => (ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]));
  return (
    <section>
      <h1>Acquiring errors</h1>
      <form
        className="filters"
        aria-label="Search acquiring errors"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ code, merchantId });
        }}
      >
        <ChoiceFilter label="Status" value={filters.status} options={["Open", "Resolved", "Abandoned"]} onChange={(status) => setFilters({ status })} />
        <Field label="Code">
          <input value={code} onChange={(e) => setCode(e.target.value.trim())} />
        </Field>
        <Field label="Merchant id">
          <input value={merchantId} onChange={(e) => setMerchantId(e.target.value.trim())} />
        </Field>
        <DayRange what="First seen" filters={filters} setFilters={setFilters} />
        <button type="submit">Search</button>
      </form>
      <p>
        <button type="button" disabled={selected.length === 0 || retry.isPending} onClick={() => retry.mutate(selected)}>
          Retry selected ({selected.length})
        </button>
      </p>
      <ProblemMessage error={retry.error} />
      {retry.isSuccess && <p role="status">{retry.data.retried} errors will be retried on the loop's next run.</p>}
      <table>
        <thead>
          <tr>
            <th>Select</th>
            <th>Error</th>
            <th>Type</th>
            <th>Codes</th>
            <th>Merchant</th>
            <th>Retries</th>
            <th>Status</th>
            <th>First seen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((error) => (
            <tr key={error.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select error ${shortId(error.id)}`}
                  checked={selected.includes(error.id)}
                  disabled={error.status === "Resolved"}
                  onChange={() => toggle(error.id)}
                />
              </td>
              <td>
                <Link to={`/acquisition/acquiring-errors/${error.id}`}>{shortId(error.id)}</Link>
              </td>
              <td>{error.type}</td>
              <td>{error.codes.join(", ")}</td>
              <td>{error.merchantId ? shortId(error.merchantId) : "—"}</td>
              <td>{error.retryCount}</td>
              <td>{error.status}</td>
              <td>{when(error.firstSeenAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} empty="No acquiring error matches." />
    </section>
  );
}

export function AcquiringErrorDetail() {
  const { errorId } = useParams();
  const { call } = useSession();
  const path = `${errors}/${errorId}`;
  // An open error changes under the loop (its retries): read it again while it is open.
  const detail = useQuery({
    queryKey: [path],
    queryFn: () => call<AcquiringErrorDetailView>(path),
    refetchInterval: (query) => (query.state.data?.error.status === "Open" ? 2000 : false),
  });
  const retry = useRetry();
  const error = detail.data?.error;
  return (
    <section>
      <h1>Acquiring error {errorId && shortId(errorId)}</h1>
      <ProblemMessage error={detail.error} />
      {error && detail.data && (
        <>
          <dl className="facts" aria-label="Error">
            <dt>Status</dt>
            <dd>{error.status}</dd>
            <dt>Type</dt>
            <dd>{error.type}</dd>
            <dt>Transaction</dt>
            <dd>{error.transactionId}</dd>
            <dt>Merchant</dt>
            <dd>{error.merchantId ? <Link to={`/acquisition/merchants/${error.merchantId}`}>{error.merchantId}</Link> : "—"}</dd>
            <dt>Codes</dt>
            <dd>{error.codes.join(", ")}</dd>
            <dt>Message</dt>
            <dd>{error.message}</dd>
            <dt>Retries</dt>
            <dd>{error.retryCount}</dd>
            <dt>First seen</dt>
            <dd>{when(error.firstSeenAt)}</dd>
            <dt>Last seen</dt>
            <dd>{when(error.lastSeenAt)}</dd>
            <dt>Next retry</dt>
            <dd>{when(error.nextRetryAt)}</dd>
            <dt>Note</dt>
            <dd>{error.note ?? "—"}</dd>
            <dt>Closed</dt>
            <dd>{when(detail.data.closedAt)}</dd>
          </dl>
          <h2>Reasons</h2>
          <pre aria-label="Reasons">{JSON.stringify(detail.data.reasons, null, 2)}</pre>
          <h2>Payload, as the loop read it</h2>
          <pre aria-label="Payload">{JSON.stringify(detail.data.payload, null, 2)}</pre>
          {error.status !== "Resolved" && (
            <p>
              <button type="button" disabled={retry.isPending} onClick={() => retry.mutate([error.id])}>
                Retry now
              </button>
            </p>
          )}
          <ProblemMessage error={retry.error} />
          {retry.isSuccess && <p role="status">The loop retries it on its next run.</p>}
          {error.status !== "Resolved" && <CloseError key={error.id} path={path} />}
        </>
      )}
    </section>
  );
}

function CloseError({ path }: { path: string }) {
  const [status, setStatus] = useState("Resolved");
  const [note, setNote] = useState("");
  const close = useCommand<AcquiringErrorDetailView>(() => ({ path: `${path}/closure`, body: { status, note } }), [errors]);
  const fields = fieldErrorsOf(close.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    close.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="Close the error" className="card" noValidate>
      <h2>Resolve or abandon</h2>
      <Field label="Close as" errors={fields.status}>
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option>Resolved</option>
          <option>Abandoned</option>
        </select>
      </Field>
      <Field label="Note" errors={fields.note}>
        <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <ProblemMessage error={close.error} />
      <button type="submit" disabled={close.isPending}>
        Close error
      </button>
    </form>
  );
}
