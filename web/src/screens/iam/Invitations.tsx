import { useQuery } from "@tanstack/react-query";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { Role, namesOrganization } from "../../auth/roles";
import { useSession, useSignedIn } from "../../auth/session";
import { Field } from "../../components/Field";
import { ProblemMessage, fieldErrorsOf } from "../../components/ProblemMessage";
import { ProgressBar } from "../../components/ProgressBar";
import { useCommand } from "../../components/useCommand";

/** The API's limit on one invitation job (InviteUsersCommandValidator.MaxEmails). */
export const maxEmails = 1000;

/** The addresses of pasted or uploaded text: one per line, or separated by commas, semicolons or spaces. */
export function emailsOf(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((email) => email.trim())
    .filter((email) => email.length > 0);
}

interface JobAccepted {
  id: string;
  status: string;
  total: number;
}

interface InvitationRow {
  row: number;
  email: string;
  result: string;
  userId: string | null;
  error: string | null;
}

interface Job {
  id: string;
  organizationId: string;
  status: string;
  total: number;
  counts: Record<string, number>;
  rows: InvitationRow[];
}

export function Invitations() {
  const session = useSignedIn();
  const navigate = useNavigate();
  const [organizationId, setOrganizationId] = useState(namesOrganization(session.roles) ? "" : (session.organizationId ?? ""));
  const [text, setText] = useState("");
  const [role, setRole] = useState<string>(Role.MerchantUser);
  const emails = emailsOf(text);
  const invite = useCommand<JobAccepted>(
    () => ({ path: `/api/iam/organizations/${organizationId}/invitations`, body: { emails, roles: [role] } }),
    [],
    (job) => navigate(`/iam/invitations/${job.id}`),
  );
  const fields = fieldErrorsOf(invite.error);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };

  return (
    <section>
      <h1>Invite users</h1>
      <form onSubmit={submit} aria-label="Invite users" className="card" noValidate>
        {namesOrganization(session.roles) && (
          <Field label="Organization id">
            <input value={organizationId} onChange={(e) => setOrganizationId(e.target.value.trim())} />
          </Field>
        )}
        <Field label="E-mail addresses" hint={`One per line, or separated by commas; up to ${maxEmails}.`} errors={fields.emails}>
          <textarea rows={10} value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
        <Field label="Or upload a file of addresses (.txt, .csv)">
          <input type="file" accept=".txt,.csv,text/plain,text/csv" onChange={upload} />
        </Field>
        <Field label="Role of the invited users" errors={fields.roles}>
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            <option>{Role.MerchantUser}</option>
            <option>{Role.MerchantAdmin}</option>
          </select>
        </Field>
        <p aria-live="polite" className={emails.length > maxEmails ? "problem" : undefined}>
          {emails.length} address{emails.length === 1 ? "" : "es"}
          {emails.length > maxEmails ? ` — at most ${maxEmails} per invitation.` : ""}
        </p>
        <ProblemMessage error={invite.error} />
        <button type="submit" disabled={invite.isPending || emails.length === 0 || emails.length > maxEmails}>
          Send invitations
        </button>
      </form>
    </section>
  );
}

const finalResults = new Set(["Invalid", "Duplicate", "AlreadyRegistered", "Sent", "Failed"]);

/** A job's progress, polled until it completes, with every row's outcome. */
export function InvitationJob() {
  const { jobId } = useParams();
  const { call } = useSession();
  const path = `/api/iam/invitations/jobs/${jobId}`;
  const job = useQuery({
    queryKey: [path],
    queryFn: () => call<Job>(path),
    refetchInterval: (query) => (query.state.data?.status === "Completed" || query.state.error ? false : 1000),
  });
  const done = job.data?.rows.filter((row) => finalResults.has(row.result)).length ?? 0;
  return (
    <section>
      <h1>Invitation job</h1>
      <ProblemMessage error={job.error} />
      {job.data && (
        <>
          <p>
            Status: <strong>{job.data.status}</strong>
          </p>
          <ProgressBar label="Invitations processed" done={done} total={job.data.total} />
          <ul className="counts">
            {Object.entries(job.data.counts).map(([result, count]) => (
              <li key={result}>
                {result}: {count}
              </li>
            ))}
          </ul>
          <table>
            <thead>
              <tr>
                <th>Row</th>
                <th>E-mail</th>
                <th>Result</th>
                <th>Error</th>
              </tr>
            </thead>
            <tbody>
              {job.data.rows.map((row) => (
                <tr key={row.row} className={`result-${row.result}`}>
                  <td>{row.row}</td>
                  <td>{row.email}</td>
                  <td>{row.result}</td>
                  <td>{row.error ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
