import { useState } from "react";
import { Field } from "../../components/Field";
import { PagedFooter, rowsOf, usePagedList, useUrlFilters } from "../../components/paging";
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
  const [filters, setFilters] = useUrlFilters(["status", "from", "to", "merchantId"] as const);
  const [merchantId, setMerchantId] = useState(filters.merchantId ?? "");
  const list = usePagedList<Transaction>("/api/acquisition/transactions", {
    status: filters.status,
    merchantId: filters.merchantId,
    from: dayStart(filters.from),
    to: dayStart(filters.to, 1),
  });
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
          {rowsOf(list).map((transaction) => (
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
      <PagedFooter list={list} empty="No transaction matches." />
    </section>
  );
}
