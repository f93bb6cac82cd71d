import { useState, type DragEvent } from "react";
import { download } from "../../api/client";
import { asProblem } from "../../api/problem";
import { useSignedIn } from "../../auth/session";
import { Field } from "../../components/Field";
import { ProblemMessage } from "../../components/ProblemMessage";
import { useCommand } from "../../components/useCommand";

/** One refused cell of an upload (the 422 problem's `cells`): row as the spreadsheet numbers it, column by its key. */
export interface CellError {
  row: number;
  column: string;
  header: string | null;
  value: string | null;
  code: string;
  message: string;
}

interface Imported {
  imported: number;
  merchantIds: string[];
}

/** Every bad cell on a grid of the rows and columns that have one, each cell naming its problem. */
export function BadCellGrid({ cells }: { cells: CellError[] }) {
  const columns = [...new Map(cells.map((cell) => [cell.column, cell.header ?? cell.column])).entries()];
  const rows = [...new Set(cells.map((cell) => cell.row))].sort((a, b) => a - b);
  const at = (row: number, column: string) => cells.filter((cell) => cell.row === row && cell.column === column);
  return (
    <table className="cell-grid" aria-label="Bad cells">
      <thead>
        <tr>
          <th scope="col">Row</th>
          {columns.map(([column, header]) => (
            <th scope="col" key={column}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row}>
            <th scope="row">{row}</th>
            {columns.map(([column]) => {
              const errors = at(row, column);
              return (
                <td key={column} className={errors.length ? "bad" : undefined} data-row={row} data-column={column}>
                  {errors.map((error) => (
                    <div key={error.code + error.message}>
                      <code>{error.value ?? "(empty)"}</code> — {error.message}
                    </div>
                  ))}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MerchantImport() {
  const session = useSignedIn();
  const [file, setFile] = useState<File | null>(null);
  const [templateError, setTemplateError] = useState<unknown>(null);
  const template = (kind: "csv" | "xlsx") =>
    download(session.token, `/api/acquisition/merchants/imports/template.${kind}`, `merchants.${kind}`).catch(setTemplateError);
  const [dragging, setDragging] = useState(false);
  const upload = useCommand<Imported, File>((chosen) => {
    const form = new FormData();
    form.append("file", chosen);
    return { path: "/api/acquisition/merchants/imports", form };
  }, ["/api/acquisition/merchants"]);

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    upload.mutate(chosen);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };
  const cells = (asProblem(upload.error)?.body.cells as CellError[] | undefined) ?? [];

  return (
    <section>
      <h1>Bulk upload of merchants</h1>
      <p>The upload stores all its rows or none: nothing is stored until every cell is valid.</p>
      <p>
        <button type="button" onClick={() => template("xlsx")}>
          Download the .xlsx template
        </button>
        <button type="button" onClick={() => template("csv")}>
          Download the .csv template
        </button>
      </p>
      <ProblemMessage error={templateError} />
      <div
        className={`drop-zone${dragging ? " dragging" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <p>Drop an .xlsx or .csv file here, or choose one:</p>
        <Field label="Merchant file (.xlsx, .csv)">
          <input type="file" accept=".xlsx,.csv" onChange={(e) => choose(e.target.files?.[0])} />
        </Field>
      </div>
      {upload.isPending && <p role="status">Checking {file?.name}…</p>}
      {upload.isSuccess && (
        <p role="status" className="success">
          {upload.data.imported} merchants imported from {file?.name}.
        </p>
      )}
      <ProblemMessage error={upload.error} />
      {cells.length > 0 && (
        <>
          <h2>
            {cells.length} bad cell{cells.length === 1 ? "" : "s"} — fix them and upload again
          </h2>
          <BadCellGrid cells={cells} />
        </>
      )}
    </section>
  );
}
