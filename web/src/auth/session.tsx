import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { request, type RequestOptions } from "../api/client";
import { ProblemError } from "../api/problem";

export interface Session {
  token: string;
  email: string;
  userId: string;
  organizationId: string | null;
  roles: string[];
  expiresAt: string;
}

interface SessionContextValue {
  session: Session | null;
  logIn: (email: string, password: string) => Promise<void>;
  logOut: () => void;
  call: <T>(path: string, options?: RequestOptions) => Promise<T>;
}

const storageKey = "modular.console.session";
const SessionContext = createContext<SessionContextValue | null>(null);

/** The claims of the platform's access token (short JWT names: sub, email, org, role). */
export function sessionOf(token: string, expiresAt: string): Session {
  const payload = token.split(".")[1] ?? "";
  const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)));
  const claims = JSON.parse(json) as { sub: string; email?: string; org?: string; role?: string | string[] };
  const roles = claims.role === undefined ? [] : Array.isArray(claims.role) ? claims.role : [claims.role];
  return { token, email: claims.email ?? "", userId: claims.sub, organizationId: claims.org ?? null, roles, expiresAt };
}

function storedSession(): Session | null {
  const text = sessionStorage.getItem(storageKey);
  if (!text) return null;
  const session = JSON.parse(text) as Session;
  return new Date(session.expiresAt) > new Date() ? session : null;
}

export function SessionProvider({ children, initial }: { children: ReactNode; initial?: Session | null }) {
  const [session, setSession] = useState<Session | null>(() => (initial !== undefined ? initial : storedSession()));

  const logOut = useCallback(() => {
    sessionStorage.removeItem(storageKey);
    setSession(null);
  }, []);

  const logIn = useCallback(async (email: string, password: string) => {
    const token = await request<{ accessToken: string; expiresAt: string }>(null, "/api/iam/token", { body: { email, password } });
    const next = sessionOf(token.accessToken, token.expiresAt);
    sessionStorage.setItem(storageKey, JSON.stringify(next));
    setSession(next);
  }, []);

  const call = useCallback(
    async <T,>(path: string, options?: RequestOptions) => {
      try {
        return await request<T>(session?.token ?? null, path, options);
      } catch (error) {
        // An expired or revoked token: back to the login screen.
        if (error instanceof ProblemError && error.status === 401) logOut();
        throw error;
      }
    },
    [session, logOut],
  );

  const value = useMemo(() => ({ session, logIn, logOut, call }), [session, logIn, logOut, call]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The signed-in session; screens render only inside the signed-in shell. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error("useSignedIn without a session");
  return session;
}
