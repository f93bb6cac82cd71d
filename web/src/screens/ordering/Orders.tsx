import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useSession } from "../../auth/session";
import { Field } from "../../components/Field";
import { ChoiceFilter, DayRange, withDayRange } from "../../components/Filters";
import { LoadMore, useKeysetList } from "../../components/keysetList";
import { ProblemMessage } from "../../components/ProblemMessage";
import { money, shortId, when } from "../../components/format";

interface OrderLine {
  productId: string;
  quantity: number;
  unitPrice: number;
}

interface OrderSummary {
  id: string;
  customerId: string;
  merchantId: string;
  status: string;
  total: number;
  lines: OrderLine[];
  placedAt: string;
  updatedAt: string;
}

interface OrderDetailView extends Omit<OrderSummary, "updatedAt"> {
  timeline: { status: string; at: string; reason: string | null }[];
}

const statuses = ["PendingPayment", "Paid", "Shipped", "Cancelled"];

export function Orders() {
  const { filters, setFilters, list, rows } = useKeysetList<OrderSummary, "status" | "from" | "to" | "productId">(
    "/api/ordering/orders",
    ["status", "from", "to", "productId"],
    withDayRange,
  );
  const [productId, setProductId] = useState(filters.productId ?? "");
  return (
    <section>
      <h1>Orders</h1>
      <form
        className="filters"
        aria-label="Search orders"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ productId });
        }}
      >
        <ChoiceFilter label="Status" value={filters.status} options={statuses} onChange={(status) => setFilters({ status })} />
        <DayRange what="Placed" filters={filters} setFilters={setFilters} />
        <Field label="Product id">
          <input value={productId} onChange={(e) => setProductId(e.target.value.trim())} />
        </Field>
        <button type="submit">Search</button>
      </form>
      <table>
        <thead>
          <tr>
            <th>Order</th>
            <th>Status</th>
            <th>Total</th>
            <th>Lines</th>
            <th>Placed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((order) => (
            <tr key={order.id}>
              <td>
                <Link to={`/ordering/orders/${order.id}`}>{shortId(order.id)}</Link>
              </td>
              <td>{order.status}</td>
              <td>{money(order.total)}</td>
              <td>{order.lines.length}</td>
              <td>{when(order.placedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} empty="No order matches." />
    </section>
  );
}

export function OrderDetail() {
  const { orderId } = useParams();
  const { call } = useSession();
  const path = `/api/ordering/orders/${orderId}`;
  const order = useQuery({ queryKey: [path], queryFn: () => call<OrderDetailView>(path) });
  return (
    <section>
      <h1>Order {orderId && shortId(orderId)}</h1>
      <ProblemMessage error={order.error} />
      {order.data && (
        <>
          <dl className="facts">
            <dt>Status</dt>
            <dd>{order.data.status}</dd>
            <dt>Total</dt>
            <dd>{money(order.data.total)}</dd>
            <dt>Placed</dt>
            <dd>{when(order.data.placedAt)}</dd>
          </dl>
          <h2>Lines</h2>
          <table>
            <thead>
              <tr>
                <th>Product</th>
                <th>Quantity</th>
                <th>Unit price</th>
              </tr>
            </thead>
            <tbody>
              {order.data.lines.map((line) => (
                <tr key={line.productId}>
                  <td>{line.productId}</td>
                  <td>{line.quantity}</td>
                  <td>{money(line.unitPrice)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Timeline</h2>
          <ol className="timeline" aria-label="Timeline">
            {order.data.timeline.map((entry) => (
              <li key={entry.status}>
                <strong>{entry.status}</strong> {when(entry.at)}
                {entry.reason && <span> — {entry.reason}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
