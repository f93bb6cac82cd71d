import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { App } from "./App";
import { ProblemError } from "./api/problem";
import { SessionProvider, sessionOf, type Session } from "./auth/session";
import { Field } from "./components/Field";
import { ProblemMessage } from "./components/ProblemMessage";
import { BadCellGrid } from "./screens/acquisition/MerchantImport";
import { emailsOf } from "./screens/iam/Invitations";
import { pointOf } from "./screens/acquisition/AcquiringChart";
import { size } from "./screens/settlement/Exports";

function tokenFor(claims: object): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, "");
  return `${encode({ alg: "HS256" })}.${encode(claims)}.signature`;
}

function sessionAs(...roles: string[]): Session {
  return sessionOf(tokenFor({ sub: "u-1", email: "someone@modular.test", role: roles.length === 1 ? roles[0] : roles }), "2999-01-01T00:00:00Z");
}

function renderApp(session: Session | null, path = "/", cached: [string, unknown][] = []) {
  const client = new QueryClient({ defaultOptions: { queries: { enabled: false } } });
  for (const [key, data] of cached) client.setQueryData([key], data);
  return render(
    <QueryClientProvider client={client}>
      <SessionProvider initial={session}>
        <MemoryRouter initialEntries={[path]}>
          <App />
        </MemoryRouter>
      </SessionProvider>
    </QueryClientProvider>,
  );
}

describe("the session", () => {
  it("reads roles and organization from the token, one role or many", () => {
    expect(sessionAs("RiskManager").roles).toEqual(["RiskManager"]);
    const merchant = sessionOf(tokenFor({ sub: "u", org: "o-1", role: ["MerchantAdmin", "MerchantUser"] }), "2999-01-01T00:00:00Z");
    expect(merchant.organizationId).toBe("o-1");
    expect(merchant.roles).toEqual(["MerchantAdmin", "MerchantUser"]);
  });
});

describe("navigation by role", () => {
  it("shows the login form without a session", () => {
    renderApp(null);
    expect(screen.getByRole("form", { name: "Log in" })).toBeInTheDocument();
  });

  it("shows a platform admin every screen", () => {
    renderApp(sessionAs("PlatformAdmin"));
    const nav = within(screen.getByRole("navigation", { name: "Main" }));
    for (const label of ["Organizations", "Users", "Invitations", "Catalogue", "Orders", "Bulk orders", "Merchants", "Bulk upload", "Transactions",
      "Acquiring errors", "Acquiring loop", "Fraud detections", "Projects", "Ledger", "Exports", "Invoices"]) {
      expect(nav.getByRole("link", { name: label })).toBeInTheDocument();
    }
  });

  it("hides from a risk manager what it may not use, and says so on its address", () => {
    renderApp(sessionAs("RiskManager"), "/acquisition/imports");
    const nav = within(screen.getByRole("navigation", { name: "Main" }));
    expect(nav.queryByRole("link", { name: "Bulk upload" })).toBeNull();
    expect(nav.queryByRole("link", { name: "Invitations" })).toBeNull();
    expect(nav.getByRole("link", { name: "Transactions" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("not available to your role");
  });
});

describe("the acquisition and settlement screens by role", () => {
  const linksOf = (role: string) => {
    renderApp(sessionAs(role));
    const nav = within(screen.getByRole("navigation", { name: "Main" }));
    return (label: string) => nav.queryByRole("link", { name: label }) !== null;
  };

  it("gives finance the acquiring errors, the loop's chart and the ledger, not fraud review", () => {
    const shown = linksOf("FinanceOperator");
    expect(["Acquiring errors", "Acquiring loop", "Ledger", "Exports"].every(shown)).toBe(true);
    expect(shown("Fraud detections")).toBe(false);
  });

  it("gives a risk manager fraud review only", () => {
    const shown = linksOf("RiskManager");
    expect(shown("Fraud detections")).toBe(true);
    expect(["Acquiring errors", "Acquiring loop", "Ledger", "Exports"].some(shown)).toBe(false);
  });

  it("gives a merchant admin its own ledger and exports, not the loop", () => {
    const shown = linksOf("MerchantAdmin");
    expect(["Ledger", "Exports"].every(shown)).toBe(true);
    expect(["Acquiring errors", "Acquiring loop", "Fraud detections", "Invoices"].some(shown)).toBe(false);
  });

  it("gives a billing operator the invoices, and nobody else but a platform admin", () => {
    expect(linksOf("BillingOperator")("Invoices")).toBe(true);
    for (const role of ["FinanceOperator", "RiskManager", "MerchantUser"]) {
      cleanup();
      expect(linksOf(role)("Invoices")).toBe(false);
    }
  });
});

describe("bulk orders", () => {
  const job = (status: string, results: (string | null)[]) => ({
    id: "0193aaaa-0000-7000-8000-000000000001", organizationId: "o-1", mode: "BestEffort", status,
    orderId: status === "Completed" ? "0193bbbb-0000-7000-8000-000000000002" : null,
    submittedAt: "2026-12-02T06:00:00Z", completedAt: status === "Pending" ? null : "2026-12-02T06:00:01Z",
    lines: results.map((result, index) => ({ line: index + 1, productId: `p-${index}`, productName: `상품 ${index + 1}`, quantity: 2, result })),
  });
  const path = "/ordering/bulk-orders/0193aaaa-0000-7000-8000-000000000001";
  const open = (status: string, results: (string | null)[]) =>
    renderApp(sessionAs("MerchantAdmin"), path, [[`/api${path}`, job(status, results)]]);

  it("is in the navigation of merchant staff and operators", () => {
    for (const role of ["MerchantAdmin", "MerchantUser", "FinanceOperator", "BillingOperator", "RiskManager", "PlatformAdmin"]) {
      cleanup();
      renderApp(sessionAs(role));
      expect(within(screen.getByRole("navigation", { name: "Main" })).getByRole("link", { name: "Bulk orders" })).toBeInTheDocument();
    }
  });

  it("shows a pending job's progress as the lines with a result, and each line's result", () => {
    open("Pending", ["Reserved", null, null]);
    expect(screen.getByRole("progressbar", { name: "Lines with a result" })).toHaveAttribute("value", "1");
    expect(screen.getByText("1 of 3 (33%)")).toBeInTheDocument();
    const rows = within(screen.getByRole("table", { name: "Line results" })).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("1상품 12Reserved");
    expect(rows[2]).toHaveTextContent("2상품 22—");
  });

  it("links a completed job's placed order and shows no progress bar", () => {
    open("Completed", ["Reserved", "Short"]);
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("link", { name: "Order 00000002" })).toHaveAttribute("href", "/ordering/orders/0193bbbb-0000-7000-8000-000000000002");
    expect(within(screen.getByRole("table", { name: "Line results" })).getAllByRole("row")[2]).toHaveTextContent("Short");
  });
});

describe("the acquiring chart", () => {
  it("takes rates between two readings, and counts a restarted instance's totals from 0", () => {
    const at = (seconds: number, acquired: number, isolated: number) => ({
      acquired, isolated, lagSeconds: 1.5, measuredAt: new Date(Date.UTC(2026, 11, 2, 6, 0, seconds)).toISOString(),
    });
    expect(pointOf(at(0, 1000, 4), at(2, 3000, 10))).toEqual({ time: "06:00:02", acquiredPerSecond: 1000, isolatedPerSecond: 3, lagSeconds: 1.5 });
    expect(pointOf(at(2, 3000, 10), at(4, 200, 0)).acquiredPerSecond).toBe(100);
  });
});

describe("the export queue", () => {
  it("shows a file's size in readable units", () => {
    expect(size(null)).toBe("—");
    expect(size(512)).toBe("512 B");
    expect(size(2048)).toBe("2.0 KB");
    expect(size(5 * 1024 * 1024)).toBe("5.0 MB");
  });
});

describe("problems", () => {
  it("renders a 403 as a clear message", () => {
    render(<ProblemMessage error={new ProblemError(403, { status: 403, code: "http.forbidden" })} />);
    expect(screen.getByRole("alert")).toHaveTextContent("Your role may not do this");
  });

  it("renders another problem with its title and code", () => {
    render(<ProblemMessage error={new ProblemError(409, { status: 409, title: "Taken.", code: "iam.email_taken" })} />);
    expect(screen.getByRole("alert")).toHaveTextContent("Taken. iam.email_taken");
  });

  it("puts field errors next to their field, tied to the control", () => {
    render(
      <Field label="Name" errors={["'Name' must not be empty."]}>
        <input />
      </Field>,
    );
    const input = screen.getByLabelText("Name");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription("'Name' must not be empty.");
  });
});

describe("invitations", () => {
  it("reads pasted addresses by line, comma or semicolon", () => {
    expect(emailsOf("a@x.test\nb@x.test, c@x.test;d@x.test\n\n")).toEqual(["a@x.test", "b@x.test", "c@x.test", "d@x.test"]);
  });
});

describe("the bad-cell grid", () => {
  it("puts each bad cell at its row and column", () => {
    render(
      <BadCellGrid
        cells={[
          { row: 3, column: "feeRate", header: "수수료율", value: "0..025", code: "acquisition.cell_format", message: "Not a number." },
          { row: 5, column: "name", header: "name", value: null, code: "acquisition.cell_required", message: "Required." },
        ]}
      />,
    );
    const grid = screen.getByRole("table", { name: "Bad cells" });
    expect(within(grid).getByRole("columnheader", { name: "수수료율" })).toBeInTheDocument();
    const row3 = within(grid).getByRole("row", { name: /^3/ });
    expect(row3).toHaveTextContent("0..025 — Not a number.");
    const row5 = within(grid).getByRole("row", { name: /^5/ });
    expect(row5).toHaveTextContent("(empty) — Required.");
  });
});
