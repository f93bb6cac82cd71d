import { useState } from "react";
import { Field } from "../../components/Field";
import { LoadMore, useKeysetList } from "../../components/keysetList";
import { dayStart, money, shortId, when } from "../../components/format";

interface Transaction {
  id: string;
  merchantId: string;
  reference: string;
  amount: number;
  cardBin: string | null;
  cardLast4: string | null;
  status: string;
  approvalNumber: string | null;
  declineCode: string | null;
  requestedAt: string;
}

export function Transactions() {
  const { filters, setFilters, list, rows } = useKeysetList<Transaction, "status" | "from" | "to" | "merchantId">(
    "/api/acquisition/transactions",
    ["status", "from", "to", "merchantId"],
    ({ from, to, ...rest }) => ({ ...rest, from: dayStart(from), to: dayStart(to, 1) }),
  );
  const [merchantId, setMerchantId] = useState(filters.merchantId ?? "");
  return (
    <section>
      <h1>Transactions</h1>
      <form
        className="filters"
        aria-label="Search transactions"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ merchantId });
        }}
      >
        <Field label="Status">
          <select value={filters.status ?? ""} onChange={(e) => setFilters({ status: e.target.value })}>
            <option value="">Any</option>
            <option>Pending</option>
            <option>Approved</option>
            <option>Declined</option>
            <option>NoAnswer</option>
            <option>Canceled</option>
          </select>
        </Field>
        <Field label="Requested from">
          <input type="date" value={filters.from ?? ""} onChange={(e) => setFilters({ from: e.target.value })} />
        </Field>
        <Field label="Requested to">
          <input type="date" value={filters.to ?? ""} onChange={(e) => setFilters({ to: e.target.value })} />
        </Field>
        <Field label="Merchant id">
          <input value={merchantId} onChange={(e) => setMerchantId(e.target.value.trim())} />
        </Field>
        <button type="submit">Search</button>
      </form>
      <table>
        <thead>
          <tr>
            <th>Transaction</th>
            <th>Merchant</th>
            <th>Amount</th>
            <th>Card</th>
            <th>Status</th>
            <th>Approval / decline</th>
            <th>Requested</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((transaction) => (
            <tr key={transaction.id}>
              <td>{shortId(transaction.id)}</td>
              <td>{shortId(transaction.merchantId)}</td>
              <td>{money(transaction.amount)}</td>
              <td>{transaction.cardBin ? `${transaction.cardBin}…${transaction.cardLast4 ?? ""}` : "—"}</td>
              <td>{transaction.status}</td>
              <td>{transaction.approvalNumber ?? transaction.declineCode ?? "—"}</td>
              <td>{when(transaction.requestedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} empty="No transaction matches." />
    </section>
  );
}
