import { useEffect, useState } from "react";
import { useSession } from "../../auth/session";
import { LoadMore, useKeysetList } from "../../components/keysetList";
import { ProblemMessage } from "../../components/ProblemMessage";
import { ProgressBar } from "../../components/ProgressBar";
import { shortId, when, whenExactly } from "../../components/format";

export interface ExportJob {
  id: string;
  status: string;
  rowsCounted: number | null;
  rowsWritten: number;
  sizeBytes: number | null;
  fileName: string | null;
  error: string | null;
  createdAt: string;
  completedAt: string | null;
  expiresAt: string | null;
  download: { url: string; expiresAt: string } | null;
}

export const exports = "/api/settlement/exports";
const active = (job: ExportJob) => job.status === "Queued" || job.status === "Running";

export const size = (bytes: number | null) =>
  bytes === null ? "—" : bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function Exports() {
  // The queue reads itself every 2 s while a job is queued or running, so the bars move by themselves.
  const { list, rows } = useKeysetList<ExportJob>(exports, [], undefined, { refetchInterval: (jobs) => (jobs.some(active) ? 2000 : false) });
  return (
    <section>
      <h1>Exports</h1>
      <p>Start an export from the ledger's filters; a ready file's link is signed and expires, and can be issued again.</p>
      <table>
        <thead>
          <tr>
            <th>Export</th>
            <th>Status</th>
            <th>Progress</th>
            <th>Rows</th>
            <th>Size</th>
            <th>Created</th>
            <th>Download</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((job) => (
            <ExportRow key={job.id} job={job} />
          ))}
        </tbody>
      </table>
      <LoadMore list={list} empty="No export yet." />
    </section>
  );
}

function ExportRow({ job }: { job: ExportJob }) {
  const label = `Export ${shortId(job.id)}`;
  return (
    <tr aria-label={label}>
      <td>{shortId(job.id)}</td>
      <td>{job.status}</td>
      <td>
        {job.rowsCounted === null ? "counting…" : <ProgressBar label={`${label} rows written`} done={job.rowsWritten} total={job.rowsCounted} />}
      </td>
      <td>{job.rowsCounted ?? "—"}</td>
      <td>{size(job.sizeBytes)}</td>
      <td>{when(job.createdAt)}</td>
      <td>{job.status === "Ready" ? <DownloadLink job={job} /> : (job.error ?? "—")}</td>
    </tr>
  );
}

/** A signed link works until its expiry; after it, asking for the job again signs a new one for the same file. */
function DownloadLink({ job }: { job: ExportJob }) {
  const { call } = useSession();
  const [download, setDownload] = useState(job.download);
  const [problem, setProblem] = useState<unknown>(null);
  const now = useNow();
  useEffect(() => setDownload(job.download), [job.download]);
  if (!download) return <>—</>;
  const expired = Date.parse(download.expiresAt) <= now;
  const reissue = async () => {
    try {
      setDownload((await call<ExportJob>(`${exports}/${job.id}`)).download);
      setProblem(null);
    } catch (error) {
      setProblem(error);
    }
  };
  return (
    <div>
      {expired ? (
        <>
          <span>Link expired {whenExactly(download.expiresAt)}</span>{" "}
          <button type="button" onClick={reissue}>
            Re-issue link for {job.fileName}
          </button>
        </>
      ) : (
        <>
          <a href={download.url} download={job.fileName ?? undefined}>
            {job.fileName}
          </a>{" "}
          <small>expires {whenExactly(download.expiresAt)}</small>
        </>
      )}
      <ProblemMessage error={problem} />
    </div>
  );
}

/** The time now, once a second, so a link shows as expired when it does. */
function useNow() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
