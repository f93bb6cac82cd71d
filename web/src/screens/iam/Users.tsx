import { useState, type FormEvent } from "react";
import { Role, may, namesOrganization } from "../../auth/roles";
import { useSignedIn } from "../../auth/session";
import { Field } from "../../components/Field";
import { ChoiceFilter } from "../../components/Filters";
import { LoadMore, useKeysetList } from "../../components/keysetList";
import { ProblemMessage, fieldErrorsOf } from "../../components/ProblemMessage";
import { when } from "../../components/format";
import { useCommand } from "../../components/useCommand";

interface UserSummary {
  id: string;
  email: string;
  name: string;
  organizationId: string | null;
  roles: string[];
  status: string;
  createdAt: string;
}

export function Users() {
  const session = useSignedIn();
  const { filters, setFilters, list, rows: listed } = useKeysetList<UserSummary, "email" | "status" | "role" | "organizationId">(
    "/api/iam/users",
    ["email", "status", "role", "organizationId"],
  );
  const [emailPrefix, setEmailPrefix] = useState(filters.email ?? "");
  // The list is a read model and may lag a change: a user the API has just answered for (created or disabled here)
  // is shown as it answered, the newest first, until the list has it.
  const [answered, setAnswered] = useState<Record<string, UserSummary>>({});
  const remember = (user: UserSummary) => setAnswered((users) => ({ ...users, [user.id]: { ...users[user.id], ...user } }));
  const disable = useCommand<UserSummary, string>((userId) => ({ path: `/api/iam/users/${userId}/disable` }), ["/api/iam/users"], remember);
  const rows = [
    ...Object.values(answered).filter((user) => !listed.some((row) => row.id === user.id)).reverse(),
    ...listed.map((row) => ({ ...row, ...answered[row.id] })),
  ];
  const manages = may(session.roles, "manageUsers");

  return (
    <section>
      <h1>Users</h1>
      <form
        className="filters"
        aria-label="Search users"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ email: emailPrefix });
        }}
      >
        <Field label="E-mail starts with">
          <input value={emailPrefix} onChange={(e) => setEmailPrefix(e.target.value)} />
        </Field>
        <ChoiceFilter label="Status" value={filters.status} options={["Invited", "Active", "Disabled"]} onChange={(status) => setFilters({ status })} />
        <ChoiceFilter label="Role" value={filters.role} options={Object.values(Role)} onChange={(role) => setFilters({ role })} />
        <button type="submit">Search</button>
      </form>
      <ProblemMessage error={disable.error} />
      <table>
        <thead>
          <tr>
            <th>E-mail</th>
            <th>Name</th>
            <th>Roles</th>
            <th>Status</th>
            <th>Created</th>
            {manages && <th>Actions</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((user) => (
            <tr key={user.id}>
              <td>{user.email}</td>
              <td>{user.name}</td>
              <td>{user.roles.join(", ")}</td>
              <td>{user.status}</td>
              <td>{user.createdAt ? when(user.createdAt) : "just now"}</td>
              {manages && (
                <td>
                  {user.status !== "Disabled" && user.id !== session.userId && (
                    <button type="button" onClick={() => disable.mutate(user.id)} aria-label={`Disable ${user.email}`}>
                      Disable
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} empty="No user matches." />
      {manages && <CreateUser onCreated={remember} />}
    </section>
  );
}

function CreateUser({ onCreated }: { onCreated: (user: UserSummary) => void }) {
  const session = useSignedIn();
  const [organizationId, setOrganizationId] = useState(namesOrganization(session.roles) ? "" : (session.organizationId ?? ""));
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<string>(Role.MerchantUser);
  const [password, setPassword] = useState("");
  const create = useCommand<UserSummary>(
    () => ({ path: `/api/iam/organizations/${organizationId}/users`, body: { email, name, roles: [role], password } }),
    ["/api/iam/users"],
    (user) => {
      onCreated(user);
      setEmail("");
      setName("");
      setPassword("");
    },
  );
  const fields = fieldErrorsOf(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="Create a user" className="card" noValidate>
      <h2>Create a user</h2>
      {namesOrganization(session.roles) && (
        <Field label="Organization id" errors={fields.organizationId}>
          <input value={organizationId} onChange={(e) => setOrganizationId(e.target.value.trim())} />
        </Field>
      )}
      <Field label="New user's e-mail" errors={fields.email}>
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      <Field label="New user's name" errors={fields.name}>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="New user's role" errors={fields.roles}>
        <select value={role} onChange={(e) => setRole(e.target.value)}>
          <option>{Role.MerchantUser}</option>
          <option>{Role.MerchantAdmin}</option>
        </select>
      </Field>
      <Field label="Initial password" errors={fields.password}>
        <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <ProblemMessage error={create.error} />
      {create.isSuccess && <p role="status">Created {create.data.email}.</p>}
      <button type="submit" disabled={create.isPending}>
        Create user
      </button>
    </form>
  );
}
