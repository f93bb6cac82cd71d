import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { useSession } from "../../auth/session";
import { Field } from "../../components/Field";
import { ChoiceFilter, DayRange, withDayRange } from "../../components/Filters";
import { LoadMore, useKeysetList } from "../../components/keysetList";
import { ProblemMessage, fieldErrorsOf } from "../../components/ProblemMessage";
import { money, shortId, when } from "../../components/format";
import { useCommand } from "../../components/useCommand";

interface FraudDetection {
  id: string;
  acquisitionId: string;
  paymentId: string;
  merchantId: string;
  organizationId: string;
  rule: string;
  reason: string;
  amount: number;
  approvedAt: string;
  detectedAt: string;
  status: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewNote: string | null;
}

const detections = "/api/acquisition/fraud-detections";
/** The rules registered in AcquisitionModule.AddFraudRules. */
const rules = ["amount_threshold", "card_velocity", "merchant_deviation"];

export function FraudDetections() {
  const { filters, setFilters, list, rows } = useKeysetList<FraudDetection, "status" | "rule" | "merchantId" | "from" | "to">(
    detections,
    ["status", "rule", "merchantId", "from", "to"],
    withDayRange,
  );
  const [merchantId, setMerchantId] = useState(filters.merchantId ?? "");
  return (
    <section>
      <h1>Fraud detections</h1>
      <form
        className="filters"
        aria-label="Search fraud detections"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ merchantId });
        }}
      >
        <ChoiceFilter label="Status" value={filters.status} options={["Open", "Reviewed"]} onChange={(status) => setFilters({ status })} />
        <ChoiceFilter label="Rule" value={filters.rule} options={rules} onChange={(rule) => setFilters({ rule })} />
        <Field label="Merchant id">
          <input value={merchantId} onChange={(e) => setMerchantId(e.target.value.trim())} />
        </Field>
        <DayRange what="Detected" filters={filters} setFilters={setFilters} />
        <button type="submit">Search</button>
      </form>
      <table>
        <thead>
          <tr>
            <th>Detection</th>
            <th>Rule</th>
            <th>Merchant</th>
            <th>Amount</th>
            <th>Status</th>
            <th>Detected</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((detection) => (
            <tr key={detection.id}>
              <td>
                <Link to={`/acquisition/fraud-detections/${detection.id}`}>{shortId(detection.id)}</Link>
              </td>
              <td>{detection.rule}</td>
              <td>{shortId(detection.merchantId)}</td>
              <td>{money(detection.amount)}</td>
              <td>{detection.status}</td>
              <td>{when(detection.detectedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} empty="No detection matches." />
    </section>
  );
}

export function FraudDetectionDetail() {
  const { detectionId } = useParams();
  const { call } = useSession();
  const path = `${detections}/${detectionId}`;
  const detection = useQuery({ queryKey: [path], queryFn: () => call<FraudDetection>(path) });
  const data = detection.data;
  return (
    <section>
      <h1>Fraud detection {detectionId && shortId(detectionId)}</h1>
      <ProblemMessage error={detection.error} />
      {data && (
        <>
          <dl className="facts" aria-label="Detection">
            <dt>Status</dt>
            <dd>{data.status}</dd>
            <dt>Rule</dt>
            <dd>{data.rule}</dd>
            <dt>Reason</dt>
            <dd>{data.reason}</dd>
            <dt>Amount</dt>
            <dd>{money(data.amount)}</dd>
            <dt>Merchant</dt>
            <dd>
              <Link to={`/acquisition/merchants/${data.merchantId}`}>{data.merchantId}</Link>
            </dd>
            <dt>Payment</dt>
            <dd>{data.paymentId}</dd>
            <dt>Approved</dt>
            <dd>{when(data.approvedAt)}</dd>
            <dt>Detected</dt>
            <dd>{when(data.detectedAt)}</dd>
            <dt>Reviewed</dt>
            <dd>{when(data.reviewedAt)}</dd>
            <dt>Review note</dt>
            <dd>{data.reviewNote ?? "—"}</dd>
          </dl>
          {data.status === "Open" && <Review path={path} />}
        </>
      )}
    </section>
  );
}

function Review({ path }: { path: string }) {
  const [note, setNote] = useState("");
  const review = useCommand<FraudDetection>(() => ({ path: `${path}/review`, body: { note } }), [detections]);
  const fields = fieldErrorsOf(review.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    review.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="Review" className="card" noValidate>
      <h2>Review</h2>
      <Field label="Review note" errors={fields.note}>
        <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <ProblemMessage error={review.error} />
      <button type="submit" disabled={review.isPending}>
        Mark reviewed
      </button>
    </form>
  );
}
