import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useSession } from "../../auth/session";
import { ProblemMessage } from "../../components/ProblemMessage";

interface AcquiringMetrics {
  acquired: number;
  isolated: number;
  lagSeconds: number;
  measuredAt: string;
}

export interface AcquiringPoint {
  time: string;
  acquiredPerSecond: number;
  isolatedPerSecond: number;
  lagSeconds: number;
}

const path = "/api/acquisition/acquiring-metrics";
const everyMs = 2000;
const kept = 90;

/** The rates between two readings of the loop's totals; a restarted instance (totals going down) counts from 0. */
export function pointOf(previous: AcquiringMetrics, current: AcquiringMetrics): AcquiringPoint {
  const seconds = Math.max((Date.parse(current.measuredAt) - Date.parse(previous.measuredAt)) / 1000, 0.001);
  const rate = (now: number, before: number) => Math.round(((now >= before ? now - before : now) / seconds) * 10) / 10;
  return {
    time: current.measuredAt.slice(11, 19),
    acquiredPerSecond: rate(current.acquired, previous.acquired),
    isolatedPerSecond: rate(current.isolated, previous.isolated),
    lagSeconds: current.lagSeconds,
  };
}

export function AcquiringChart() {
  const { call } = useSession();
  const metrics = useQuery({ queryKey: [path], queryFn: () => call<AcquiringMetrics>(path), refetchInterval: everyMs });
  const [previous, setPrevious] = useState<AcquiringMetrics | null>(null);
  const [points, setPoints] = useState<AcquiringPoint[]>([]);
  useEffect(() => {
    const current = metrics.data;
    if (!current || current.measuredAt === previous?.measuredAt) return;
    if (previous) setPoints((all) => [...all, pointOf(previous, current)].slice(-kept));
    setPrevious(current);
  }, [metrics.data, previous]);
  const latest = points.at(-1);
  return (
    <section>
      <h1>Acquiring loop</h1>
      <p>Read every {everyMs / 1000} s; the rates are between two readings of the instance that answered.</p>
      <ProblemMessage error={metrics.error} />
      <dl className="facts" aria-label="Now">
        <dt>Acquired/s</dt>
        <dd>{latest ? latest.acquiredPerSecond : "—"}</dd>
        <dt>Isolated/s</dt>
        <dd>{latest ? latest.isolatedPerSecond : "—"}</dd>
        <dt>Lag</dt>
        <dd>{metrics.data ? `${metrics.data.lagSeconds} s` : "—"}</dd>
        <dt>Acquired in all</dt>
        <dd>{metrics.data?.acquired ?? "—"}</dd>
        <dt>Isolated in all</dt>
        <dd>{metrics.data?.isolated ?? "—"}</dd>
      </dl>
      <figure className="chart wide" aria-label="Acquired, isolated and lag over time">
        <ResponsiveContainer width="100%" height={300}>
          <LineChart data={points}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="time" />
            <YAxis yAxisId="rate" allowDecimals={false} label={{ value: "per second", angle: -90, position: "insideLeft" }} />
            <YAxis yAxisId="lag" orientation="right" label={{ value: "lag (s)", angle: 90, position: "insideRight" }} />
            <Tooltip />
            <Legend />
            <Line yAxisId="rate" type="monotone" dataKey="acquiredPerSecond" name="acquired/s" stroke="#1d6a3a" dot={false} isAnimationActive={false} />
            <Line yAxisId="rate" type="monotone" dataKey="isolatedPerSecond" name="isolated/s" stroke="#b00020" dot={false} isAnimationActive={false} />
            <Line yAxisId="lag" type="monotone" dataKey="lagSeconds" name="lag (s)" stroke="#3060c0" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
    </section>
  );
}
