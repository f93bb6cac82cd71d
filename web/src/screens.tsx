import type { ReactElement } from "react";
import type { Permission } from "./auth/roles";
import { InvitationJob, Invitations } from "./screens/iam/Invitations";
import { OrganizationDetail, Organizations } from "./screens/iam/Organizations";
import { Users } from "./screens/iam/Users";
import { Catalogue } from "./screens/ordering/Catalogue";
import { OrderDetail, Orders } from "./screens/ordering/Orders";
import { BulkOrderDetail, BulkOrders } from "./screens/ordering/BulkOrders";
import { MerchantDetail, Merchants } from "./screens/acquisition/Merchants";
import { MerchantImport } from "./screens/acquisition/MerchantImport";
import { Transactions } from "./screens/acquisition/Transactions";
import { AcquiringErrorDetail, AcquiringErrors } from "./screens/acquisition/AcquiringErrors";
import { FraudDetectionDetail, FraudDetections } from "./screens/acquisition/FraudDetections";
import { AcquiringChart } from "./screens/acquisition/AcquiringChart";
import { Ledger } from "./screens/settlement/Ledger";
import { Exports } from "./screens/settlement/Exports";
import { Invoices } from "./screens/billing/Invoices";
import { InvoicePreview } from "./screens/billing/InvoicePreview";
import { Dispatch } from "./screens/billing/Dispatch";
import { ProjectEditor, ProjectPage, Projects } from "./screens/funding/Projects";

export interface Screen {
  path: string;
  permission: Permission;
  element: ReactElement;
  /** Shown in the navigation when set (detail pages are reached from their lists). */
  nav?: { section: string; label: string };
}

/** Every screen, the permission it needs and its place in the navigation: a role sees only what it may use. */
export const screens: Screen[] = [
  { path: "/iam/organizations", permission: "readOrganizations", element: <Organizations />, nav: { section: "IAM", label: "Organizations" } },
  { path: "/iam/organizations/:organizationId", permission: "readOrganizations", element: <OrganizationDetail /> },
  { path: "/iam/users", permission: "readUsers", element: <Users />, nav: { section: "IAM", label: "Users" } },
  { path: "/iam/invitations", permission: "manageUsers", element: <Invitations />, nav: { section: "IAM", label: "Invitations" } },
  { path: "/iam/invitations/:jobId", permission: "manageUsers", element: <InvitationJob /> },
  { path: "/ordering/products", permission: "readCatalogue", element: <Catalogue />, nav: { section: "Ordering", label: "Catalogue" } },
  { path: "/ordering/orders", permission: "readOrders", element: <Orders />, nav: { section: "Ordering", label: "Orders" } },
  { path: "/ordering/orders/:orderId", permission: "readOrders", element: <OrderDetail /> },
  { path: "/ordering/bulk-orders", permission: "readBulkOrders", element: <BulkOrders />, nav: { section: "Ordering", label: "Bulk orders" } },
  { path: "/ordering/bulk-orders/:bulkOrderId", permission: "readBulkOrders", element: <BulkOrderDetail /> },
  { path: "/acquisition/merchants", permission: "readMerchants", element: <Merchants />, nav: { section: "Acquisition", label: "Merchants" } },
  { path: "/acquisition/merchants/:merchantId", permission: "readMerchants", element: <MerchantDetail /> },
  { path: "/acquisition/imports", permission: "manageMerchants", element: <MerchantImport />, nav: { section: "Acquisition", label: "Bulk upload" } },
  { path: "/acquisition/transactions", permission: "readTransactions", element: <Transactions />, nav: { section: "Acquisition", label: "Transactions" } },
  { path: "/acquisition/acquiring-errors", permission: "handleAcquiringErrors", element: <AcquiringErrors />, nav: { section: "Acquisition", label: "Acquiring errors" } },
  { path: "/acquisition/acquiring-errors/:errorId", permission: "handleAcquiringErrors", element: <AcquiringErrorDetail /> },
  { path: "/acquisition/acquiring", permission: "readAcquiringMetrics", element: <AcquiringChart />, nav: { section: "Acquisition", label: "Acquiring loop" } },
  { path: "/acquisition/fraud-detections", permission: "reviewFraud", element: <FraudDetections />, nav: { section: "Acquisition", label: "Fraud detections" } },
  { path: "/acquisition/fraud-detections/:detectionId", permission: "reviewFraud", element: <FraudDetectionDetail /> },
  { path: "/funding/projects", permission: "readProjects", element: <Projects />, nav: { section: "Funding", label: "Projects" } },
  { path: "/funding/projects/new", permission: "manageProjects", element: <ProjectEditor /> },
  { path: "/funding/projects/:projectId", permission: "readProjects", element: <ProjectPage /> },
  { path: "/funding/projects/:projectId/edit", permission: "manageProjects", element: <ProjectEditor /> },
  { path: "/settlement/ledger", permission: "readLedger", element: <Ledger />, nav: { section: "Settlement", label: "Ledger" } },
  { path: "/settlement/exports", permission: "readLedger", element: <Exports />, nav: { section: "Settlement", label: "Exports" } },
  { path: "/billing/invoices", permission: "operateBilling", element: <Invoices />, nav: { section: "Billing", label: "Invoices" } },
  { path: "/billing/invoices/:invoiceId", permission: "operateBilling", element: <InvoicePreview /> },
  { path: "/billing/dispatches/:dispatchId", permission: "operateBilling", element: <Dispatch /> },
];
