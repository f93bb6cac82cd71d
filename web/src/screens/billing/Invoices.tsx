import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { ChoiceFilter } from "../../components/Filters";
import { Field } from "../../components/Field";
import { LoadMore, useKeysetList } from "../../components/keysetList";
import { ProblemMessage } from "../../components/ProblemMessage";
import { money, idTail, when } from "../../components/format";
import { useCommand } from "../../components/useCommand";
import { dispatches, invoices, type DispatchProgress } from "./billingApi";

interface InvoiceRow {
  id: string;
  kind: string;
  organizationId: string;
  customerName: string;
  month: string;
  status: string;
  total: number;
  lines: number;
  sendFailure: string | null;
  issuedAt: string | null;
  sentAt: string | null;
}

const mailable = (invoice: InvoiceRow) => invoice.status === "Issued" || invoice.status === "SendFailed";

type DispatchRequest = { invoiceIds: string[] } | { filter: { month?: string; status?: string } };

/** Invoices by month and status, from the list endpoint alone (a row carries all it shows); select and dispatch. */
export function Invoices() {
  const { filters, setFilters, list, rows } = useKeysetList<InvoiceRow, "month" | "status">(invoices, ["month", "status"]);
  const [month, setMonth] = useState(filters.month ?? "");
  const [selected, setSelected] = useState<string[]>([]);
  const navigate = useNavigate();
  const dispatch = useCommand<DispatchProgress, DispatchRequest>((body) => ({ path: dispatches, body }), [invoices], (started) =>
    navigate(`/billing/dispatches/${started.id}`),
  );
  const toggle = (id: string) => setSelected((ids) => (ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]));
  // "All matching" hands the filter to the server, which selects the month's mailable invoices itself.
  const matchingStatus = filters.status === "Issued" || filters.status === "SendFailed" ? filters.status : undefined;
  return (
    <section>
      <h1>Invoices</h1>
      <form
        className="filters"
        aria-label="Search invoices"
        onSubmit={(e) => {
          e.preventDefault();
          setSelected([]);
          setFilters({ month });
        }}
      >
        <Field label="Month">
          <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </Field>
        <ChoiceFilter
          label="Status"
          value={filters.status}
          options={["Draft", "Issued", "Sent", "SendFailed", "Void"]}
          onChange={(status) => {
            setSelected([]);
            setFilters({ status });
          }}
        />
        <button type="submit">Search</button>
      </form>
      <p>
        <button type="button" disabled={selected.length === 0 || dispatch.isPending} onClick={() => dispatch.mutate({ invoiceIds: selected })}>
          Dispatch selected ({selected.length})
        </button>{" "}
        <button
          type="button"
          disabled={!filters.month || dispatch.isPending}
          title={filters.month ? undefined : "Choose a month first"}
          onClick={() => dispatch.mutate({ filter: { month: filters.month, status: matchingStatus } })}
        >
          Dispatch all matching
        </button>
      </p>
      <ProblemMessage error={dispatch.error} />
      <table>
        <thead>
          <tr>
            <th>Select</th>
            <th>Invoice</th>
            <th>Customer</th>
            <th>Month</th>
            <th>Status</th>
            <th>Lines</th>
            <th>Total</th>
            <th>Issued</th>
            <th>Sent</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((invoice) => (
            <tr key={invoice.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select invoice of ${invoice.customerName}`}
                  checked={selected.includes(invoice.id)}
                  disabled={!mailable(invoice)}
                  onChange={() => toggle(invoice.id)}
                />
              </td>
              <td>
                <Link to={`/billing/invoices/${invoice.id}`}>{idTail(invoice.id)}</Link>
                {invoice.kind !== "Invoice" && ` (${invoice.kind})`}
              </td>
              <td>{invoice.customerName}</td>
              <td>{invoice.month}</td>
              <td>{invoice.sendFailure ? `${invoice.status}: ${invoice.sendFailure}` : invoice.status}</td>
              <td>{invoice.lines}</td>
              <td>{money(invoice.total)}</td>
              <td>{when(invoice.issuedAt)}</td>
              <td>{when(invoice.sentAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} empty="No invoice matches." />
    </section>
  );
}
