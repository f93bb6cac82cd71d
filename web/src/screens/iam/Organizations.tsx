import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { may } from "../../auth/roles";
import { useSession, useSignedIn } from "../../auth/session";
import { Field } from "../../components/Field";
import { ChoiceFilter } from "../../components/Filters";
import { LoadMore, useKeysetList } from "../../components/keysetList";
import { ProblemMessage, fieldErrorsOf } from "../../components/ProblemMessage";
import { when } from "../../components/format";
import { useCommand } from "../../components/useCommand";

interface OrganizationSummary {
  id: string;
  kind: string;
  name: string;
  registrationNumber: string;
  status: string;
  createdAt: string;
}

interface Contact {
  id: string;
  name: string;
  email: string;
  isPrimary: boolean;
}

interface Organization extends OrganizationSummary {
  contacts: Contact[];
}

export function Organizations() {
  const { filters, setFilters, list, rows } = useKeysetList<OrganizationSummary, "kind" | "status">("/api/iam/organizations", ["kind", "status"]);
  return (
    <section>
      <h1>Organizations</h1>
      <form className="filters" aria-label="Filter organizations" onSubmit={(e) => e.preventDefault()}>
        <ChoiceFilter label="Kind" value={filters.kind} options={["Platform", "Merchant"]} onChange={(kind) => setFilters({ kind })} />
        <ChoiceFilter label="Status" value={filters.status} options={["Active", "Suspended"]} onChange={(status) => setFilters({ status })} />
      </form>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Kind</th>
            <th>Registration number</th>
            <th>Status</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((organization) => (
            <tr key={organization.id}>
              <td>
                <Link to={`/iam/organizations/${organization.id}`}>{organization.name}</Link>
              </td>
              <td>{organization.kind}</td>
              <td>{organization.registrationNumber}</td>
              <td>{organization.status}</td>
              <td>{when(organization.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} empty="No organization matches." />
    </section>
  );
}

export function OrganizationDetail() {
  const { organizationId } = useParams();
  const { call } = useSession();
  const session = useSignedIn();
  const path = `/api/iam/organizations/${organizationId}`;
  const organization = useQuery({ queryKey: [path], queryFn: () => call<Organization>(path) });
  return (
    <section>
      <ProblemMessage error={organization.error} />
      {organization.data && (
        <>
          <h1>{organization.data.name}</h1>
          <dl className="facts">
            <dt>Kind</dt>
            <dd>{organization.data.kind}</dd>
            <dt>Registration number</dt>
            <dd>{organization.data.registrationNumber}</dd>
            <dt>Status</dt>
            <dd>{organization.data.status}</dd>
          </dl>
          <h2>Contacts</h2>
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>E-mail</th>
                <th>Primary</th>
              </tr>
            </thead>
            <tbody>
              {organization.data.contacts.map((contact) => (
                <tr key={contact.id}>
                  <td>{contact.name}</td>
                  <td>{contact.email}</td>
                  <td>{contact.isPrimary ? "Yes" : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {organization.data.contacts.length === 0 && <p>No contacts yet.</p>}
          {may(session.roles, "addContact") && <AddContact path={path} />}
        </>
      )}
    </section>
  );
}

function AddContact({ path }: { path: string }) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [isPrimary, setPrimary] = useState(false);
  const add = useCommand<Contact>(() => ({ path: `${path}/contacts`, body: { name, email, isPrimary } }), [path], () => {
    setName("");
    setEmail("");
    setPrimary(false);
  });
  const fields = fieldErrorsOf(add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="Add a contact" className="card" noValidate>
      <h3>Add a contact</h3>
      <Field label="Contact name" errors={fields.name}>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Contact e-mail" errors={fields.email}>
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={isPrimary} onChange={(e) => setPrimary(e.target.checked)} /> Primary contact
      </label>
      <ProblemMessage error={add.error} />
      <button type="submit" disabled={add.isPending}>
        Add contact
      </button>
    </form>
  );
}
