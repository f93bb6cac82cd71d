import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { useSession } from "../../auth/session";
import { ChoiceFilter } from "../../components/Filters";
import { LoadMore, useKeysetList } from "../../components/keysetList";
import { ProblemMessage } from "../../components/ProblemMessage";
import { ProgressBar } from "../../components/ProgressBar";
import { idTail, when } from "../../components/format";

interface BulkOrderSummary {
  id: string;
  organizationId: string;
  customerId: string;
  mode: string;
  status: string;
  orderId: string | null;
  lineCount: number;
  reserved: number;
  short: number;
  released: number;
  submittedAt: string;
  completedAt: string | null;
}

interface BulkOrderLine {
  line: number;
  productId: string;
  productName: string | null;
  quantity: number;
  result: string | null;
}

interface BulkOrderView {
  id: string;
  organizationId: string;
  mode: string;
  status: string;
  orderId: string | null;
  submittedAt: string;
  completedAt: string | null;
  lines: BulkOrderLine[];
}

const statuses = ["Pending", "Completed", "Rejected"];
const pending = (status: string | undefined) => status === "Pending";

/** Lines with a result so far: the job's progress. */
export const settledLines = (lines: readonly BulkOrderLine[]) => lines.filter((line) => line.result !== null).length;

// Ids show their last 8 characters: a buyer's jobs, and a job and the order it places, are made within the same minute,
// so their UUIDv7 prefixes are alike.
export function BulkOrders() {
  const { filters, setFilters, list, rows } = useKeysetList<BulkOrderSummary, "status">(
    "/api/ordering/bulk-orders",
    ["status"],
    undefined,
    // The list is read again while a job in it is still being reserved.
    { refetchInterval: (items) => (items.some((bulk) => pending(bulk.status)) ? 2000 : false) },
  );
  return (
    <section>
      <h1>Bulk orders</h1>
      <form className="filters" aria-label="Filter bulk orders" onSubmit={(e) => e.preventDefault()}>
        <ChoiceFilter label="Status" value={filters.status} options={statuses} onChange={(status) => setFilters({ status })} />
      </form>
      <table>
        <thead>
          <tr>
            <th>Bulk order</th>
            <th>Mode</th>
            <th>Status</th>
            <th>Lines</th>
            <th>Reserved</th>
            <th>Short</th>
            <th>Released</th>
            <th>Submitted</th>
            <th>Completed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((bulk) => (
            <tr key={bulk.id}>
              <td>
                <Link to={`/ordering/bulk-orders/${bulk.id}`}>{idTail(bulk.id)}</Link>
              </td>
              <td>{bulk.mode}</td>
              <td>{bulk.status}</td>
              <td>{bulk.lineCount}</td>
              <td>{bulk.reserved}</td>
              <td>{bulk.short}</td>
              <td>{bulk.released}</td>
              <td>{when(bulk.submittedAt)}</td>
              <td>{when(bulk.completedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} empty="No bulk order matches." />
    </section>
  );
}

export function BulkOrderDetail() {
  const { bulkOrderId } = useParams();
  const { call } = useSession();
  const path = `/api/ordering/bulk-orders/${bulkOrderId}`;
  const bulk = useQuery({
    queryKey: [path],
    queryFn: () => call<BulkOrderView>(path),
    // While its lines are being reserved the job reads itself again; once settled it never changes.
    refetchInterval: (query) => (query.state.error || !pending(query.state.data?.status) ? false : 1000),
  });
  const view = bulk.data;
  return (
    <section>
      <h1>Bulk order {bulkOrderId && idTail(bulkOrderId)}</h1>
      <ProblemMessage error={bulk.error} />
      {bulk.isPending && <p>Loading…</p>}
      {view && (
        <>
          <dl className="facts">
            <dt>Status</dt>
            <dd>{view.status}</dd>
            <dt>Mode</dt>
            <dd>{view.mode}</dd>
            <dt>Submitted</dt>
            <dd>{when(view.submittedAt)}</dd>
            <dt>Completed</dt>
            <dd>{when(view.completedAt)}</dd>
            <dt>Order</dt>
            <dd>{view.orderId ? <Link to={`/ordering/orders/${view.orderId}`}>Order {idTail(view.orderId)}</Link> : "—"}</dd>
          </dl>
          {pending(view.status) && <ProgressBar label="Lines with a result" done={settledLines(view.lines)} total={view.lines.length} />}
          <h2>Lines</h2>
          <table aria-label="Line results">
            <thead>
              <tr>
                <th>Line</th>
                <th>Product</th>
                <th>Quantity</th>
                <th>Result</th>
              </tr>
            </thead>
            <tbody>
              {view.lines.map((line) => (
                <tr key={line.line}>
                  <td>{line.line}</td>
                  <td title={line.productId}>{line.productName ?? line.productId}</td>
                  <td>{line.quantity}</td>
                  <td>{line.result ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
