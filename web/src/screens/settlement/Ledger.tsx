import { useState } from "react";
import { useNavigate } from "react-router";
import { Field } from "../../components/Field";
import { ChoiceFilter, DayFilter } from "../../components/Filters";
import { LoadMore, useKeysetList } from "../../components/keysetList";
import { ProblemMessage, fieldErrorsOf } from "../../components/ProblemMessage";
import { dayStart, money, when } from "../../components/format";
import { useCommand } from "../../components/useCommand";
import { exports, type ExportJob } from "./Exports";

interface LedgerRow {
  id: string;
  merchantId: string;
  payNo: string;
  requestedAt: string;
  submittedAt: string;
  transactionType: string;
  pg: string;
  payMethod: string;
  serviceType: string;
  submitType: string;
  amount: number;
  fee: number;
  vat: number;
  pgAmount: number;
}

const keys = ["requestedFrom", "requestedTo", "submittedFrom", "submittedTo", "pg", "payMethod", "serviceType", "submitType", "transactionType"] as const;
type Key = (typeof keys)[number];

/** The kinds Settlement knows (Domain/LedgerKinds); the API refuses any other. */
const kinds = {
  serviceType: ["Acquiring", "PgFee"],
  submitType: ["SameDay", "Deferred"],
  transactionType: ["Payment", "Cancellation", "Fee"],
};

export function Ledger() {
  const navigate = useNavigate();
  const { filters, setFilters, list, rows, apiFilters } = useKeysetList<LedgerRow, Key>(
    "/api/settlement/ledger",
    keys,
    ({ requestedFrom, requestedTo, submittedFrom, submittedTo, ...rest }) => ({
      ...rest,
      requestedFrom: dayStart(requestedFrom),
      requestedTo: dayStart(requestedTo, 1),
      submittedFrom: dayStart(submittedFrom),
      submittedTo: dayStart(submittedTo, 1),
    }),
  );
  const [pg, setPg] = useState(filters.pg ?? "");
  const [payMethod, setPayMethod] = useState(filters.payMethod ?? "");
  const exportRows = useCommand<ExportJob>(() => ({ path: exports, body: apiFilters }), [exports], () => navigate("/settlement/exports"));
  // The API validates the filters as one nested object: its field errors are keyed "filter.requestedTo".
  const fields = Object.fromEntries(
    Object.entries(fieldErrorsOf(list.error ?? exportRows.error)).map(([path, messages]) => [path.replace(/^filter\./, ""), messages]),
  );
  const day = (key: Key, label: string) => (
    <DayFilter label={label} value={filters[key]} errors={fields[key]} onChange={(value) => setFilters({ [key]: value })} />
  );
  const kind = (key: keyof typeof kinds, label: string) => (
    <ChoiceFilter label={label} value={filters[key]} options={kinds[key]} errors={fields[key]} onChange={(value) => setFilters({ [key]: value })} />
  );
  return (
    <section>
      <h1>Ledger</h1>
      <form
        className="filters"
        aria-label="Search the ledger"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ pg, payMethod });
        }}
      >
        {day("requestedFrom", "Requested from")}
        {day("requestedTo", "Requested to")}
        {day("submittedFrom", "Submitted from")}
        {day("submittedTo", "Submitted to")}
        <Field label="PG" errors={fields.pg}>
          <input value={pg} onChange={(e) => setPg(e.target.value)} />
        </Field>
        <Field label="Pay method" errors={fields.payMethod}>
          <input value={payMethod} onChange={(e) => setPayMethod(e.target.value)} />
        </Field>
        {kind("serviceType", "Service type")}
        {kind("submitType", "Submit type")}
        {kind("transactionType", "Transaction type")}
        <button type="submit">Search</button>
      </form>
      <p>
        <button type="button" disabled={exportRows.isPending} onClick={() => exportRows.mutate()}>
          Export these rows
        </button>
      </p>
      <ProblemMessage error={exportRows.error} />
      <table>
        <thead>
          <tr>
            <th>Pay no</th>
            <th>Requested</th>
            <th>Submitted</th>
            <th>Transaction</th>
            <th>PG</th>
            <th>Pay method</th>
            <th>Service</th>
            <th>Submit</th>
            <th>Amount</th>
            <th>Fee</th>
            <th>VAT</th>
            <th>PG amount</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.payNo}</td>
              <td>{when(row.requestedAt)}</td>
              <td>{when(row.submittedAt)}</td>
              <td>{row.transactionType}</td>
              <td>{row.pg}</td>
              <td>{row.payMethod}</td>
              <td>{row.serviceType}</td>
              <td>{row.submitType}</td>
              <td>{money(row.amount)}</td>
              <td>{money(row.fee)}</td>
              <td>{money(row.vat)}</td>
              <td>{money(row.pgAmount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} empty="No ledger row matches." />
    </section>
  );
}
