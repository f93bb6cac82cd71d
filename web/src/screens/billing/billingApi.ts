export const invoices = "/api/billing/invoices";
export const dispatches = "/api/billing/dispatches";

export interface DispatchProgress {
  id: string;
  status: string;
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  cancelled: number;
  left: number;
  done: number;
  contactLookups: number;
  createdAt: string;
  finishedAt: string | null;
}
