import { ChoiceFilter } from "../../components/Filters";
import { LoadMore, useKeysetList } from "../../components/keysetList";
import { idTail, money, when } from "../../components/format";

interface Pledge {
  id: string;
  backerId: string;
  tierId: string | null;
  amount: number;
  status: string;
  reason: string | null;
  pledgedAt: string;
  updatedAt: string;
}

const statuses = ["Pending", "Completed", "Failed", "Cancelled", "Refunded"];

/** A project's pledges, newest first, with its status filter in the URL; read again while new ones can arrive or one is still Pending. */
export function ProjectPledges({ projectId, open, tierNames }: { projectId: string; open: boolean; tierNames: Map<string, string> }) {
  const { filters, setFilters, list, rows } = useKeysetList<Pledge, "status">(`/api/funding/projects/${projectId}/pledges`, ["status"], (f) => f, {
    refetchInterval: (pledges) => (open || pledges.some((pledge) => pledge.status === "Pending") ? 2000 : false),
  });
  return (
    <>
      <h2>Pledges</h2>
      <form className="filters" aria-label="Filter pledges" onSubmit={(e) => e.preventDefault()}>
        <ChoiceFilter label="Pledge status" value={filters.status} options={statuses} onChange={(status) => setFilters({ status })} />
      </form>
      <table aria-label="Pledges">
        <thead>
          <tr>
            <th>Pledge</th>
            <th>Backer</th>
            <th>Reward</th>
            <th>Amount</th>
            <th>Status</th>
            <th>Pledged</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((pledge) => (
            <tr key={pledge.id}>
              <td title={pledge.id}>{idTail(pledge.id)}</td>
              <td title={pledge.backerId}>{idTail(pledge.backerId)}</td>
              <td>{pledge.tierId ? (tierNames.get(pledge.tierId) ?? idTail(pledge.tierId)) : "no reward"}</td>
              <td>{money(pledge.amount)}</td>
              <td title={pledge.reason ?? undefined}>
                {pledge.status}
                {pledge.reason && ` (${pledge.reason})`}
              </td>
              <td>{when(pledge.pledgedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} empty="No pledge matches." />
    </>
  );
}
