import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { asProblem } from "../api/problem";
import { useSession } from "../auth/session";
import { Field } from "../components/Field";
import { ProblemMessage, fieldErrorsOf } from "../components/ProblemMessage";

export function Login() {
  const { logIn } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await logIn(email, password);
      navigate("/", { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const fields = fieldErrorsOf(error);
  return (
    <main className="login">
      <h1>Modular console</h1>
      <form onSubmit={submit} aria-label="Log in">
        <Field label="E-mail" errors={fields.email}>
          <input type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </Field>
        <Field label="Password" errors={fields.password}>
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </Field>
        {asProblem(error)?.status === 401 ? (
          <div role="alert" className="problem">
            The e-mail or password is not correct.
          </div>
        ) : (
          <ProblemMessage error={error} />
        )}
        <button type="submit" disabled={busy}>
          {busy ? "Logging in…" : "Log in"}
        </button>
      </form>
    </main>
  );
}
