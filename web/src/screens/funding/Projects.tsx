import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { asProblem } from "../../api/problem";
import { may, namesOrganization } from "../../auth/roles";
import { useSession, useSignedIn } from "../../auth/session";
import { Field } from "../../components/Field";
import { ChoiceFilter } from "../../components/Filters";
import { LoadMore, useKeysetList } from "../../components/keysetList";
import { ProblemMessage, fieldErrorsOf } from "../../components/ProblemMessage";
import { ProgressBar } from "../../components/ProgressBar";
import { money, when } from "../../components/format";
import { useCommand } from "../../components/useCommand";
import { ProjectPledges } from "./ProjectPledges";

interface Tier {
  id: string;
  name: string;
  price: number;
  quantity: number | null;
  left: number | null;
  backers: number;
}

export interface Project {
  id: string;
  organizationId: string;
  merchantId: string;
  title: string;
  goal: number;
  startsAt: string;
  deadline: string;
  status: string;
  raised: number;
  backers: number;
  tiers: Tier[];
}

const projects = "/api/funding/projects";

export function Projects() {
  const session = useSignedIn();
  const { filters, setFilters, list, rows } = useKeysetList<Project, "status">(projects, ["status"]);
  return (
    <section>
      <h1>Projects</h1>
      {may(session.roles, "manageProjects") && (
        <p>
          <Link to="/funding/projects/new">Create a project</Link>
        </p>
      )}
      <form className="filters" aria-label="Filter projects" onSubmit={(e) => e.preventDefault()}>
        <ChoiceFilter label="Status" value={filters.status} options={["Draft", "Open", "Succeeded", "Failed"]} onChange={(status) => setFilters({ status })} />
      </form>
      <table>
        <thead>
          <tr>
            <th>Title</th>
            <th>Status</th>
            <th>Raised</th>
            <th>Goal</th>
            <th>Backers</th>
            <th>Deadline</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((project) => (
            <tr key={project.id}>
              <td>
                <Link to={`/funding/projects/${project.id}`}>{project.title}</Link>
              </td>
              <td>{project.status}</td>
              <td>{money(project.raised)}</td>
              <td>{money(project.goal)}</td>
              <td>{project.backers}</td>
              <td>{when(project.deadline)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} empty="No project matches." />
    </section>
  );
}

/** The project page: totals and tiers left, read again every few seconds while pledges can arrive. */
export function ProjectPage() {
  const { projectId } = useParams();
  const { call } = useSession();
  const session = useSignedIn();
  const path = `${projects}/${projectId}`;
  const project = useQuery({
    queryKey: [path],
    queryFn: () => call<Project>(path),
    // The page is a read model: just after a create it may not exist yet (404) and after an edit it may still be the
    // old one, so it is read again until the project is final; an Open project's totals move with every pledge.
    retry: (failures, error) => asProblem(error)?.status === 404 && failures < 10,
    retryDelay: 500,
    refetchInterval: (query) => (["Draft", "Open"].includes(query.state.data?.status ?? "") ? 2000 : false),
  });
  const open = useCommand<Project>(() => ({ path: `${path}/open` }), [projects]);
  const data = project.data;
  return (
    <section>
      <ProblemMessage error={project.error} />
      {data && (
        <>
          <h1>{data.title}</h1>
          <dl className="facts">
            <dt>Status</dt>
            <dd>{data.status}</dd>
            <dt>Raised</dt>
            <dd aria-label="Raised">{money(data.raised)}</dd>
            <dt>Goal</dt>
            <dd>{money(data.goal)}</dd>
            <dt>Backers</dt>
            <dd aria-label="Backers">{data.backers}</dd>
            <dt>Runs</dt>
            <dd>
              {when(data.startsAt)} – {when(data.deadline)}
            </dd>
          </dl>
          <ProgressBar label="Raised of the goal" done={data.raised} total={data.goal} />
          {data.status === "Draft" && may(session.roles, "manageProjects") && (
            <p className="actions">
              <Link to={`/funding/projects/${data.id}/edit`}>Edit</Link>
              <button type="button" onClick={() => open.mutate()} disabled={open.isPending}>
                Open for pledges
              </button>
            </p>
          )}
          <ProblemMessage error={open.error} />
          <h2>Reward tiers</h2>
          <table>
            <thead>
              <tr>
                <th>Tier</th>
                <th>Price</th>
                <th>Quantity</th>
                <th>Left</th>
                <th>Backers</th>
              </tr>
            </thead>
            <tbody>
              {data.tiers.map((tier) => (
                <tr key={tier.id}>
                  <td>{tier.name}</td>
                  <td>{money(tier.price)}</td>
                  <td>{tier.quantity ?? "unlimited"}</td>
                  <td>{tier.left ?? "unlimited"}</td>
                  <td>{tier.backers}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.tiers.length > 0 && (
            <figure aria-label="Backers per tier" className="chart">
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={data.tiers}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="name" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Bar dataKey="backers" name="Backers" fill="#3060c0" isAnimationActive={false} />
                  <Bar dataKey="left" name="Left" fill="#a0b0d0" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
              <figcaption>Backers and rewards left per tier</figcaption>
            </figure>
          )}
          {data.status !== "Draft" && <ProjectPledges projectId={data.id} open={data.status === "Open"} tierNames={new Map(data.tiers.map((tier) => [tier.id, tier.name]))} />}
        </>
      )}
    </section>
  );
}

interface TierDraft {
  name: string;
  price: string;
  quantity: string;
}

const toInput = (iso: string) => iso.slice(0, 16);
const fromInput = (local: string) => (local ? new Date(`${local}:00Z`).toISOString() : null);

/** Create a project, or edit one while it is a Draft (the API refuses an edit after it opens with a 409). */
export function ProjectEditor() {
  const { projectId } = useParams();
  const { call } = useSession();
  const path = projectId ? `${projects}/${projectId}` : null;
  const existing = useQuery({ queryKey: [path], queryFn: () => call<Project>(path!), enabled: path !== null, staleTime: 0 });
  if (path && !existing.data) return <ProblemMessage error={existing.error} />;
  return <ProjectForm key={existing.data?.id ?? "new"} project={existing.data} />;
}

function ProjectForm({ project }: { project?: Project }) {
  const session = useSignedIn();
  const navigate = useNavigate();
  const [organizationId, setOrganizationId] = useState("");
  const [merchantId, setMerchantId] = useState(project?.merchantId ?? "");
  const [title, setTitle] = useState(project?.title ?? "");
  const [goal, setGoal] = useState(project ? String(project.goal) : "");
  const [startsAt, setStartsAt] = useState(project ? toInput(project.startsAt) : "");
  const [deadline, setDeadline] = useState(project ? toInput(project.deadline) : "");
  const [tiers, setTiers] = useState<TierDraft[]>(
    project?.tiers.map((tier) => ({ name: tier.name, price: String(tier.price), quantity: tier.quantity === null ? "" : String(tier.quantity) })) ?? [],
  );
  const terms = {
    title,
    goal: Number(goal),
    startsAt: fromInput(startsAt),
    deadline: fromInput(deadline),
    tiers: tiers.map((tier) => ({ name: tier.name, price: Number(tier.price), quantity: tier.quantity === "" ? null : Number(tier.quantity) })),
  };
  const save = useCommand<Project>(
    () =>
      project
        ? { path: `${projects}/${project.id}`, method: "PUT", body: terms }
        : { path: projects, body: { ...terms, organizationId: organizationId || null, merchantId } },
    [projects],
    (saved) => navigate(`/funding/projects/${saved.id}`),
  );
  const fields = fieldErrorsOf(save.error);
  const setTier = (index: number, change: Partial<TierDraft>) =>
    setTiers(tiers.map((tier, at) => (at === index ? { ...tier, ...change } : tier)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <section>
      <h1>{project ? `Edit ${project.title}` : "Create a project"}</h1>
      <form onSubmit={submit} aria-label={project ? "Edit the project" : "Create a project"} className="card" noValidate>
        {!project && namesOrganization(session.roles) && (
          <Field label="Organization id" errors={fields.organizationId}>
            <input value={organizationId} onChange={(e) => setOrganizationId(e.target.value.trim())} />
          </Field>
        )}
        {!project && (
          <Field label="Merchant id" errors={fields.merchantId}>
            <input value={merchantId} onChange={(e) => setMerchantId(e.target.value.trim())} />
          </Field>
        )}
        <Field label="Title" errors={fields.title}>
          <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field label="Goal (KRW)" errors={fields.goal}>
          <input type="number" value={goal} onChange={(e) => setGoal(e.target.value)} />
        </Field>
        <Field label="Starts at (UTC)" errors={fields.startsAt}>
          <input type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
        </Field>
        <Field label="Deadline (UTC)" errors={fields.deadline}>
          <input type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </Field>
        <fieldset>
          <legend>Reward tiers</legend>
          {fields.tiers && <p className="field-errors">{fields.tiers.join(" ")}</p>}
          {tiers.map((tier, index) => (
            <div className="tier" key={index}>
              <Field label={`Tier ${index + 1} name`} errors={fields[`tiers[${index}].name`]}>
                <input value={tier.name} onChange={(e) => setTier(index, { name: e.target.value })} />
              </Field>
              <Field label={`Tier ${index + 1} price (KRW)`} errors={fields[`tiers[${index}].price`]}>
                <input type="number" value={tier.price} onChange={(e) => setTier(index, { price: e.target.value })} />
              </Field>
              <Field label={`Tier ${index + 1} quantity (empty: unlimited)`} errors={fields[`tiers[${index}].quantity`]}>
                <input type="number" value={tier.quantity} onChange={(e) => setTier(index, { quantity: e.target.value })} />
              </Field>
              <button type="button" onClick={() => setTiers(tiers.filter((_, at) => at !== index))}>
                Remove tier {index + 1}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => setTiers([...tiers, { name: "", price: "", quantity: "" }])}>
            Add a tier
          </button>
        </fieldset>
        <ProblemMessage error={save.error} />
        <button type="submit" disabled={save.isPending}>
          {project ? "Save project" : "Create project"}
        </button>
      </form>
    </section>
  );
}
