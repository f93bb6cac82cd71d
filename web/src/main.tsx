import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App";
import { asProblem } from "./api/problem";
import { SessionProvider } from "./auth/session";
import "./styles.css";

const queries = new QueryClient({
  defaultOptions: {
    // A problem (4xx) is the answer, not a glitch: retrying it only delays the message.
    queries: { retry: (failures, error) => failures < 2 && (asProblem(error)?.status ?? 500) >= 500, refetchOnWindowFocus: false },
  },
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <SessionProvider>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
