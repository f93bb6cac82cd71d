import { useState } from "react";
import { Field } from "../../components/Field";
import { ChoiceFilter, DayRange, withDayRange } from "../../components/Filters";
import { LoadMore, useKeysetList } from "../../components/keysetList";
import { money, shortId, when } from "../../components/format";

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
    withDayRange,
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
        <ChoiceFilter label="Status" value={filters.status} options={["Pending", "Approved", "Declined", "NoAnswer", "Canceled"]} onChange={(status) => setFilters({ status })} />
        <DayRange what="Requested" filters={filters} setFilters={setFilters} />
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
