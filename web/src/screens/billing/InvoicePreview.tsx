import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { fetchBlob } from "../../api/client";
import { useSession, useSignedIn } from "../../auth/session";
import { ProblemMessage } from "../../components/ProblemMessage";
import { money, idTail, when } from "../../components/format";
import { invoices } from "./billingApi";

interface InvoiceDetail {
  id: string;
  customerName: string;
  month: string;
  status: string;
  total: number;
  issuedAt: string | null;
  sentAt: string | null;
}

/**
 * One invoice and its PDF as the server renders it (the same one the mail carries). The PDF needs the bearer token, so
 * it is fetched as a Blob and shown through an object URL, released when the page goes.
 */
export function InvoicePreview() {
  const { invoiceId } = useParams();
  const { call } = useSession();
  const { token } = useSignedIn();
  const path = `${invoices}/${invoiceId}`;
  const detail = useQuery({ queryKey: [path], queryFn: () => call<InvoiceDetail>(path) });
  const [pdfUrl, setPdfUrl] = useState<string | null>(null);
  const [pdfError, setPdfError] = useState<unknown>(null);
  useEffect(() => {
    let url: string | null = null;
    let gone = false;
    fetchBlob(token, `${path}/pdf`)
      .then((blob) => {
        if (gone) return;
        url = URL.createObjectURL(blob);
        setPdfUrl(url);
      })
      .catch((error: unknown) => !gone && setPdfError(error));
    return () => {
      gone = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [token, path]);
  const invoice = detail.data;
  return (
    <section>
      <h1>Invoice {invoiceId && idTail(invoiceId)}</h1>
      <p>
        <Link to="/billing/invoices">All invoices</Link>
      </p>
      <ProblemMessage error={detail.error} />
      {invoice && (
        <dl className="facts" aria-label="Invoice">
          <dt>Customer</dt>
          <dd>{invoice.customerName}</dd>
          <dt>Month</dt>
          <dd>{invoice.month}</dd>
          <dt>Status</dt>
          <dd>{invoice.status}</dd>
          <dt>Total</dt>
          <dd>{money(invoice.total)}</dd>
          <dt>Issued</dt>
          <dd>{when(invoice.issuedAt)}</dd>
          <dt>Sent</dt>
          <dd>{when(invoice.sentAt)}</dd>
        </dl>
      )}
      <ProblemMessage error={pdfError} />
      {pdfUrl ? <iframe title="Invoice PDF" src={pdfUrl} className="pdf" /> : !pdfError && <p>Rendering the PDF…</p>}
    </section>
  );
}
