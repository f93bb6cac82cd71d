import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { may } from "../../auth/roles";
import { useSession, useSignedIn } from "../../auth/session";
import { Field } from "../../components/Field";
import { LoadMore, useKeysetList } from "../../components/keysetList";
import { ProblemMessage, fieldErrorsOf } from "../../components/ProblemMessage";
import { when } from "../../components/format";
import { useCommand } from "../../components/useCommand";

export interface Merchant {
  id: string;
  organizationId: string;
  name: string;
  businessRegistrationNumber: string | null;
  feeRate: number;
  vatRule: string;
  settlementCycle: string;
  status: string;
  createdAt: string;
  updatedAt: string;
}

const merchants = "/api/acquisition/merchants";

export function Merchants() {
  const { list, rows } = useKeysetList<Merchant>(merchants);
  return (
    <section>
      <h1>Merchants</h1>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Business registration number</th>
            <th>Fee rate</th>
            <th>VAT</th>
            <th>Settlement cycle</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((merchant) => (
            <tr key={merchant.id}>
              <td>
                <Link to={`/acquisition/merchants/${merchant.id}`}>{merchant.name}</Link>
              </td>
              <td>{merchant.businessRegistrationNumber ?? "—"}</td>
              <td>{(merchant.feeRate * 100).toFixed(2)}%</td>
              <td>{merchant.vatRule}</td>
              <td>{merchant.settlementCycle}</td>
              <td>{merchant.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} empty="No merchants yet." />
    </section>
  );
}

export function MerchantDetail() {
  const { merchantId } = useParams();
  const { call } = useSession();
  const session = useSignedIn();
  const path = `${merchants}/${merchantId}`;
  const merchant = useQuery({ queryKey: [path], queryFn: () => call<Merchant>(path) });
  return (
    <section>
      <ProblemMessage error={merchant.error} />
      {merchant.data && (
        <>
          <h1>{merchant.data.name}</h1>
          <dl className="facts">
            <dt>Merchant id</dt>
            <dd>{merchant.data.id}</dd>
            <dt>Organization</dt>
            <dd>
              <Link to={`/iam/organizations/${merchant.data.organizationId}`}>{merchant.data.organizationId}</Link>
            </dd>
            <dt>Fee rate</dt>
            <dd>{(merchant.data.feeRate * 100).toFixed(2)}%</dd>
            <dt>VAT rule</dt>
            <dd>{merchant.data.vatRule}</dd>
            <dt>Settlement cycle</dt>
            <dd>{merchant.data.settlementCycle}</dd>
            <dt>Status</dt>
            <dd>{merchant.data.status}</dd>
            <dt>Updated</dt>
            <dd>{when(merchant.data.updatedAt)}</dd>
          </dl>
          <p>
            <Link to={`/acquisition/transactions?merchantId=${merchant.data.id}`}>Transactions of this merchant</Link>
          </p>
          {may(session.roles, "manageMerchants") && <EditMerchant key={merchant.data.id} merchant={merchant.data} />}
        </>
      )}
    </section>
  );
}

function EditMerchant({ merchant }: { merchant: Merchant }) {
  const [name, setName] = useState(merchant.name);
  const [registration, setRegistration] = useState(merchant.businessRegistrationNumber ?? "");
  const [feeRate, setFeeRate] = useState(String(merchant.feeRate));
  const [vatRule, setVatRule] = useState(merchant.vatRule);
  const [settlementCycle, setSettlementCycle] = useState(merchant.settlementCycle);
  const [status, setStatus] = useState(merchant.status);
  const path = `${merchants}/${merchant.id}`;
  const save = useCommand<Merchant>(
    () => ({
      path,
      method: "PUT",
      body: { name, businessRegistrationNumber: registration || null, feeRate: Number(feeRate), vatRule, settlementCycle, status },
    }),
    [merchants],
  );
  const fields = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="Merchant settings" className="card" noValidate>
      <h2>Settings</h2>
      <Field label="Merchant name" errors={fields.name}>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Business registration number" errors={fields.businessRegistrationNumber}>
        <input value={registration} onChange={(e) => setRegistration(e.target.value)} />
      </Field>
      <Field label="Fee rate (fraction, e.g. 0.025)" errors={fields.feeRate}>
        <input inputMode="decimal" value={feeRate} onChange={(e) => setFeeRate(e.target.value)} />
      </Field>
      <Field label="VAT rule" errors={fields.vatRule}>
        <select value={vatRule} onChange={(e) => setVatRule(e.target.value)}>
          <option>Taxable10Percent</option>
          <option>Exempt</option>
          <option>ZeroRated</option>
        </select>
      </Field>
      <Field label="Settlement cycle" errors={fields.settlementCycle}>
        <select value={settlementCycle} onChange={(e) => setSettlementCycle(e.target.value)}>
          <option>D1</option>
          <option>D2</option>
          <option>Weekly</option>
          <option>Monthly</option>
        </select>
      </Field>
      <Field label="Merchant status" errors={fields.status}>
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option>Active</option>
          <option>Suspended</option>
        </select>
      </Field>
      <ProblemMessage error={save.error} />
      {save.isSuccess && <p role="status">Saved.</p>}
      <button type="submit" disabled={save.isPending}>
        Save settings
      </button>
    </form>
  );
}
