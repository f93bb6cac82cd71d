import { NavLink, Navigate, Route, Routes } from "react-router";
import { may } from "./auth/roles";
import { useSession } from "./auth/session";
import { screens, type Screen } from "./screens";
import { Login } from "./screens/Login";

function Navigation({ allowed }: { allowed: Screen[] }) {
  const sections = [...new Set(allowed.filter((screen) => screen.nav).map((screen) => screen.nav!.section))];
  return (
    <nav aria-label="Main">
      {sections.map((section) => (
        <section key={section}>
          <h2>{section}</h2>
          <ul>
            {allowed
              .filter((screen) => screen.nav?.section === section)
              .map((screen) => (
                <li key={screen.path}>
                  <NavLink to={screen.path}>{screen.nav!.label}</NavLink>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

function NotForYourRole() {
  return (
    <div role="alert" className="problem forbidden">
      <strong>Not allowed.</strong> This screen is not available to your role.
    </div>
  );
}

export function App() {
  const { session, logOut } = useSession();
  if (!session) {
    return (
      <Routes>
        <Route path="*" element={<Login />} />
      </Routes>
    );
  }

  const allowed = screens.filter((screen) => may(session.roles, screen.permission));
  const home = allowed.find((screen) => screen.nav)?.path;
  return (
    <div className="shell">
      <header>
        <span className="brand">Modular console</span>
        <span className="who">
          {session.email} · {session.roles.join(", ")}
        </span>
        <button type="button" onClick={logOut}>
          Log out
        </button>
      </header>
      <Navigation allowed={allowed} />
      <main>
        <Routes>
          {screens.map((screen) => (
            <Route key={screen.path} path={screen.path} element={allowed.includes(screen) ? screen.element : <NotForYourRole />} />
          ))}
          <Route path="/" element={home ? <Navigate to={home} replace /> : <p>Your role has no screens in this console.</p>} />
          <Route path="*" element={<p role="alert">There is no such page.</p>} />
        </Routes>
      </main>
    </div>
  );
}
